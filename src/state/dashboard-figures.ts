import { readDashboardDirect, type KeptFigures } from '../db/dashboard-read-direct';
import type { DashboardView } from '../domain/dashboard-view';
import type { DashboardRequest } from './dashboard-protocol';

/*
 * The dashboard worker's answer (dashboard.worker.ts): the figures kept from the last read when
 * nothing has changed since and they were worked out from the same inputs, otherwise worked out
 * from every record, with what the page keeps for next time (dashboard-cache.ts). At 50,000 risks
 * the kept figures come back in a few milliseconds; the full read takes seconds.
 */

export type DashboardQuestion = Omit<DashboardRequest, 'id'>;

export interface DashboardAnswer {
  view: DashboardView;
  /** Present when the figures were worked out from the records: the page keeps them for the next visit. */
  keep?: KeptFigures<DashboardView>;
}

/**
 * Everything besides the records the figures depend on, as one SHA-256: the code that works them
 * out (`code`: the worker script's address, which a build names by its content), the catalog in
 * the language shown (task titles, the SoA's controls), the matrix and the day (overdue, due soon).
 */
export async function dashboardInputs(q: DashboardQuestion, code: string): Promise<string> {
  const { frameworkId, catalogVersion, locale, items } = q.catalog;
  const text = JSON.stringify({ code, catalog: { frameworkId, catalogVersion, locale, items }, matrix: q.matrix, today: q.today });
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The dashboard's figures for `q`. `load` loads the domain module that works them out (every
 * register's schema comes with it): asked only when the records are read, and while they are, so
 * kept figures cost no module evaluation beside the page's start.
 */
export async function dashboardFigures(
  q: DashboardQuestion,
  code: string,
  load: () => Promise<typeof import('../domain/dashboard-view')>,
): Promise<DashboardAnswer> {
  const inputs = await dashboardInputs(q, code);
  let computing: ReturnType<typeof load> | undefined;
  const read = await readDashboardDirect<DashboardView>(q.dbName, q.workspaceId, inputs, () => (computing = load()));
  if ('kept' in read) return { view: read.kept };
  const { dashboardView } = await (computing ?? load());
  const view = dashboardView({ ...read.records, catalog: q.catalog, matrix: q.matrix, today: q.today });
  return read.keep ? { view, keep: { stamp: read.stamp, inputs, view } } : { view };
}
