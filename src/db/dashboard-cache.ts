import { keptFiguresKey } from './change-stamp';
import type { KeptFigures } from './dashboard-read-direct';
import { database } from './database';
import { isQuotaError } from './errors';
import { DatabaseReadOnlyError } from './read-only';

/**
 * Keeps the dashboard's figures for the next visit (the worker reads them back while nothing has
 * changed: dashboard-read-direct.ts). The figures shown are right either way, so a database that only
 * reads (a newer app's), a full disk or a connection closed for another tab's newer version (the page
 * then asks for a reload) just means the next visit reads every record again.
 */
export async function keepDashboardFigures(workspaceId: string, figures: KeptFigures<unknown>): Promise<void> {
  try {
    await database().cache.put({ key: keptFiguresKey(workspaceId), value: figures });
  } catch (e) {
    if (e instanceof DatabaseReadOnlyError || isQuotaError(e) || isClosed(e)) return;
    throw e;
  }
}

function isClosed(e: unknown): boolean {
  const named = (x: unknown) => x instanceof Error && x.name === 'DatabaseClosedError';
  return named(e) || named((e as { inner?: unknown } | null)?.inner);
}
