import { nextRef } from './define';
import { registerOf, type CycleKind, type CycleRecord } from './registry';
import type { RegisterRecord } from '../record-base';

export type CyclePatch = Record<string, unknown>;

/** Fields a patch never changes: identity, kind and reference. */
export const fixedCycleFields = ['id', 'workspaceId', 'createdAt', 'kind', 'ref'] as const;

/**
 * A new record of one kind: every field at its blank value, the kind's default catalog links,
 * the next free reference, and starting rows (a review's input topics) with fresh ids.
 */
export function blankCycleRecord(
  kind: CycleKind,
  base: RegisterRecord,
  title: string,
  existingRefs: Iterable<string>,
  newId: () => string,
  extra: CyclePatch = {},
): CycleRecord {
  const def = registerOf(kind);
  const rows = Object.fromEntries(def.rows.map((r) => [r.key, r.initial().map((row) => ({ id: newId(), ...row }))]));
  const record = {
    ...base,
    kind,
    ref: nextRef(def.refPrefix, existingRefs),
    title,
    owner: '',
    itemIds: [...def.defaultItems],
    ...def.blank(),
    ...rows,
    ...extra,
  };
  return def.schema.parse(record) as CycleRecord;
}

/** Applies a patch (fixed fields kept) and validates the whole record; the error is the rule's code when a cross-field rule fails. */
export function patchCycleRecord(
  current: CycleRecord,
  patch: CyclePatch,
  now: string,
): { ok: true; value: CycleRecord } | { ok: false; code: string; field?: string } {
  const def = registerOf(current.kind);
  const kept = Object.fromEntries(fixedCycleFields.map((k) => [k, current[k]]));
  const next = { ...current, ...patch, ...kept, updatedAt: now };
  const rule = def.rules(next);
  if (rule) return { ok: false, code: rule.code, field: rule.field };
  return { ok: true, value: def.schema.parse(next) as CycleRecord };
}

/** The register a nonconformity's source record belongs to decides its source category. */
export function ncSourceOf(kind: CycleKind): 'audit-finding' | 'incident' | 'review' | 'other' {
  return kind === 'finding' ? 'audit-finding' : kind === 'incident' ? 'incident' : kind === 'review' ? 'review' : 'other';
}

export function isOpen(record: CycleRecord): boolean {
  return !registerOf(record.kind).closed(record as unknown as Record<string, unknown>);
}
