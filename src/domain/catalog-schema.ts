import { z } from 'zod';

/**
 * Catalog files are reference data shipped with the app (never user data).
 * Structure (ids, hierarchy, links) and text (per language) live in separate
 * files so that a second language or another framework adds files, not shapes.
 */

export const itemKindSchema = z.enum(['clause-group', 'clause', 'objective', 'control-group', 'control']);
export type ItemKind = z.infer<typeof itemKindSchema>;

/** Clause and control ids: "4", "6.1.4", "A.2", "A.6.2.4". */
export const itemIdSchema = z.string().regex(/^(A\.)?\d{1,2}(\.\d{1,2}){0,2}$/, 'not a clause or control id');

export const catalogItemSchema = z.strictObject({
  id: itemIdSchema,
  kind: itemKindSchema,
  parent: itemIdSchema.nullable(),
  related: z.array(itemIdSchema).default([]),
});
export type CatalogItemStructure = z.infer<typeof catalogItemSchema>;

export const pickListEntrySchema = z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/) });

export const catalogStructureSchema = z.strictObject({
  format: z.literal('aims-workbench-catalog'),
  framework: z.strictObject({
    id: z.string().min(1),
    name: z.string().min(1),
    edition: z.string().min(1),
  }),
  catalogVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
  items: z.array(catalogItemSchema).min(1),
  pickLists: z.record(z.string(), z.array(pickListEntrySchema)),
});
export type CatalogStructure = z.infer<typeof catalogStructureSchema>;

const guidanceText = z.string().min(20).max(2000);

export const itemTextSchema = z.strictObject({
  title: z.string().min(2).max(200),
  summary: guidanceText,
  questions: z.array(guidanceText).default([]),
  evidence: z.array(z.string().min(5).max(400)).default([]),
});
export type ItemText = z.infer<typeof itemTextSchema>;

export const pickListTextSchema = z.strictObject({
  label: z.string().min(2).max(120),
  description: z.string().min(10).max(600),
});

export const catalogTextSchema = z.strictObject({
  format: z.literal('aims-workbench-catalog-text'),
  framework: z.string().min(1),
  locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
  catalogVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
  /**
   * True when the titles are this project's own translation of the standard's titles, not an
   * official translation (zh-CN). Absent or false: the titles are the standard's own (en).
   */
  titlesUnofficial: z.boolean().optional(),
  /** Titles of clauses and controls are the standard's (or, with titlesUnofficial, our translation of them); everything else is our own writing. */
  items: z.record(itemIdSchema, itemTextSchema),
  pickLists: z.record(z.string(), z.record(z.string(), pickListTextSchema)),
});
export type CatalogText = z.infer<typeof catalogTextSchema>;

/**
 * A text file without the guidance: titles and pick lists only. The start page and the dashboard
 * load this much (a `?titles` import, see vite.config.ts); the guidance loads with the item page.
 */
export const catalogTitlesSchema = catalogTextSchema.extend({ items: z.record(itemIdSchema, itemTextSchema.pick({ title: true })) });
export type CatalogTitles = z.infer<typeof catalogTitlesSchema>;
