import { z } from 'zod';

/**
 * What a matrix keeps of the CISO Assistant library it came from, so an export can update that
 * matrix there (same URN and ref_id, a higher library version) instead of creating a new one, and
 * can give back the texts of every language the library carried. All optional on the stored
 * matrix: a matrix made here has none of it (no Dexie upgrade needed).
 */

/** A language code as CISO Assistant writes it (`en`, `fr`, `zh`, `pt-BR`, `zh_CN`); never `__proto__`. */
export const LOCALE_CODE = /^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,2}$/;
export const MAX_LANGUAGES = 40;
const code = z.string().regex(LOCALE_CODE);

/** One language's texts of a level, a matrix or a library; limits as the stored fields, a library's name a little longer. */
export const textsSchema = z.strictObject({
  name: z.string().max(200).optional(),
  description: z.string().max(2000).optional(),
  abbreviation: z.string().max(12).optional(),
});
export type Texts = z.infer<typeof textsSchema>;
export const translationsSchema = z
  .record(code, textsSchema)
  .refine((t) => Object.keys(t).length <= MAX_LANGUAGES, { message: `at most ${MAX_LANGUAGES} languages` });
export type Translations = z.infer<typeof translationsSchema>;

export const cisoLibrarySchema = z.strictObject({
  urn: z.string().max(255),
  refId: z.string().max(100),
  /** CISO Assistant refuses a library whose version is not above the one it holds. */
  version: z.number().int().min(0).max(2_000_000_000),
  name: z.string().max(200).optional(),
  description: z.string().max(2000).optional(),
  provider: z.string().max(200).optional(),
  packager: z.string().max(100).optional(),
  copyright: z.string().max(2000).optional(),
  translations: translationsSchema.optional(),
});

export const cisoSourceSchema = z.strictObject({
  urn: z.string().max(255),
  refId: z.string().max(100),
  /** The library's own language: the texts CISO Assistant holds outside `translations`. */
  locale: code,
  /** The language the names here are in, when it is not `locale` (a translation was shown on import). */
  shown: code.optional(),
  /** The matrix's name and description in other languages. */
  translations: translationsSchema.optional(),
  library: cisoLibrarySchema.optional(),
});
export type CisoSource = z.infer<typeof cisoSourceSchema>;
export type CisoLibrary = z.infer<typeof cisoLibrarySchema>;
