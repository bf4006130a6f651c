/// <reference lib="webworker" />
import { keepDashboardDirect } from '../db/dashboard-read-direct';
import { dashboardFigures } from './dashboard-figures';
import { dashboardCode } from './dashboard-keys';
import type { DashboardReply, DashboardRequest } from './dashboard-protocol';
import type { DashboardPrepare } from './dashboard-worker-start';

// Reads the workspace's records and works out the dashboard's figures off the page (or reads the
// figures kept from the last time while nothing has changed: dashboard-figures.ts); the page
// receives only those (a few hundred bytes), never the 50,000 risks. The functions that work them
// out (every register's schema comes with them) load, once, while the first read of records is under way.
let computing: Promise<typeof import('../domain/dashboard-view')> | undefined;
const load = () => (computing ??= import('../domain/dashboard-view'));

self.onmessage = async (ev: MessageEvent<DashboardRequest | DashboardPrepare>) => {
  if ('prepare' in ev.data) return void load();
  const { id, ...question } = ev.data;
  const post = (reply: DashboardReply) => (self as unknown as Worker).postMessage(reply);
  let answer;
  try {
    answer = await dashboardFigures(question, dashboardCode, load);
  } catch (e) {
    return post({ id, failed: e instanceof Error ? e.message : String(e) });
  }
  post({ id, view: answer.view, stamp: answer.stamp });
  if (!answer.keep) return;
  try {
    // Kept here, after the figures are sent: the page shows them at once and copies nothing.
    await keepDashboardDirect(question.dbName, question.workspaceId, answer.keep());
  } catch (e) {
    // The figures are shown; only the next visit reads more.
    console.error(e);
  }
};
