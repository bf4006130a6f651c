import type { BundleTable } from '../io/bundle/bundle-format';
import { sameContent } from './bundle-merge';
import { slices, type ImportPlan, type Row } from './bundle-plan';
import type { AimsDatabase } from './database';

/** A record that changed in this browser after the preview was made: as stored now, or as the preview saw it when it is gone. */
export interface StaleRecord {
  table: BundleTable;
  row: Row;
}

/**
 * The records the plan would write over (or, replacing, remove) whose stored version is no longer
 * the one the preview was made from: changed, removed or (replacing) created since. Read inside the
 * import's transaction, so nothing can change between this look and the write.
 */
export async function staleRecords(db: AimsDatabase, plan: ImportPlan, writes: ReadonlyMap<BundleTable, readonly Row[]>): Promise<StaleRecord[]> {
  if (plan.mode.kind === 'new') return [];
  const stale: StaleRecord[] = [];
  for (const [table, seen] of plan.sources.local) {
    const before = new Map(seen.map((r) => [r.id, r]));
    // A workspace's updatedAt moves with every edit of its records: the workspace itself changed only when its content did.
    const changed = (row: Row) => {
      const was = before.get(row.id);
      return table === 'workspaces' ? !was || !sameContent(was, row) : was?.updatedAt !== row.updatedAt;
    };
    if (plan.remove) {
      // A replace removes every record of the workspace: one added or changed since the preview would go uncounted.
      const stored = (
        table === 'workspaces' ? [await db.workspaces.get(plan.workspaceId)] : await db.table(table).where('workspaceId').equals(plan.workspaceId).toArray()
      ) as (Row | undefined)[];
      for (const row of stored) if (row && changed(row)) stale.push({ table, row });
      continue;
    }
    // A merge writes over the records it updates: each must still be as the preview saw it (or still absent).
    const ids = (writes.get(table) ?? []).map((r) => r.id);
    for (const slice of slices(ids)) {
      const stored = (await db.table(table).bulkGet(slice)) as (Row | undefined)[];
      stored.forEach((row, i) => {
        const was = before.get(slice[i]!);
        if (row ? changed(row) : was) stale.push({ table, row: row ?? was! });
      });
    }
  }
  return stale;
}
