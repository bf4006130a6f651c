import { z } from 'zod';
import { timestampSchema } from '../../domain/dates';
import { idSchema } from '../../domain/record-base';
import { headerKeys, type SheetMapping } from './mapping';
import { targetOf, targetOptions, type OptionContext, type TargetRegister } from './mapping-targets';
import { withValue, type ValueMap } from './mapping-values';

/** Most columns a saved mapping keeps (sheet-read reads at most 200). */
const MAX_COLUMNS = 500;
const MAX_VALUES = 2000;
const IGNORE = 'ignore';

const mappedValueSchema = z.union([z.string().max(300), z.number().int().min(0).max(20), z.null()]);

/**
 * A mapping saved for reuse with the next file of the same shape. Keyed by normalised header, not
 * by column position, so a re-ordered or widened sheet still matches.
 */
export const savedMappingSchema = z.strictObject({
  id: idSchema,
  name: z.string().trim().min(1).max(120),
  register: z.enum(['risks', 'aiSystems']),
  /** normalised header → target key, or "ignore". */
  columns: z.record(z.string().max(400), z.string().max(64)).refine((c) => Object.keys(c).length <= MAX_COLUMNS, 'too many columns'),
  /** normalised header → (normalised cell text → mapped value). */
  values: z
    .record(
      z.string().max(400),
      z.record(z.string().max(400), mappedValueSchema).refine((m) => Object.keys(m).length <= MAX_VALUES, 'too many values'),
    )
    .refine((v) => Object.keys(v).length <= MAX_COLUMNS, 'too many columns'),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type SavedMapping = z.infer<typeof savedMappingSchema>;

/** The mapping in its saved form, for the sheet whose header texts are given. */
export function toSaved(mapping: SheetMapping, headers: readonly string[], meta: { id: string; name: string; now: string; createdAt?: string }): SavedMapping {
  const keys = headerKeys(headers);
  const columns: [string, string][] = [];
  const values: [string, ValueMap][] = [];
  keys.forEach((key, col) => {
    const target = mapping.columns[col] ?? null;
    columns.push([key, target ?? IGNORE]);
    const map = mapping.values[col] ?? {};
    if (target && Object.keys(map).length > 0) values.push([key, map]);
  });
  return savedMappingSchema.parse({
    id: meta.id,
    name: meta.name,
    register: mapping.register,
    columns: Object.fromEntries(columns),
    values: Object.fromEntries(values),
    createdAt: meta.createdAt ?? meta.now,
    updatedAt: meta.now,
  });
}

/** Share (0–1) of a saved mapping's headers that the sheet has; 0 for another register. */
export function savedMatch(saved: SavedMapping, register: TargetRegister, headers: readonly string[]): number {
  if (saved.register !== register) return 0;
  const wanted = Object.keys(saved.columns);
  if (wanted.length === 0) return 0;
  const have = new Set(headerKeys(headers));
  return wanted.filter((k) => have.has(k)).length / wanted.length;
}

/** Saved mappings worth offering for this sheet: at least this share of their headers present. */
export const SAVED_MATCH_THRESHOLD = 0.6;

/**
 * A saved mapping laid onto a sheet. Columns it does not know keep `fallback` (the suggestion);
 * targets and values that no longer exist, or that this workspace lacks (another matrix, other AI
 * systems), are dropped so their cells show as unmapped.
 */
export function fromSaved(
  saved: SavedMapping,
  headers: readonly string[],
  headerRow: number,
  fallback: readonly (string | null)[],
  ctx: OptionContext,
): SheetMapping {
  const register = saved.register;
  const keys = headerKeys(headers);
  const columns = keys.map((key, col) => {
    const target = Object.hasOwn(saved.columns, key) ? saved.columns[key] : undefined;
    if (target === undefined) return fallback[col] ?? null;
    return target === IGNORE || !targetOf(register, target) ? null : target;
  });
  // A target the saved mapping gives one column and the fallback another would be mapped twice.
  const known = (key: string) => Object.hasOwn(saved.columns, key);
  const fromSave = new Set(keys.flatMap((key, col) => (known(key) && columns[col] ? [columns[col]] : [])));
  keys.forEach((key, col) => {
    if (!known(key) && columns[col] && fromSave.has(columns[col])) columns[col] = null;
  });
  const values = keys.map((key, col): ValueMap => {
    const target = targetOf(register, columns[col]);
    const stored = Object.hasOwn(saved.values, key) ? saved.values[key] : undefined;
    if (!target || !stored) return {};
    const allowed = new Set(targetOptions(target, ctx).map((o) => o.value));
    return Object.entries(stored).reduce<ValueMap>((map, [k, v]) => (v === null || allowed.has(v) ? withValue(map, k, v) : map), {});
  });
  return { register, headerRow, columns, values };
}
