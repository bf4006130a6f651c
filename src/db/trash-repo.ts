import Dexie from 'dexie';
import type { CycleKind } from '../domain/cycle/registry';
import { recordLabel } from '../domain/history';
import { newId } from '../domain/ids';
import { fail, ok, type Result } from '../domain/result';
import { nextRiskRef } from '../domain/risk-schema';
import { database, type AimsDatabase } from './database';
import { guardWrite } from './errors';
import { historyWriter, type HistoryWriter } from './history-repo';
import type { TrashEntry, TrashTable, TrashUnlink } from './trash-entry';

export type { TrashEntry, TrashTable, TrashUnlink } from './trash-entry';

type Row = Record<string, unknown> & { id: string; workspaceId: string; updatedAt?: string };
type LinkTable = TrashUnlink['table'];

/** Every table a trash entry can touch: a restore writes in all of them in one transaction. */
export function trashScope(db: AimsDatabase) {
  return [db.workspaces, db.trash, db.history, db.evidence, db.evidenceFiles, db.aiSystems, db.risks, db.ownControls, db.impactAssessments, db.cycleRecords];
}

/**
 * Collects what one delete removes and unlinks, inside the delete's transaction, then files it in
 * the trash with a 'delete' history entry per removed record and an 'update' entry per record
 * whose link was cleared.
 */
export class TrashBuilder {
  readonly rows: TrashEntry['rows'] = [];
  readonly unlinks: TrashUnlink[] = [];
  workspaceUpdatedAt: string | undefined;

  constructor(
    readonly db: AimsDatabase,
    readonly history: HistoryWriter,
    readonly deletedAt: string,
  ) {}

  /** A row that goes with the delete (the record first, then what is deleted with it). */
  remove(table: TrashTable, row: object): void {
    this.rows.push({ table, row: row as Record<string, unknown> });
  }

  /**
   * Clears a link held by `rows` of `table`: removes `value` from the list `field`, or empties the
   * single link `field` (null). `bump` moves the linking records' updatedAt to the delete's time.
   */
  async unlink(table: LinkTable, rows: readonly object[], field: string, value: unknown, opts: { bump?: boolean } = {}): Promise<void> {
    for (const r of rows as Row[]) {
      const current = r[field];
      const index = Array.isArray(current) ? current.indexOf(value) : -1;
      const next: Row = { ...r, [field]: Array.isArray(current) ? current.filter((v) => v !== value) : null };
      if (opts.bump) next.updatedAt = this.deletedAt;
      await this.db.table(table).put(next);
      await this.history.updated(table, r, next, { coalesce: false, at: this.deletedAt });
      this.unlinks.push({ table, id: r.id, field, value, ...(index >= 0 ? { index } : {}), ...(opts.bump && r.updatedAt ? { updatedAt: r.updatedAt } : {}) });
    }
  }

  /** Clears `field` of the elements of the list `list` whose `field` is `value` (an impact's riskId). */
  async unlinkWithin(table: LinkTable, rows: readonly object[], list: string, field: string, value: unknown): Promise<void> {
    for (const r of rows as Row[]) {
      const items = (r[list] as Record<string, unknown>[] | undefined) ?? [];
      const hit = items.filter((i) => i[field] === value);
      if (hit.length === 0) continue;
      const next: Row = { ...r, [list]: items.map((i) => (i[field] === value ? { ...i, [field]: null } : i)) };
      await this.db.table(table).put(next);
      await this.history.updated(table, r, next, { coalesce: false, at: this.deletedAt });
      for (const i of hit) this.unlinks.push({ table, id: r.id, field, value, within: { list, id: String(i.id) } });
    }
  }

  /** Deletes the collected rows and files the entry; returns it. The first row is the record the user deleted. */
  async commit(): Promise<TrashEntry> {
    const first = this.rows[0];
    if (!first || first.table === 'evidenceFiles') throw new Error('a trash entry starts with the deleted record');
    const record = first.row as Row;
    for (const { table, row } of this.rows) {
      await this.db.table(table).delete(row.id as string);
      if (table !== 'evidenceFiles') await this.history.deleted(table, row, this.deletedAt);
    }
    const entry: TrashEntry = {
      id: newId(),
      workspaceId: record.workspaceId,
      deletedAt: this.deletedAt,
      user: this.history.user,
      label: recordLabel(first.table, record),
      table: first.table,
      recordId: record.id,
      rows: this.rows,
      unlinks: this.unlinks,
      ...(this.workspaceUpdatedAt ? { workspaceUpdatedAt: this.workspaceUpdatedAt } : {}),
    };
    await this.db.trash.add(entry);
    return entry;
  }
}

/** Starts a delete: reads the user name (before the transaction opens). */
export async function trashBuilder(): Promise<(db: AimsDatabase) => TrashBuilder> {
  const history = await historyWriter();
  return (db) => new TrashBuilder(db, history, new Date().toISOString());
}

/** The trash of a workspace, newest first. */
export async function listTrash(workspaceId: string): Promise<TrashEntry[]> {
  const rows = await database().trash.where('workspaceId').equals(workspaceId).toArray();
  return rows.sort((a, b) => (a.deletedAt < b.deletedAt ? 1 : a.deletedAt > b.deletedAt ? -1 : a.id < b.id ? 1 : -1));
}

export async function deleteTrashEntry(id: string): Promise<void> {
  await database().trash.delete(id);
}

export async function emptyTrash(workspaceId: string): Promise<number> {
  return database().trash.where('workspaceId').equals(workspaceId).delete();
}

export type RestoreCode = 'not-found' | 'workspace-gone' | 'id-taken' | 'singleton-exists' | 'link-missing';

export interface Restored {
  table: TrashEntry['table'];
  recordId: string;
  label: string;
  /** Set when the risk's number was taken meanwhile and it got the next free one. */
  renumbered: { from: string; to: string } | null;
  /** Links of the restored records to records deleted since, dropped. */
  dropped: number;
}

/**
 * Puts a deleted record back, with everything deleted with it, in one transaction: refuses when
 * an id is taken again or the workspace is gone; restores the links other records held where those
 * records still exist; a risk whose number was reused gets the next free one. Links of the restored
 * records to records deleted since are dropped, so no link points at nothing.
 */
export async function restoreFromTrash(trashId: string): Promise<Result<Restored, RestoreCode>> {
  // Loaded on use: the evidence list of the first screen deletes through this module, and the
  // registers' declarations (with their strings) belong to the lazy pages.
  const { recordLinks, registerOf } = await import('../domain/cycle/registry');
  const history = await historyWriter();
  const db = database();
  return guardWrite(() =>
    db.transaction('rw', trashScope(db), async (): Promise<Result<Restored, RestoreCode>> => {
      const entry = await db.trash.get(trashId);
      if (!entry) return fail('not-found');
      const ws = await db.workspaces.get(entry.workspaceId);
      if (!ws) return fail('workspace-gone');
      const now = new Date().toISOString();
      for (const { table, row } of entry.rows) if (await db.table(table).get(row.id as string)) return fail('id-taken', table);

      const inEntry = new Set(entry.rows.map((r) => `${r.table}:${String(r.row.id)}`));
      const exists = async (table: TrashTable, id: string) => inEntry.has(`${table}:${id}`) || Boolean(await db.table(table).get(id));
      let renumbered: Restored['renumbered'] = null;
      let dropped = 0;
      const rows: { table: TrashTable; row: Row }[] = [];
      for (const { table, row: stored } of entry.rows) {
        const row = structuredClone(stored) as Row;
        const keep = async (field: string, target: TrashTable) => {
          const list = row[field];
          if (!Array.isArray(list)) return;
          const kept: unknown[] = [];
          for (const id of list) if (await exists(target, String(id))) kept.push(id);
          dropped += list.length - kept.length;
          row[field] = kept;
        };
        const single = async (field: string, target: TrashTable, id: unknown) => {
          if (typeof id === 'string' && !(await exists(target, id))) {
            row[field] = null;
            dropped += 1;
          }
        };
        if (table === 'risks') {
          await keep('aiSystemIds', 'aiSystems');
          await keep('ownControlIds', 'ownControls');
          await single('sourceImpact', 'impactAssessments', (row.sourceImpact as { assessmentId?: unknown } | null)?.assessmentId);
          const ref = String(row.ref);
          const taken = await db.risks.where('[workspaceId+ref]').equals([row.workspaceId, ref]).first();
          if (taken) {
            const keys = await db.risks.where('[workspaceId+ref]').between([row.workspaceId, Dexie.minKey], [row.workspaceId, Dexie.maxKey]).keys();
            row.ref = nextRiskRef(keys.map((k) => (Array.isArray(k) ? String(k[1]) : '')));
            renumbered = { from: ref, to: String(row.ref) };
          }
        } else if (table === 'cycleRecords') {
          await keep('aiSystemIds', 'aiSystems');
          for (const link of recordLinks[String(row.kind)] ?? []) await single(link.key, 'cycleRecords', row[link.key]);
          const def = registerOf(row.kind as CycleKind);
          if (def.singleton && (await db.cycleRecords.where('[workspaceId+kind]').equals([row.workspaceId, String(row.kind)]).count()) > 0) return fail('singleton-exists');
        } else if (table === 'evidence') {
          if (typeof row.recordId === 'string' && !(await exists('cycleRecords', row.recordId))) {
            delete row.recordId;
            dropped += 1;
          }
        } else if (table === 'impactAssessments') {
          if (!(await exists('aiSystems', String(row.aiSystemId)))) return fail('link-missing', 'aiSystemId');
          const impacts = (row.impacts as Record<string, unknown>[]) ?? [];
          for (const i of impacts) {
            if (typeof i.riskId === 'string' && !(await exists('risks', i.riskId))) {
              i.riskId = null;
              dropped += 1;
            }
          }
        }
        rows.push({ table, row });
      }

      for (const { table, row } of rows) await db.table(table).add(row);
      for (const u of entry.unlinks) {
        const current = (await db.table(u.table).get(u.id)) as Row | undefined;
        if (!current) continue;
        // A version approved since the delete is frozen: it does not take the link back (A.5.3).
        if (u.table === 'impactAssessments' && current.state !== 'draft') continue;
        const next = relink(current, u);
        if (!next) continue;
        if (u.updatedAt && current.updatedAt === entry.deletedAt) next.updatedAt = u.updatedAt;
        await db.table(u.table).put(next);
        await history.updated(u.table, current, next, { coalesce: false, at: now });
      }
      if (entry.workspaceUpdatedAt && ws.updatedAt === entry.deletedAt) await db.workspaces.update(ws.id, { updatedAt: entry.workspaceUpdatedAt });
      else if (entry.workspaceUpdatedAt) await db.workspaces.update(ws.id, { updatedAt: now });
      for (const { table, row } of rows) {
        if (table === 'evidenceFiles') continue;
        // A renumbered risk's restore entry says which number it got.
        const changes = renumbered && table === 'risks' && row.id === entry.recordId ? [{ field: 'ref', before: renumbered.from, after: renumbered.to }] : [];
        await history.created(table, row, 'restore', now, changes);
      }
      await db.trash.delete(entry.id);
      const first = rows[0]!;
      return ok({ table: entry.table, recordId: entry.recordId, label: recordLabel(entry.table, first.row), renumbered, dropped });
    }),
  );
}

/** The linking record with the link back, or null when it already has it (or holds another one). */
function relink(current: Row, u: TrashUnlink): Row | null {
  if (u.within) {
    const items = current[u.within.list];
    if (!Array.isArray(items)) return null;
    let changed = false;
    const next = (items as Record<string, unknown>[]).map((i) => {
      if (i.id !== u.within!.id || (i[u.field] !== null && i[u.field] !== undefined)) return i;
      changed = true;
      return { ...i, [u.field]: u.value };
    });
    return changed ? { ...current, [u.within.list]: next } : null;
  }
  const value = current[u.field];
  if (Array.isArray(value)) {
    if (value.includes(u.value)) return null;
    // Back where it was in the list, when the list still reaches that far.
    const at = u.index !== undefined && u.index <= value.length ? u.index : value.length;
    return { ...current, [u.field]: [...value.slice(0, at), u.value, ...value.slice(at)] };
  }
  if (value === null || value === undefined) return { ...current, [u.field]: u.value };
  return null;
}
