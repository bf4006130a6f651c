import { diffRecords, isTruncated, sameValue, type HistoryEntry } from './history';

/**
 * A record changed on both sides since the last exchange, field by field: which fields differ,
 * what each side started from (the base), and the record a choice of side per field makes. Pure.
 */

export type Side = 'mine' | 'theirs';

/** A conflicting record's choice: one side for every field, or a side per differing field (unlisted fields take their default). */
export type ConflictChoice = Side | Readonly<Record<string, Side>>;

/** Differing stored fields no register declares (a catalog version): chosen together, shown as one line. */
export const OTHER_FIELDS = '*';

export interface ConflictField {
  /** The stored field (`profile.sector` for a workspace's profile), or OTHER_FIELDS. */
  field: string;
  /** The stored fields this line stands for: the field itself, or every undeclared one. */
  keys: readonly string[];
  /** The value both sides started from, when the two histories agree on it; null when it is not known. */
  base: { value: unknown } | null;
  /** The side taken unless the user chooses: the side that changed the field since the base, else the newer record's. */
  preferred: Side;
}

/** Object fields compared one level down, as the history reports them (the workspace's profile and SoA metadata). */
const EXPANDED: Readonly<Record<string, readonly string[]>> = { workspaces: ['profile', 'soaMeta'] };

type Row = Record<string, unknown>;

/** A stored field's value; `profile.sector` reads one level down. */
export function fieldValue(row: Row, field: string): unknown {
  const dot = field.indexOf('.');
  if (dot < 0) return row[field];
  const outer = row[field.slice(0, dot)];
  return outer && typeof outer === 'object' ? (outer as Row)[field.slice(dot + 1)] : undefined;
}

function setField(row: Row, field: string, value: unknown): void {
  const dot = field.indexOf('.');
  if (dot < 0) {
    if (value === undefined) delete row[field];
    else row[field] = value;
    return;
  }
  const key = field.slice(0, dot);
  const inner = { ...((row[key] as Row | undefined) ?? {}) };
  if (value === undefined) delete inner[field.slice(dot + 1)];
  else inner[field.slice(dot + 1)] = value;
  row[key] = inner;
}

/**
 * What one side's history says the field was at the base: the value before its first change after
 * the base, or its value now when it has not changed since. Null when a cut value hides it.
 */
function witness(entries: readonly HistoryEntry[], field: string, basedOn: string, now: unknown, shared: ReadonlySet<string>): { value: unknown } | null {
  let first: HistoryEntry | undefined;
  for (const e of entries) {
    if (!(e.at > basedOn) || !e.changes.some((c) => c.field === field)) continue;
    // An entry both sides hold travelled in the exchange: it began before the base and was merged
    // with later edits since, so its `before` is older than the base.
    if (shared.has(e.id)) return null;
    if (!first || e.at < first.at) first = e;
  }
  if (!first) return { value: now };
  const before = first.changes.find((c) => c.field === field)!.before;
  return isTruncated(before) ? null : { value: before };
}

export interface MergeHistory {
  /** The exportedAt of the exchange both sides share; null when there is none. */
  basedOn: string | null;
  /** Each side's history entries of this record. */
  mine: readonly HistoryEntry[];
  theirs: readonly HistoryEntry[];
}

/**
 * The fields of a record that differ between the two sides (`declared`: the register's fields, in
 * order), each with its base and default side.
 * The base is known only where both histories agree on it: a side without a history, a cut value or
 * an edit merged into an entry from before the exchange leaves it unknown. It is never guessed.
 */
export function conflictFields(table: string, mine: Row, theirs: Row, history: MergeHistory, declared: readonly string[]): ConflictField[] {
  const order = new Map(declared.map((f, i) => [f, i]));
  const newer: Side = String(theirs.updatedAt ?? '') > String(mine.updatedAt ?? '') ? 'theirs' : 'mine';
  const out: ConflictField[] = [];
  const other: string[] = [];
  const theirIds = new Set(history.theirs.map((e) => e.id));
  const shared = new Set(history.mine.filter((e) => theirIds.has(e.id)).map((e) => e.id));
  for (const { field } of diffRecords(mine, theirs, EXPANDED[table] ?? [])) {
    if (field === 'id' || field === 'workspaceId') continue;
    if (!order.has(field)) {
      other.push(field);
      continue;
    }
    const [m, th] = [fieldValue(mine, field), fieldValue(theirs, field)];
    let base: ConflictField['base'] = null;
    if (history.basedOn) {
      const a = witness(history.mine, field, history.basedOn, m, shared);
      const b = witness(history.theirs, field, history.basedOn, th, shared);
      if (a && b && sameValue(a.value ?? null, b.value ?? null)) base = { value: a.value ?? null };
    }
    const preferred: Side = base && sameValue(base.value, m ?? null) ? 'theirs' : base && sameValue(base.value, th ?? null) ? 'mine' : newer;
    out.push({ field, keys: [field], base, preferred });
  }
  // In the order the register declares its fields, as its editor shows them.
  out.sort((a, b) => order.get(a.field)! - order.get(b.field)!);
  if (other.length > 0) out.push({ field: OTHER_FIELDS, keys: other, base: null, preferred: newer });
  return out;
}

/** The side a choice takes for one field. */
export function sideOf(choice: ConflictChoice | undefined, f: ConflictField): Side {
  if (choice === 'mine' || choice === 'theirs') return choice;
  return choice?.[f.field] ?? f.preferred;
}

/**
 * The record a choice makes: null when every field stays mine (nothing to write), theirs as it came
 * when every field is theirs, else mine with the chosen fields of theirs, changed `at` (a new version
 * that neither side had, so the next exchange carries it).
 */
export function mixRecord(mine: Row, theirs: Row, fields: readonly ConflictField[], choice: ConflictChoice | undefined, at: string): Row | null {
  const sides = fields.map((f) => sideOf(choice, f));
  if (sides.every((s) => s === 'mine')) return null;
  if (sides.every((s) => s === 'theirs')) return theirs;
  const out: Row = { ...mine };
  fields.forEach((f, i) => {
    if (sides[i] === 'theirs') for (const key of f.keys) setField(out, key, fieldValue(theirs, key));
  });
  out.updatedAt = at;
  return out;
}
