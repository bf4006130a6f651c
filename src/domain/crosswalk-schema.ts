import { z } from 'zod';
import { itemIdSchema } from './catalog-schema';

/**
 * Crosswalk files are reference data shipped with the app (catalog/crosswalks/), like the catalog:
 * two other frameworks (NIST AI RMF 1.0 and the EU AI Act) described by their own ids and titles,
 * and our own mapping from ISO/IEC 42001 items to them. Provenance: docs/crosswalks.md.
 */

const sourceSchema = z.strictObject({
  publication: z.string().min(10),
  licence: z.string().min(10),
  note: z.string().min(10),
});

const frameworkSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  edition: z.string().min(1),
});

/** NIST's own ids: functions "GOVERN", categories "GOVERN 1", subcategories "GOVERN 1.1". */
export const rmfFunctionIdSchema = z.enum(['GOVERN', 'MAP', 'MEASURE', 'MANAGE']);
export type RmfFunctionId = z.infer<typeof rmfFunctionIdSchema>;
export const rmfCategoryIdSchema = z.string().regex(/^(GOVERN|MAP|MEASURE|MANAGE) \d{1,2}$/, 'not an AI RMF category id');
export const rmfSubcategoryIdSchema = z.string().regex(/^(GOVERN|MAP|MEASURE|MANAGE) \d{1,2}\.\d{1,2}$/, 'not an AI RMF subcategory id');

export const rmfDataSchema = z.strictObject({
  format: z.literal('aims-workbench-framework'),
  framework: frameworkSchema.extend({ id: z.literal('nist-ai-rmf') }),
  source: sourceSchema,
  functions: z
    .array(z.strictObject({ id: rmfFunctionIdSchema, code: z.string().regex(/^[A-Z]{2}$/), title: z.string().min(2), outcome: z.string().min(10) }))
    .min(1),
  categories: z.array(z.strictObject({ id: rmfCategoryIdSchema, function: rmfFunctionIdSchema, text: z.string().min(10) })).min(1),
  subcategories: z
    .array(
      z.strictObject({
        id: rmfSubcategoryIdSchema,
        slug: z.string().regex(/^(gv|mp|ms|mg)-\d{1,2}\.\d{1,2}$/),
        function: rmfFunctionIdSchema,
        category: rmfCategoryIdSchema,
        text: z.string().min(10),
      }),
    )
    .min(1),
});
export type RmfData = z.infer<typeof rmfDataSchema>;
export type RmfFunction = RmfData['functions'][number];
export type RmfCategory = RmfData['categories'][number];
export type RmfSubcategory = RmfData['subcategories'][number];

/** Chapters are Roman numerals; articles "Art.1" … "Art.113". */
const chapterIdSchema = z.string().regex(/^[IVX]+$/, 'not a chapter number');
export const articleIdSchema = z.string().regex(/^Art\.\d{1,3}$/, 'not an AI Act article id');
const rangeSchema = z.tuple([z.number().int().positive(), z.number().int().positive()]);

export const euAiActDataSchema = z.strictObject({
  format: z.literal('aims-workbench-framework'),
  framework: frameworkSchema.extend({ id: z.literal('eu-ai-act') }),
  source: sourceSchema,
  chapters: z
    .array(
      z.strictObject({
        id: chapterIdSchema,
        title: z.string().min(2),
        articleRange: rangeSchema,
        sections: z.array(z.strictObject({ number: z.number().int().positive(), title: z.string().min(2), articleRange: rangeSchema })).optional(),
      }),
    )
    .min(1),
  articles: z
    .array(
      z.strictObject({
        id: articleIdSchema,
        number: z.number().int().positive(),
        title: z.string().min(2),
        chapter: chapterIdSchema,
        section: z.number().int().positive().nullable(),
      }),
    )
    .min(1),
  annexIIIAreas: z.array(z.strictObject({ area: z.number().int().positive(), title: z.string().min(2) })).min(1),
});
export type EuAiActData = z.infer<typeof euAiActDataSchema>;
export type AiActChapter = EuAiActData['chapters'][number];
export type AiActArticle = EuAiActData['articles'][number];

export const crosswalkTargets = ['rmf', 'euaia'] as const;
export type CrosswalkTarget = (typeof crosswalkTargets)[number];
export const crosswalkStrengths = ['strong', 'partial'] as const;
export type CrosswalkStrength = (typeof crosswalkStrengths)[number];

export const crosswalkRowSchema = z.strictObject({
  /** An assessable ISO/IEC 42001 item: "4.1", "A.6.2.4". */
  item: itemIdSchema,
  target: z.enum(crosswalkTargets),
  /** "GOVERN 1.1" for rmf, "Art.9" for euaia; checked against the target's data on load. */
  targetId: z.string().min(1),
  strength: z.enum(crosswalkStrengths),
  /** Why they relate, in one short sentence of our own. */
  basis: z.string().trim().min(10).max(300),
});
export type CrosswalkRow = z.infer<typeof crosswalkRowSchema>;

export const crosswalkMappingSchema = z.strictObject({
  format: z.literal('aims-workbench-crosswalk'),
  from: z.literal('iso-iec-42001'),
  crosswalkVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
  targets: z.strictObject({
    rmf: z.strictObject({ framework: z.literal('nist-ai-rmf'), status: z.literal('our-judgement') }),
    euaia: z.strictObject({ framework: z.literal('eu-ai-act'), status: z.literal('indicative') }),
  }),
  note: z.string().min(10),
  rows: z.array(crosswalkRowSchema).min(1),
});
export type CrosswalkMapping = z.infer<typeof crosswalkMappingSchema>;
