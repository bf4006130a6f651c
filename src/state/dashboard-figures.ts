import { readDashboardDirect, type KeptDashboard } from '../db/dashboard-read-direct';
import type { DashboardView } from '../domain/dashboard-view';
import { ownControlsKey, packDigests } from '../domain/risk-digest-codec';
import type { DashboardRequest } from './dashboard-protocol';

/*
 * The dashboard worker's answer (dashboard.worker.ts): the figures kept from the last read when
 * nothing has changed since and they were worked out from the same inputs; otherwise worked out from
 * the digests kept of the risks (brought up to date with the risks written since) and every other
 * record, or, when no digests will do, from every record. At 50,000 risks the kept figures come back
 * in a few milliseconds, the digests with one risk edited in a few hundred, the full read in seconds.
 */

export type DashboardQuestion = Omit<DashboardRequest, 'id'>;

export interface DashboardAnswer {
  view: DashboardView;
  /** The change stamp of the records they describe (null: unknown, a database without the cache table). */
  stamp: string | null;
  /** Present when the figures were worked out: what the page keeps for the next visit (made when asked, after the figures are shown). */
  keep?: () => KeptDashboard<DashboardView>;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Everything besides the records the figures depend on, as one SHA-256: the code that works them
 * out (`code`: the worker script's address, which a build names by its content), the catalog in
 * the language shown (task titles, the SoA's controls), the matrix and the day (overdue, due soon);
 * and the part of it the risks' digests depend on (the code, the matrix and the day).
 */
export async function dashboardInputs(q: DashboardQuestion, code: string): Promise<{ inputs: string; digestInputs: string }> {
  const { frameworkId, catalogVersion, locale, items } = q.catalog;
  const [inputs, digestInputs] = await Promise.all([
    sha256(JSON.stringify({ code, catalog: { frameworkId, catalogVersion, locale, items }, matrix: q.matrix, today: q.today })),
    sha256(JSON.stringify({ code, matrix: q.matrix, today: q.today })),
  ]);
  return { inputs, digestInputs };
}

/**
 * The dashboard's figures for `q`. `load` loads the domain module that works them out (every
 * register's schema comes with it): asked only when records are read, and while they are, so
 * kept figures cost no module evaluation beside the page's start.
 */
export async function dashboardFigures(
  q: DashboardQuestion,
  code: string,
  load: () => Promise<typeof import('../domain/dashboard-view')>,
): Promise<DashboardAnswer> {
  const keys = await dashboardInputs(q, code);
  let computing: ReturnType<typeof load> | undefined;
  const read = await readDashboardDirect<DashboardView>(q.dbName, q.workspaceId, keys, () => (computing = load()));
  if ('kept' in read) return { view: read.kept, stamp: read.stamp };
  const { dashboardFromDigests, digestContext, digestRisks, updateDigests } = await (computing ?? load());
  const ctx = digestContext({ ...read.records, matrix: q.matrix, today: q.today });
  let digests;
  if ('digests' in read) {
    digests = read.digests;
    updateDigests(digests, read.changed, ctx);
  } else digests = digestRisks(read.records.risks, ctx);
  const view = dashboardFromDigests({ ...read.records, digests, catalog: q.catalog, matrix: q.matrix, today: q.today });
  if (!read.keep) return { view, stamp: null };
  const { stamp, at } = read;
  const ownControls = ownControlsKey(read.records.ownControls);
  // Digests no risk was written since are kept as they are (at 50,000 risks, megabytes not written again).
  const same = 'digests' in read && read.changed.size === 0 && read.at.epoch === read.from.epoch && read.at.seq === read.from.seq;
  return {
    view,
    stamp,
    keep: () => ({
      figures: { stamp, inputs: keys.inputs, view },
      digests: same ? null : { packed: packDigests(digests), inputs: keys.digestInputs, ownControls, at },
    }),
  };
}
