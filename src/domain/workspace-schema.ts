import { z } from 'zod';
import { isoDateSchema, timestampSchema } from './dates';
import { defineFields, LONG_TEXT_MAX, TEXT_MAX } from './fields';
import { logoSchema } from './logo';
import { riskMatrixSchema } from './risk-matrix';

export const organizationSizes = ['micro', 'small', 'medium', 'large'] as const;
/** Roles an organization can hold towards AI (the vocabulary 4.1 points to). */
export const aiRoles = ['ai-provider', 'ai-producer', 'ai-customer', 'ai-partner', 'ai-subject', 'relevant-authority'] as const;
/** 4.1 of ISO/IEC 42001:2023: the organization decides whether climate change is a relevant issue. */
export const climateRelevance = ['undetermined', 'yes', 'no'] as const;
/** The workspace's own colour (its badge in the menu), so a consultant tells clients apart; unset, it follows the name. */
export const workspaceColours = ['blue', 'teal', 'green', 'amber', 'orange', 'red', 'pink', 'purple', 'slate'] as const;
export type WorkspaceColour = (typeof workspaceColours)[number];

export const profileSchema = z.strictObject({
  organizationName: z.string().max(TEXT_MAX).default(''),
  sector: z.string().max(TEXT_MAX).default(''),
  size: z.enum(organizationSizes).nullable().default(null),
  aiRoles: z.array(z.enum(aiRoles)).max(aiRoles.length).default([]),
  climateRelevant: z.enum(climateRelevance).default('undetermined'),
  climateNote: z.string().max(LONG_TEXT_MAX).default(''),
  /** Printed on every print view and in the bundle's report (see logo.ts); not a form field of its own kind. */
  logo: logoSchema.nullable().default(null),
  colour: z.enum(workspaceColours).nullable().default(null),
  /** The organization runs an ISO/IEC 27001 ISMS: items its records may serve are marked (crosswalk-iso27001.ts). */
  isms27001: z.boolean().default(false),
});
export type Profile = z.infer<typeof profileSchema>;

export const profileFields = defineFields<keyof Profile>([
  { key: 'organizationName', kind: 'text', label: 'profile.organizationName', column: 'Organization', maxLength: TEXT_MAX },
  { key: 'sector', kind: 'text', label: 'profile.sector', column: 'Sector', maxLength: TEXT_MAX },
  { key: 'size', kind: 'enum', label: 'profile.size', options: organizationSizes, optionPrefix: 'size', column: 'Size', nullable: true },
  { key: 'aiRoles', kind: 'multi-enum', label: 'profile.aiRoles', help: 'profile.aiRoles.help', options: aiRoles, optionPrefix: 'aiRole', column: 'AI roles' },
  {
    key: 'climateRelevant',
    kind: 'enum',
    label: 'profile.climateRelevant',
    help: 'profile.climateRelevant.help',
    options: climateRelevance,
    optionPrefix: 'climate',
    column: 'Climate change relevant',
  },
  { key: 'climateNote', kind: 'textarea', label: 'profile.climateNote', column: 'Climate change note', maxLength: LONG_TEXT_MAX },
  { key: 'isms27001', kind: 'flag', label: 'profile.isms27001', help: 'profile.isms27001.help', column: 'ISO/IEC 27001 ISMS' },
  {
    key: 'colour',
    kind: 'enum',
    label: 'profile.colour',
    help: 'profile.colour.help',
    options: workspaceColours,
    optionPrefix: 'colour',
    column: 'Workspace colour',
    nullable: true,
  },
]);

/** The colour the workspace shows: its own, or one the name always picks (the same name, the same colour). */
export function workspaceColour(ws: { name: string; profile: { colour: WorkspaceColour | null } }): WorkspaceColour {
  if (ws.profile.colour) return ws.profile.colour;
  let h = 0;
  for (const ch of ws.name.trim().toLowerCase()) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return workspaceColours[h % workspaceColours.length] ?? 'blue';
}

/** Up to two letters for the workspace's badge: the first letters of its first two words ("Northwind Insurance" → "NI"). */
export function workspaceInitials(name: string): string {
  const words = name
    .trim()
    .split(/[\s\-_.]+/u)
    .filter(Boolean);
  const first = (w: string) => Array.from(w)[0] ?? '';
  if (words.length >= 2) return (first(words[0] ?? '') + first(words[1] ?? '')).toUpperCase();
  return Array.from(words[0] ?? '?')
    .slice(0, 2)
    .join('')
    .toUpperCase();
}

export const soaMetaSchema = z.strictObject({
  version: z.string().max(50).default(''),
  date: isoDateSchema.nullable().default(null),
  approver: z.string().max(TEXT_MAX).default(''),
});
export type SoaMeta = z.infer<typeof soaMetaSchema>;

export const soaMetaFields = defineFields<keyof SoaMeta>([
  { key: 'version', kind: 'text', label: 'soa.meta.version', column: 'SoA version', maxLength: 50 },
  { key: 'date', kind: 'date', label: 'soa.meta.date', column: 'SoA date' },
  { key: 'approver', kind: 'text', label: 'soa.meta.approver', column: 'SoA approver', maxLength: TEXT_MAX },
]);

export const workspaceNameSchema = z.string().trim().min(1, 'name-required').max(120, 'name-too-long');

export const workspaceSchema = z.strictObject({
  id: z.string().min(1).max(64),
  name: workspaceNameSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /** The catalog version the workspace was last opened with (answers are keyed by item id, never overwritten). */
  catalogVersion: z.string(),
  profile: profileSchema,
  soaMeta: soaMetaSchema,
  /** Risk criteria (6.1.2); added in database version 2. */
  riskMatrix: riskMatrixSchema,
});
export type Workspace = z.infer<typeof workspaceSchema>;
