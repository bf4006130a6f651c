import type { ZodType } from 'zod';
import { mixRecord, type ConflictChoice } from '../domain/merge-fields';
import { fromZodIssue, type Problem } from '../domain/problem';
import type { Workspace } from '../domain/workspace-schema';
import { registerSchemas, type RegisterTable } from '../domain/register-schemas';
import { DATA_TABLES, type Conflict, type ImportPlan, type Row } from './bundle-plan';
import { staleRecords, type StaleRecord } from './bundle-stale';
import { keepPreparedDashboard, type PreparedDashboard } from './dashboard-cache';
import { bundleImportHistory } from './history-repo';
import { historyUser } from './settings-repo';
import { exchangeKey } from './snapshot';
import { write } from './write-path';

export { planImport, type Conflict, type ImportMode, type ImportPlan, type RecordLists, type TableSummary } from './bundle-plan';
export type { ConflictChoice } from '../domain/merge-fields';

/**
 * A conflict's chosen fields that do not make a valid record together (the one problem shape): the
 * field the register refuses, and why; a register's cross-field rule reads as `rule-<its code>`.
 */
export type MixProblem = Problem & { conflict: Conflict; field: string };

/** Thrown, with nothing written, when the fields chosen for a conflict do not make a valid record. */
export class MergeMixError extends Error {
  readonly code = 'merge-mix-invalid';
  constructor(readonly problems: MixProblem[]) {
    super('merge-mix-invalid');
    this.name = 'MergeMixError';
  }
}

/**
 * Thrown, with nothing written, when a record the import writes over or removes changed in this
 * browser after the preview was made (or, replacing, was created since): the plan is made again.
 */
export class StalePlanError extends Error {
  readonly code = 'plan-stale';
  constructor(readonly records: StaleRecord[]) {
    super('plan-stale');
    this.name = 'StalePlanError';
  }
}

/**
 * The records the conflicts become under `choices` (by conflict key; an unlisted conflict, or field,
 * takes its default side), each checked against its register's schema. Nothing is written.
 */
export function resolveConflicts(
  plan: ImportPlan,
  choices: ReadonlyMap<string, ConflictChoice>,
  at: string,
): { rows: { conflict: Conflict; row: Row }[]; problems: MixProblem[] } {
  const rows: { conflict: Conflict; row: Row }[] = [];
  const problems: MixProblem[] = [];
  for (const c of plan.conflicts) {
    const row = mixRecord(c.mine, c.theirs, c.fields, choices.get(c.key), at);
    if (!row) continue;
    if (row !== c.theirs) {
      const checked = (registerSchemas[c.table as RegisterTable] as ZodType).safeParse(row);
      if (!checked.success) {
        for (const issue of checked.error.issues.slice(0, 3))
          problems.push({
            ...fromZodIssue(issue),
            ...(issue.code === 'custom' ? { code: `rule-${issue.message}` } : {}),
            conflict: c,
            field: issue.path.map(String).join('.'),
          });
        continue;
      }
    }
    rows.push({ conflict: c, row: row as Row });
  }
  return { rows, problems };
}

/**
 * Writes the plan in one transaction: either everything lands or nothing does. `choices` maps
 * conflict keys to the side to keep, for the whole record or field by field; unlisted conflicts
 * and fields take their default. A record it writes over changed here since the preview stops the write.
 */
export async function applyImport(
  plan: ImportPlan,
  choices: ReadonlyMap<string, ConflictChoice> = new Map(),
  /** The dashboard's figures worked out from the bundle's records (import-figures.ts): kept with them when the workspace holds exactly those. */
  prepared?: PreparedDashboard<unknown> | null,
): Promise<Workspace> {
  const now = new Date().toISOString();
  const resolved = resolveConflicts(plan, choices, now);
  if (resolved.problems.length > 0) throw new MergeMixError(resolved.problems);
  const writes = new Map([...plan.writes].map(([t, rows]) => [t, [...rows]]));
  for (const { conflict, row } of resolved.rows) writes.get(conflict.table)?.push(row);
  // The Blobs come ready from the bundle: nothing but IndexedDB work happens inside the transaction.
  const fileRows = [...plan.files].map(([id, blob]) => ({ id, workspaceId: plan.workspaceId, blob }));
  // The history entries, built before the transaction opens.
  const user = await historyUser();
  const entries = bundleImportHistory({ merge: plan.mode.kind === 'merge', workspaceId: plan.workspaceId, previous: plan.previous, writes }, user, now);
  // A merge changes stored records: a register's refusal of such a change (a frozen version) stops it.
  const previous = plan.remove ? undefined : (table: string) => (row: Record<string, unknown>) => plan.previous.get(`${table}:${String(row.id)}`);
  const keep = prepared && plan.asRead ? prepared : null;
  return write(
    (db) => [db.settings, db.evidenceFiles, ...DATA_TABLES.map((t) => db.table(t)), ...(keep ? [db.cache] : [])],
    async (w) => {
      const db = w.db;
      // Every record written over or removed must still be the version the preview showed.
      const stale = await staleRecords(db, plan, writes);
      if (stale.length > 0) throw new StalePlanError(stale);
      if (plan.remove) await w.clearWorkspace(plan.workspaceId, false);
      for (const [table, rows] of writes) {
        if (rows.length === 0) continue;
        if (table === 'history') await w.putRaw('history', rows);
        else if (table === 'workspaces') await w.putAll('workspaces', [workspaceRow(rows[0]!, plan.workspaceId, await db.workspaces.get(plan.workspaceId))]);
        else await w.putAll(table, rows, previous?.(table));
      }
      await w.putRaw('evidenceFiles', fileRows);
      await w.addHistory(entries);
      await db.settings.put({ key: exchangeKey(plan.workspaceId), value: plan.exportedAt });
      const ws = await db.workspaces.get(plan.workspaceId);
      if (!ws) throw new Error('import wrote no workspace');
      return ws;
    },
    { neededBytes: plan.bytes, ...(keep ? { last: (db) => keepPreparedDashboard(db, plan.workspaceId, keep) } : {}) },
  );
}

/** The workspace record the import writes: this browser's id, and the createdAt it has here. */
function workspaceRow(row: Row, id: string, existing: Workspace | undefined): Row {
  return { ...row, id, createdAt: existing?.createdAt ?? row.createdAt };
}
