import {
  coalesce,
  diffRecords,
  historyEntry,
  importEntries,
  newestEntry,
  recordLabel,
  type HistoryAction,
  type HistoryChange,
  type HistoryEntry,
  type HistoryTable,
  type ImportedRecord,
} from '../domain/history';
import { newId } from '../domain/ids';
import { database, type AimsDatabase } from './database';
import { historyUser } from './settings-repo';

/**
 * Writes the change history. A writer is made before a write transaction opens (it reads the
 * user name), and its methods run inside that transaction, which must include `db.history`: the
 * entry lands with the change or not at all.
 */
export class HistoryWriter {
  constructor(
    readonly db: AimsDatabase,
    readonly user: string,
  ) {}

  #entry(table: HistoryTable, row: Record<string, unknown>, action: HistoryAction, changes: HistoryChange[], at: string): HistoryEntry {
    return historyEntry({
      id: newId(),
      workspaceId: String(table === 'workspaces' ? row.id : row.workspaceId),
      table,
      recordId: String(row.id),
      label: recordLabel(table, row),
      at,
      user: this.user,
      action,
      changes,
    });
  }

  /**
   * One record's entries keep a strict order: two writes in the same millisecond would otherwise
   * tie, and "newest first" (and coalescing, which merges into the newest) would pick at random.
   */
  async #newest(recordId: string): Promise<HistoryEntry | undefined> {
    return newestEntry(await this.db.history.where('recordId').equals(recordId).toArray());
  }
  #after(previous: HistoryEntry | undefined, at: string): string {
    if (!previous || previous.at < at) return at;
    return new Date(Date.parse(previous.at) + 1).toISOString();
  }

  /** A record was created (or restored, or imported): the record itself is the change. */
  async created(
    table: HistoryTable,
    row: object,
    action: 'create' | 'restore' | 'import' = 'create',
    at = now(),
    changes: HistoryChange[] = [],
  ): Promise<void> {
    const previous = action === 'create' ? undefined : await this.#newest(String((row as { id?: unknown }).id));
    await this.db.history.add(this.#entry(table, row as Record<string, unknown>, action, changes, this.#after(previous, at)));
  }

  async deleted(table: HistoryTable, row: object, at = now()): Promise<void> {
    const previous = await this.#newest(String((row as { id?: unknown }).id));
    await this.db.history.add(this.#entry(table, row as Record<string, unknown>, 'delete', [], this.#after(previous, at)));
  }

  /**
   * A record changed: one entry with the fields that differ, none when nothing did. A burst of
   * edits of the record by the same user, whatever the fields, merges into its newest entry (see coalesce).
   */
  async updated(table: HistoryTable, before: object, after: object, opts: { expand?: readonly string[]; coalesce?: boolean; at?: string } = {}): Promise<void> {
    const changes = diffRecords(before as Record<string, unknown>, after as Record<string, unknown>, opts.expand);
    if (changes.length === 0) return;
    const recordId = String((after as { id?: unknown }).id);
    const previous = await this.#newest(recordId);
    const entry = this.#entry(table, after as Record<string, unknown>, 'update', changes, this.#after(previous, opts.at ?? now()));
    if (opts.coalesce !== false) {
      const merged = coalesce(previous, entry);
      if (merged) {
        if (merged.changes.length === 0) await this.db.history.delete(merged.id);
        else await this.db.history.put(merged);
        return;
      }
    }
    await this.db.history.add(entry);
  }

  /** Many entries at once (an import), in slices so the page keeps answering. */
  async addAll(entries: readonly HistoryEntry[]): Promise<void> {
    await addHistoryEntries(this.db, entries);
  }
}

const now = () => new Date().toISOString();

/** Reads the user name and returns a writer for the next write transaction. */
export async function historyWriter(): Promise<HistoryWriter> {
  const user = await historyUser();
  return new HistoryWriter(database(), user);
}

const SLICE = 1_000;

/** Adds entries in slices of 1,000 (call inside a transaction that includes db.history). */
export async function addHistoryEntries(db: AimsDatabase, entries: readonly HistoryEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += SLICE) await db.history.bulkAdd(entries.slice(i, i + SLICE));
}

/**
 * For imports that write many records (the workbook import, through the write path's
 * `Writer.importHistory`): one 'import' entry per created or updated record, built in memory and
 * added in slices, inside the import's transaction.
 *
 * `before` is the record as it was (absent for a created one); unchanged records get no entry.
 */
export async function recordImportHistory(
  db: AimsDatabase,
  workspaceId: string,
  records: readonly ImportedRecord[],
  user: string,
  at: string,
): Promise<number> {
  const entries = importEntries(workspaceId, records, user, at, newId);
  await addHistoryEntries(db, entries);
  return entries.length;
}

/**
 * A bundle import's own entries: one 'import' entry for the workspace and one per record the import
 * changes (with the fields it changed; `previous` holds the records as they were, by `table:id`). A
 * record the import creates gets its own entry in a merge; in a new or replaced workspace the
 * workspace's entry stands for them (their own history travels in the bundle): an entry each doubled
 * the rows to write, about a second for 12,000 records.
 */
export function bundleImportHistory(
  i: { merge: boolean; workspaceId: string; previous: ReadonlyMap<string, object>; writes: ReadonlyMap<string, readonly { id: string }[]> },
  user: string,
  at: string,
): HistoryEntry[] {
  const imported: ImportedRecord[] = [];
  // Nothing written over and no merge (a new workspace): only the workspace itself is named, and 50,000 risks are not looked at one by one.
  const workspaceOnly = !i.merge && i.previous.size === 0;
  for (const [table, rows] of i.writes) {
    if (table === 'history' || (workspaceOnly && table !== 'workspaces')) continue;
    for (const row of rows) {
      const after = (table === 'workspaces' ? { ...row, id: i.workspaceId } : row) as Record<string, unknown>;
      const before = (i.previous.get(`${table}:${String(after.id)}`) ?? null) as Record<string, unknown> | null;
      if (before || i.merge || table === 'workspaces') imported.push({ table: table as HistoryTable, before, after });
    }
  }
  return importEntries(i.workspaceId, imported, user, at, newId);
}

const newestFirst = (a: HistoryEntry, b: HistoryEntry) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1);

/** One record's history, newest first. */
export async function listRecordHistory(recordId: string): Promise<HistoryEntry[]> {
  return (await database().history.where('recordId').equals(recordId).toArray()).sort(newestFirst);
}

/** How many entries one record's history holds (a record page's History tab counts them without loading them). */
export async function countRecordHistory(recordId: string): Promise<number> {
  return database().history.where('recordId').equals(recordId).count();
}

/** A workspace's whole history, newest first (filter and page with filterHistory). */
export async function listWorkspaceHistory(workspaceId: string): Promise<HistoryEntry[]> {
  return (await database().history.where('workspaceId').equals(workspaceId).toArray()).sort(newestFirst);
}
