import { readDashboardDirect, type KeptDashboard } from '../db/dashboard-read-direct';
import type { DashboardView } from '../domain/dashboard-view';
import { ownControlsKey, packDigests } from '../domain/risk-digest-codec';
import { dashboardInputs, type DashboardQuestion } from './dashboard-keys';

export { dashboardInputs, type DashboardQuestion } from './dashboard-keys';

/*
 * The dashboard worker's answer (dashboard.worker.ts): the figures kept from the last read when
 * nothing has changed since and they were worked out from the same inputs; otherwise worked out from
 * the digests kept of the risks (brought up to date with the risks written since) and every other
 * record, or, when no digests will do, from every record. At 50,000 risks the kept figures come back
 * in a few milliseconds, the digests with one risk edited in a few hundred, the full read in seconds.
 */

export interface DashboardAnswer {
  view: DashboardView;
  /** The change stamp of the records they describe (null: unknown, a database without the cache table). */
  stamp: string | null;
  /** Present when the figures were worked out: what the page keeps for the next visit (made when asked, after the figures are shown). */
  keep?: () => KeptDashboard<DashboardView>;
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
  const ctx = digestContext({ ...read.records, matrix: q.matrix });
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
