import { sameValue } from './history';

/**
 * Two tabs editing the same field: the save from this tab says which value its edit started
 * from (`expected`). If the stored value has moved on since (another tab wrote it) and is not
 * what this tab is writing anyway, writing would silently drop the other tab's edit.
 */
export interface FieldConflict {
  field: string;
  mine: unknown;
  theirs: unknown;
}

/** An editor shows unset, empty and blank text alike, so they compare as one value. */
const blank = (v: unknown) => (v === '' || v === undefined ? null : v);
const same = (a: unknown, b: unknown) => sameValue(blank(a), blank(b));

export function findConflicts(current: Record<string, unknown>, patch: Record<string, unknown>, expected: Record<string, unknown>): FieldConflict[] {
  const out: FieldConflict[] = [];
  for (const [field, base] of Object.entries(expected)) {
    const stored = current[field];
    if (!same(stored, base) && !same(stored, patch[field])) out.push({ field, mine: patch[field], theirs: stored });
  }
  return out;
}
