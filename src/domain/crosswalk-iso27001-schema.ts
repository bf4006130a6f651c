import { z } from 'zod';
import { itemIdSchema } from './catalog-schema';
import { crosswalkStrengths } from './crosswalk-schema';

/**
 * ISO/IEC 27001:2022 as reference data (catalog/crosswalks/iso-iec-27001-2022.json): clause and Annex A
 * control numbers with their titles only, no text of the standard. Controls carry the prefix `A.` so
 * that control 5.1 is never read as clause 5.1. Provenance: docs/crosswalks.md.
 */
export const iso27001ClauseIdSchema = z.string().regex(/^(4|5|6|7|8|9|10)(\.\d{1,2}){0,2}$/, 'not an ISO/IEC 27001 clause id');
export const iso27001ControlIdSchema = z.string().regex(/^A\.[5-8]\.\d{1,2}$/, 'not an ISO/IEC 27001 Annex A control id');
const themeIdSchema = z.enum(['5', '6', '7', '8']);

export const iso27001DataSchema = z.strictObject({
  format: z.literal('aims-workbench-framework'),
  framework: z.strictObject({ id: z.literal('iso-iec-27001'), name: z.string().min(1), edition: z.literal('ISO/IEC 27001:2022') }),
  source: z.strictObject({ publication: z.string().min(10), licence: z.string().min(10), note: z.string().min(10) }),
  clauses: z.array(z.strictObject({ id: iso27001ClauseIdSchema, title: z.string().min(2).max(120), parent: iso27001ClauseIdSchema.nullable() })).min(1),
  /** Annex A's four themes: 5 organizational, 6 people, 7 physical, 8 technological. */
  themes: z.array(z.strictObject({ id: themeIdSchema, title: z.string().min(2).max(60) })).length(4),
  controls: z.array(z.strictObject({ id: iso27001ControlIdSchema, theme: themeIdSchema, title: z.string().min(2).max(120) })).min(1),
});
export type Iso27001Data = z.infer<typeof iso27001DataSchema>;
export type Iso27001Clause = Iso27001Data['clauses'][number];
export type Iso27001Control = Iso27001Data['controls'][number];
export type Iso27001Theme = Iso27001Data['themes'][number];

/** One row as in iso42001-crosswalk.json, with the basis in Chinese beside the English. */
export const iso27001RowSchema = z.strictObject({
  /** An assessable ISO/IEC 42001 item: "4.1", "A.6.2.4". */
  item: itemIdSchema,
  target: z.literal('iso27001'),
  /** A 27001 clause ("9.2.2") or Annex A control ("A.5.1"); checked against the data on load. */
  targetId: z.union([iso27001ClauseIdSchema, iso27001ControlIdSchema]),
  strength: z.enum(crosswalkStrengths),
  basis: z.string().trim().min(10).max(300),
  basisZh: z.string().trim().min(6).max(200),
});
export type Iso27001Row = z.infer<typeof iso27001RowSchema>;

export const iso27001MappingSchema = z.strictObject({
  format: z.literal('aims-workbench-crosswalk'),
  from: z.literal('iso-iec-42001'),
  crosswalkVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
  targets: z.strictObject({ iso27001: z.strictObject({ framework: z.literal('iso-iec-27001'), status: z.literal('our-judgement') }) }),
  note: z.string().min(10),
  rows: z.array(iso27001RowSchema).min(1),
});
export type Iso27001Mapping = z.infer<typeof iso27001MappingSchema>;
