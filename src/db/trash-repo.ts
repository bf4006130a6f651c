import Dexie from 'dexie';
import { recordLabel } from '../domain/history';
import { fail, ok, type Result } from '../domain/result';
import { nextRiskRef } from '../domain/risk-schema';
import { database } from './database';
import type { TrashEntry, TrashTable, TrashUnlink } from './trash-entry';
import { trashScope } from './write-trash';
import { tryWrite, write } from './write-path';

export type { TrashEntry, TrashTable, TrashUnlink } from './trash-entry';

type Row = Record<string, unknown> & { id: string; workspaceId: string; updatedAt?: string };

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
  const { recordLinks } = await import('../domain/cycle/registry');
  const db = database();
  return tryWrite<Result<Restored, RestoreCode>, RestoreCode>(() =>
    write(trashScope, async (w): Promise<Result<Restored, RestoreCode>> => {
      const entry = await db.trash.get(trashId);
      if (!entry) return fail('not-found');
      const ws = await db.workspaces.get(entry.workspaceId);
      if (!ws) return fail('workspace-gone');
      const now = w.now;
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

      // Each record comes back through its register's rules (a second scope is refused: singleton-exists).
      for (const { table, row } of rows) {
        if (table === 'evidenceFiles') {
          await w.putRaw('evidenceFiles', [row]);
          continue;
        }
        // A renumbered risk's restore entry says which number it got.
        const changes = renumbered && table === 'risks' && row.id === entry.recordId ? [{ field: 'ref', before: renumbered.from, after: renumbered.to }] : [];
        await w.create(table, row, { action: 'restore', changes });
      }
      for (const u of entry.unlinks) {
        const current = (await db.table(u.table).get(u.id)) as Row | undefined;
        // A version approved since the delete is frozen: it does not take the link back (A.5.3).
        if (!current || w.rules.isFrozen(u.table, current)) continue;
        const next = relink(current, u);
        if (!next) continue;
        if (u.updatedAt && current.updatedAt === entry.deletedAt) next.updatedAt = u.updatedAt;
        await w.update(u.table, current, next, { coalesce: false, stamp: false, touch: false });
      }
      // Restored while nothing else changed since the delete: the workspace's updatedAt goes back too.
      w.touch(ws.id, entry.workspaceUpdatedAt && ws.updatedAt === entry.deletedAt ? entry.workspaceUpdatedAt : now);
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
