/// <reference lib="webworker" />
import { dashboardFigures } from './dashboard-figures';
import type { DashboardReply, DashboardRequest } from './dashboard-protocol';
import type { DashboardPrepare } from './dashboard-worker-start';

// Reads the workspace's records and works out the dashboard's figures off the page (or reads the
// figures kept from the last time while nothing has changed: dashboard-figures.ts); the page
// receives only those (a few hundred bytes), never the 50,000 risks. The functions that work them
// out (every register's schema comes with them) load, once, while the first read of records is under way.
let computing: Promise<typeof import('../domain/dashboard-view')> | undefined;
const load = () => (computing ??= import('../domain/dashboard-view'));
// A build names the script by its content, so figures kept by another build are not used; the
// development server's name does not change with the code, so there nothing kept is used.
const code = import.meta.env.DEV ? `${import.meta.url}#${crypto.randomUUID()}` : import.meta.url;

self.onmessage = async (ev: MessageEvent<DashboardRequest | DashboardPrepare>) => {
  if ('prepare' in ev.data) return void load();
  const { id, ...question } = ev.data;
  let reply: DashboardReply;
  try {
    reply = { id, ...(await dashboardFigures(question, code, load)) };
  } catch (e) {
    reply = { id, failed: e instanceof Error ? e.message : String(e) };
  }
  (self as unknown as Worker).postMessage(reply);
};
