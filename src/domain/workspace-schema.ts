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

export const profileSchema = z.strictObject({
  organizationName: z.string().max(TEXT_MAX).default(''),
  sector: z.string().max(TEXT_MAX).default(''),
  size: z.enum(organizationSizes).nullable().default(null),
  aiRoles: z.array(z.enum(aiRoles)).max(aiRoles.length).default([]),
  climateRelevant: z.enum(climateRelevance).default('undetermined'),
  climateNote: z.string().max(LONG_TEXT_MAX).default(''),
  /** The organization runs an ISO/IEC 27001 ISMS: items its records may serve are marked (crosswalk-iso27001.ts). */
  isms27001: z.boolean().default(false),
  /** Printed on every print view and in the bundle's report (see logo.ts); not a form field of its own kind. */
  logo: logoSchema.nullable().default(null),
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
]);

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
