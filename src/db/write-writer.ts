import { recordLabel, type HistoryChange, type HistoryEntry, type ImportedRecord } from '../domain/history';
import type { RegisterTable } from '../domain/register-schemas';
import { canonicalJson } from '../io/bundle/canonical-json';
import type { Table } from 'dexie';
import type { AimsDatabase, EvidenceFileRow } from './database';
import { assertNoConflict } from './errors';
import { addHistoryEntries, recordImportHistory, type HistoryWriter } from './history-repo';
import { workspaceTables } from './schema-versions';

/** The Writer of the one write path (write-path.ts): its methods run inside one `write` transaction. */

type Row = Record<string, unknown>;
export type Rules = typeof import('../domain/register-schemas');

/** Thrown inside a write when a register refuses it; the transaction rolls back, nothing is written. */
export class RecordRefusedError extends Error {
  constructor(
    readonly code: string,
    readonly field?: string,
    /** The record refused, when an import brought it (the preview names it). */
    readonly record?: { table: RegisterTable; row: Row },
  ) {
    super(code);
    this.name = 'RecordRefusedError';
  }
}

/**
 * Records already parsed with their register's schema and not changed since (a changed record is a
 * new object): the ones a Writer checked, and the rows the bundle reader parsed with the same schemas
 * (io/bundle-import), which a bundle import writes as read: a second parse of 12,000 records costs
 * about a second. The register's other rules (frozen, one scope) still apply to them.
 */
const validated = new WeakSet<object>();

/** Marks rows as parsed with their register's schema (see `validated`); call only with rows a schema returned. */
export function markValidated(rows: readonly object[]): void {
  for (const row of rows) validated.add(row);
}

export interface UpdateOptions {
  /** The values this edit started from: a field changed elsewhere since throws EditConflictError. */
  expected?: Record<string, unknown>;
  /** False: a new history entry even within an editing burst. */
  coalesce?: boolean;
  /** Nested objects reported field by field in the history (`profile.sector`). */
  expand?: readonly string[];
  /** False: the record keeps the updatedAt the patch gives (or had): a link cleared by a delete. */
  stamp?: boolean;
  /** False: the workspace's updatedAt is the caller's business. */
  touch?: boolean;
}

export class Writer {
  /** The workspaces this write changed, with the updatedAt each gets when it ends and whether it must exist. */
  readonly touched = new Map<string, { at: string; required: boolean }>();

  constructor(
    readonly db: AimsDatabase,
    readonly history: HistoryWriter,
    readonly now: string,
    readonly rules: Rules,
  ) {}

  /** The record `patch` makes of `current` (absent: a new record), or a RecordRefusedError. */
  check<T = Row>(table: RegisterTable, current: object | undefined, patch: object, stamp = true): T {
    const r = this.rules.checkRecord(table, current as Row | undefined, patch as Row, stamp ? this.now : null);
    if (!r.ok) throw new RecordRefusedError(r.code, r.field);
    validated.add(r.value);
    return r.value as T;
  }

  /** Refuses (RecordRefusedError) a write to a record its register keeps as it is: an approved version is frozen. */
  writable(table: RegisterTable, stored: object): void {
    if (this.rules.isFrozen(table, stored)) throw new RecordRefusedError('frozen');
  }

  /** `required`: a record written into a workspace that is gone would be an orphan no screen shows: the write fails. */
  touch(workspaceId: string, at = this.now, required = true): void {
    this.touched.set(workspaceId, { at, required: required || this.touched.get(workspaceId)?.required === true });
  }

  /** A new record (also one restored or imported): checked, added, its history entry, its workspace touched. */
  async create<T extends object>(
    table: RegisterTable,
    record: T,
    opts: { action?: 'create' | 'restore' | 'import'; changes?: HistoryChange[] } = {},
  ): Promise<T> {
    const row = this.check<Row>(table, undefined, record, false);
    if (table === 'cycleRecords') await this.#singleton(row);
    await this.db.table(table).add(row);
    await this.history.created(table, row, opts.action ?? 'create', this.now, opts.changes ?? []);
    // Evidence has always been filed by catalog item alone: its workspace is bumped when it is there.
    if (table !== 'workspaces') this.touch(String(row.workspaceId), this.now, table !== 'evidence');
    return row as T;
  }

  /** A change to a stored record: conflict check, the register's rules, put, history (burst grouping), workspace touched. */
  async update<T extends object>(table: RegisterTable, current: T, patch: object, opts: UpdateOptions = {}): Promise<T> {
    const stored = current as unknown as Row;
    assertNoConflict(stored, patch, opts.expected, String(stored.id), recordLabel(table, stored));
    const next = this.check<Row>(table, stored, patch, opts.stamp !== false);
    await this.db.table(table).put(next);
    await this.history.updated(table, stored, next, { expand: opts.expand, coalesce: opts.coalesce, at: this.now });
    if (table !== 'workspaces' && opts.touch !== false) this.touch(String(stored.workspaceId));
    return next as T;
  }

  /**
   * Many whole records at once (an import): each checked against its register (`previous`: the
   * stored record it replaces, refused when frozen and changed), written in slices.
   * The caller records the history (`importHistory`, `addHistory`).
   */
  async putAll(table: RegisterTable, rows: readonly object[], previous?: (row: Row) => Row | undefined): Promise<void> {
    const checked = rows.map((row) => {
      // An import brings whole records; of the stored one only its register's refusal counts (a frozen version changed).
      const before = previous?.(row as Row);
      if (before && this.rules.isFrozen(table, before) && !sameContent(before, row as Row))
        throw new RecordRefusedError('frozen', undefined, { table, row: before });
      return validated.has(row) ? (row as Row) : this.check<Row>(table, undefined, row, false);
    });
    if (table === 'cycleRecords') {
      const seen = new Set<string>();
      for (const row of checked) {
        if (!this.rules.isSingletonKind(row)) continue;
        const key = `${String(row.workspaceId)}:${String(row.kind)}`;
        if (seen.has(key)) throw new RecordRefusedError('singleton-exists', undefined, { table, row });
        seen.add(key);
        await this.#singleton(row);
      }
    }
    await putInSlices(this.db.table(table), checked);
  }

  /** A new evidence file's bytes, beside its evidence record (created with `create`). */
  async addFile(row: EvidenceFileRow): Promise<void> {
    await this.db.evidenceFiles.add(row);
  }

  /** Rows of the tables without a register: a file's bytes, history entries carried by an import or a copy. */
  async putRaw(table: 'evidenceFiles' | 'history', rows: readonly object[]): Promise<void> {
    await putInSlices(this.db.table(table), rows);
  }

  /** Removes a row for good: only the trash (write-trash) and a workspace's own removal call this. */
  async remove(table: RegisterTable | 'evidenceFiles', row: object, history = true): Promise<void> {
    await this.db.table(table).delete(String((row as Row).id));
    if (history && table !== 'evidenceFiles') await this.history.deleted(table, row, this.now);
  }

  /** Every record of a workspace, gone (a bundle replacing it, or the workspace deleted); `all` takes its history too. */
  async clearWorkspace(workspaceId: string, all: boolean): Promise<void> {
    for (const t of workspaceTables) if (all || t !== 'history') await this.db.table(t).where('workspaceId').equals(workspaceId).delete();
    if (all) await this.db.workspaces.delete(workspaceId);
  }

  /** One 'import' entry per created or changed record, built in memory and added in slices. */
  async importHistory(workspaceId: string, records: readonly ImportedRecord[]): Promise<number> {
    return recordImportHistory(this.db, workspaceId, records, this.history.user, this.now);
  }

  async addHistory(entries: readonly HistoryEntry[]): Promise<void> {
    await addHistoryEntries(this.db, entries);
  }

  /** A register with one record per workspace (the scope) refuses a second one. */
  async #singleton(row: Row): Promise<void> {
    if (!this.rules.isSingletonKind(row)) return;
    const other = await this.db.cycleRecords
      .where('[workspaceId+kind]')
      .equals([String(row.workspaceId), String(row.kind)])
      .filter((r) => r.id !== row.id)
      .first();
    if (other) throw new RecordRefusedError('singleton-exists', undefined, { table: 'cycleRecords', row });
  }

  /** The workspaces this write changed get their updatedAt; one that is gone fails the write (no orphans). */
  async finish(): Promise<void> {
    for (const [id, { at, required }] of this.touched) {
      if (await this.db.workspaces.get(id)) await this.db.workspaces.update(id, { updatedAt: at });
      else if (required) throw new Error(`workspace ${id} not found`);
    }
  }
}

/**
 * Rows per bulkPut, at most. IndexedDB clones each row it is given on the page's thread, and one
 * bulkPut gives them all in one task: a slice of 1,000 risks blocked the page for 100–500 ms during a
 * bundle import, one of 200 for 50–190 ms on a loaded machine (about 0.3 ms a risk on a quiet one).
 */
export const PUT_SLICE = 100;
/** The first slice, before the rows' own cost is known. */
const FIRST_SLICE = 25;
const MIN_SLICE = 5;
/** What one slice may hold the page's thread for: its task stays well under 50 ms (issue 19). */
export const SLICE_BUDGET_MS = 20;

/**
 * The next slice's size from the last one's: as many rows as the budget holds at the last one's cost
 * per row, and at most twice the last (one quick slice on a busy machine says little about the next).
 */
export function nextSlice(size: number, ms: number): number {
  const perRow = Math.max(ms, 0.1) / size;
  return Math.max(MIN_SLICE, Math.min(PUT_SLICE, 2 * size, Math.floor(SLICE_BUDGET_MS / perRow)));
}

/**
 * Puts rows in slices timed to SLICE_BUDGET_MS (the time the last one took to hand its rows over
 * sizes the next), each sent while the database stores the one before (two in flight), so the page
 * gets a turn between slices and the database is never idle waiting for it. All inside the caller's
 * transaction: the first failure rejects this (no slice's error is swallowed) and the transaction
 * rolls back everything.
 */
async function putInSlices(table: Table, rows: readonly object[]): Promise<void> {
  let pending: Promise<unknown> | null = null;
  let size = Math.min(FIRST_SLICE, PUT_SLICE);
  for (let i = 0; i < rows.length;) {
    const slice = rows.slice(i, i + size);
    const t0 = performance.now();
    // Inside a transaction Dexie calls IndexedDB at once: the time spent here is the rows' clone.
    const next = table.bulkPut(slice);
    const ms = performance.now() - t0;
    i += slice.length;
    size = nextSlice(slice.length, ms);
    // Awaited below; this only keeps it from being reported unhandled when an earlier slice fails first.
    next.catch(() => undefined);
    if (pending) await pending;
    pending = next;
  }
  await pending;
}

const sameContent = (a: Row, b: Row) => canonicalJson({ ...a, updatedAt: null }) === canonicalJson({ ...b, updatedAt: null });
