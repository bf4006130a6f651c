import { z } from 'zod';
import { timestampSchema } from './dates';
import { idSchema } from './record-base';

/**
 * The change history (ISO/IEC 42001 7.5.3, control of documented information): every write to a
 * record leaves an entry saying when, who, what was done and which fields went from what to what.
 * Pure: the database layer writes the entries in the same transaction as the change itself.
 */

/** The tables whose records keep a history: the registers and the workspace record itself. */
export const historyTables = ['workspaces', 'assessments', 'evidence', 'aiSystems', 'risks', 'ownControls', 'impactAssessments', 'cycleRecords'] as const;
export type HistoryTable = (typeof historyTables)[number];

export const historyActions = ['create', 'update', 'delete', 'restore', 'import'] as const;
export type HistoryAction = (typeof historyActions)[number];

/** A value's JSON longer than this is cut, and the cut value is marked (see clipValue). */
export const VALUE_MAX_CHARS = 2_000;
/** Autosave writes a patch per burst of typing: entries closer than this merge (see coalesce). */
export const COALESCE_MS = 2 * 60 * 1000;
/** Fields a diff never reports: they move with every write. */
const IGNORED = new Set(['updatedAt', 'createdAt']);

/** A cut value: the first VALUE_MAX_CHARS characters of a text, or of any other value's JSON. */
export interface TruncatedValue {
  $truncated: string;
}

const jsonValue = z.unknown().refine((v) => {
  try {
    // Escapes can make a cut text's JSON up to six times longer than its characters.
    return (JSON.stringify(v) ?? 'null').length <= VALUE_MAX_CHARS * 6 + 100;
  } catch {
    return false;
  }
}, 'value-too-long');

export const historyChangeSchema = z.strictObject({
  field: z.string().min(1).max(200),
  before: jsonValue,
  after: jsonValue,
});
export type HistoryChange = z.infer<typeof historyChangeSchema>;

export const historyEntrySchema = z.strictObject({
  id: idSchema,
  workspaceId: idSchema,
  table: z.enum(historyTables),
  recordId: idSchema,
  /** The record's human name when the entry was written (R-003 Title, a system's name, an item id). */
  label: z.string().max(600),
  at: timestampSchema,
  /** The name set in this browser's settings; '' when none was set. */
  user: z.string().max(200),
  action: z.enum(historyActions),
  changes: z.array(historyChangeSchema).max(1_000),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** Structural equality over JSON-like values (what IndexedDB and zod give back); key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => sameValue(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!sameValue(ao[k], bo[k])) return false;
  return true;
}

/**
 * A value as stored in an entry: undefined becomes null, and a value whose JSON is too long is cut
 * and marked. Nested rows (impacts, checklists …) keep their shape, ids and short fields, their
 * long texts shortened, so the history can still say row by row what changed.
 */
export function clipValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'string') return value.length > VALUE_MAX_CHARS ? { $truncated: value.slice(0, VALUE_MAX_CHARS) } : value;
  if (value === null || typeof value !== 'object') return value;
  const json = JSON.stringify(value);
  if (json.length <= VALUE_MAX_CHARS) return value;
  if (Array.isArray(value) && value.every(isPlainObject)) {
    for (const max of ROW_TEXT_CUTS) {
      const rows = value.map((row) => shortenTexts(row, max));
      if (JSON.stringify(rows).length <= ROWS_MAX_CHARS) return rows;
    }
  }
  return { $truncated: json.slice(0, VALUE_MAX_CHARS) };
}

/** How far a row's texts are shortened, tried in turn, until the rows fit ROWS_MAX_CHARS. */
const ROW_TEXT_CUTS = [200, 60];
/** Rows may take more room than other values (the schema allows six times VALUE_MAX_CHARS). */
const ROWS_MAX_CHARS = VALUE_MAX_CHARS * 5;

/** Ids (`id`, `riskId` …) stay whole: rows are matched by them and links named by them. */
function shortenTexts(row: Record<string, unknown>, max: number): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && v.length > max && k !== 'id' && !k.endsWith('Id') ? `${v.slice(0, max)}…` : v]),
  );
}

export function isTruncated(value: unknown): value is TruncatedValue {
  return (
    !!value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof (value as { $truncated?: unknown }).$truncated === 'string' &&
    Object.keys(value).length === 1
  );
}

/**
 * The top-level fields whose values differ, with their old and new values (clipped). Arrays and
 * objects are compared whole, by value; timestamps that move with every write are left out.
 */
export function diffRecords(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  /** Object fields compared one level down instead, reported as `field.key` (the workspace's profile). */
  expand: readonly string[] = [],
): HistoryChange[] {
  const a = before ?? {};
  const b = after ?? {};
  const changes: HistoryChange[] = [];
  const seen = new Set<string>();
  for (const field of [...Object.keys(b), ...Object.keys(a)]) {
    if (seen.has(field) || IGNORED.has(field)) continue;
    seen.add(field);
    if (sameValue(a[field], b[field])) continue;
    const [x, y] = [a[field], b[field]];
    if (expand.includes(field) && isPlainObject(x) && isPlainObject(y)) {
      for (const c of diffRecords(x, y)) changes.push({ ...c, field: `${field}.${c.field}` });
    } else changes.push({ field, before: clipValue(x), after: clipValue(y) });
  }
  return changes;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** A readable name for a record, kept with each entry so the history still names a deleted record. */
export function recordLabel(table: HistoryTable | 'evidenceFiles', row: Record<string, unknown>): string {
  const s = (k: string) => (typeof row[k] === 'string' ? (row[k] as string) : '');
  let label: string;
  switch (table) {
    case 'workspaces':
      label = s('name');
      break;
    case 'assessments':
      label = s('itemId');
      break;
    case 'risks':
    case 'cycleRecords':
      label = `${s('ref')} ${s('title')}`.trim();
      break;
    case 'impactAssessments':
      label = `v${String(row.version ?? '')}`;
      break;
    case 'evidence':
      label = `${s('itemId')} ${s('title')}`.trim();
      break;
    default:
      label = s('name') || s('title');
  }
  return (label || String(row.id ?? '')).slice(0, 600);
}

export interface EntryInput {
  id: string;
  workspaceId: string;
  table: HistoryTable;
  recordId: string;
  label: string;
  at: string;
  user: string;
  action: HistoryAction;
  changes?: HistoryChange[];
}

/** Builds an entry (label and user cut to their maximum lengths). */
export function historyEntry(input: EntryInput): HistoryEntry {
  return { ...input, label: input.label.slice(0, 600), user: input.user.slice(0, 200), changes: input.changes ?? [] };
}

/**
 * One entry per editing burst per record: autosave sends a patch per field and per burst of
 * typing, so when the newest entry of the same record is an update by the same user written less
 * than COALESCE_MS before `next`, the two merge, whatever fields each changed. Each field keeps
 * its first `before` and takes its last `after`; the entry moves to the new time (so a burst lasts
 * while the edits keep coming). Returns the merged entry, or null when the two stay separate. A
 * field that came back to where it started drops out; when all did, the entry has no changes left
 * and the caller removes it.
 */
export function coalesce(previous: HistoryEntry | undefined, next: HistoryEntry, windowMs = COALESCE_MS): HistoryEntry | null {
  if (!previous || previous.action !== 'update' || next.action !== 'update') return null;
  if (previous.recordId !== next.recordId || previous.table !== next.table || previous.user !== next.user) return null;
  if (next.changes.length === 0) return null;
  const gap = Date.parse(next.at) - Date.parse(previous.at);
  if (!(gap >= 0 && gap < windowMs)) return null;
  const merged = new Map(previous.changes.map((c) => [c.field, { ...c }]));
  for (const c of next.changes) {
    const first = merged.get(c.field);
    if (first) first.after = c.after;
    else merged.set(c.field, { ...c });
  }
  const changes = [...merged.values()].filter((c) => !sameValue(c.before, c.after));
  return { ...previous, label: next.label, at: next.at, changes };
}

/** The newest entry of a list (by time, then id for a stable answer). */
export function newestEntry(entries: readonly HistoryEntry[]): HistoryEntry | undefined {
  let best: HistoryEntry | undefined;
  for (const e of entries) if (!best || e.at > best.at || (e.at === best.at && e.id > best.id)) best = e;
  return best;
}

/** One changed record of an import: `before` is absent for a record the import created. */
export interface ImportedRecord {
  table: HistoryTable;
  before?: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

/**
 * The entries an import writes: one per created or updated record, action 'import'. Created
 * records get no field list (the record is the change); updated ones their changed fields. Pure
 * and cheap, so a 10,000-row import builds its entries in memory and adds them in slices.
 */
export function importEntries(workspaceId: string, records: readonly ImportedRecord[], user: string, at: string, newId: () => string): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const r of records) {
    const changes = r.before ? diffRecords(r.before, r.after) : [];
    if (r.before && changes.length === 0) continue;
    out.push(
      historyEntry({
        id: newId(),
        workspaceId,
        table: r.table,
        recordId: String(r.after.id),
        label: recordLabel(r.table, r.after),
        at,
        user,
        action: 'import',
        changes,
      }),
    );
  }
  return out;
}
