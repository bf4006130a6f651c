import { keptDigestsKey, keptFiguresKey, STAMP_KEY, type CacheRow } from './change-stamp';
import type { KeptDashboard } from './dashboard-read-direct';
import { database } from './database';
import { isQuotaError } from './errors';
import { DatabaseReadOnlyError } from './read-only';

/**
 * Keeps the dashboard's figures for the next visit (the worker reads them back while nothing has
 * changed: dashboard-read-direct.ts). The figures shown are right either way, so a database that only
 * reads (a newer app's), a full disk or a connection closed for another tab's newer version (the page
 * then asks for a reload) just means the next visit reads every record again.
 */
export async function keepDashboardFigures(workspaceId: string, kept: KeptDashboard<unknown>): Promise<void> {
  try {
    // The figures and the digests they came from, together or not at all.
    const rows: CacheRow[] = [{ key: keptFiguresKey(workspaceId), value: kept.figures }];
    if (kept.digests) rows.push({ key: keptDigestsKey(workspaceId), value: kept.digests });
    await database().cache.bulkPut(rows);
  } catch (e) {
    if (e instanceof DatabaseReadOnlyError || isQuotaError(e) || isClosed(e)) return;
    throw e;
  }
}

function isClosed(e: unknown): boolean {
  const named = (x: unknown) => x instanceof Error && x.name === 'DatabaseClosedError';
  return named(e) || named((e as { inner?: unknown } | null)?.inner);
}

/** The change stamp now (null before the first change, or where there is no cache table). */
export async function changeStampNow(): Promise<string | null> {
  try {
    const row = await database().cache.get(STAMP_KEY);
    return typeof row?.value === 'string' ? row.value : null;
  } catch {
    return null;
  }
}
