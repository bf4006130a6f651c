import { keptDigestsKey, keptFiguresKey, logPosition, RISK_LOG_KEY, STAMP_KEY, type CacheRow, type RiskChangeLog } from './change-stamp';
import type { KeptDigests, KeptFigures } from './dashboard-read-direct';
import { database, type AimsDatabase } from './database';

/** The change stamp now (null before the first change, or where there is no cache table). */
export async function changeStampNow(): Promise<string | null> {
  try {
    const row = await database().cache.get(STAMP_KEY);
    return typeof row?.value === 'string' ? row.value : null;
  } catch {
    return null;
  }
}

/** A workspace's figures and risks' digests worked out before its records are written (an import's, in the bundle worker). */
export interface PreparedDashboard<V> {
  figures: Omit<KeptFigures<V>, 'stamp'>;
  digests: Omit<KeptDigests, 'at'>;
}

/**
 * Keeps `prepared` for `workspaceId`, inside the write transaction that wrote exactly the records
 * they were worked out from (an import's, as the last thing in it): with the change stamp and the
 * place in the risk log as that transaction leaves them, so they hold until the next change.
 */
export async function keepPreparedDashboard<V>(db: AimsDatabase, workspaceId: string, prepared: PreparedDashboard<V>): Promise<void> {
  const [stamp, log] = (await db.cache.bulkGet([STAMP_KEY, RISK_LOG_KEY])) as (CacheRow | undefined)[];
  const figures: KeptFigures<V> = { ...prepared.figures, stamp: typeof stamp?.value === 'string' ? stamp.value : null };
  const digests: KeptDigests = { ...prepared.digests, at: logPosition(log?.value as RiskChangeLog | undefined) };
  await db.cache.bulkPut([
    { key: keptFiguresKey(workspaceId), value: figures },
    { key: keptDigestsKey(workspaceId), value: digests },
  ]);
}
