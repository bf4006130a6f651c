/// <reference lib="webworker" />
import { readWorkspaceRecordsDirect } from '../db/dashboard-read-direct';
import type { DashboardReply, DashboardRequest } from './dashboard-protocol';

// Reads every record of the workspace and works out the dashboard's figures off the page; the page
// receives only those (a few hundred bytes), never the 50,000 risks. The functions that work them
// out (every register's schema comes with them) load while the first read is under way.
const computing = import('../domain/dashboard-view');

self.onmessage = async (ev: MessageEvent<DashboardRequest>) => {
  const { id, dbName, workspaceId, catalog, matrix, today } = ev.data;
  let reply: DashboardReply;
  try {
    const records = readWorkspaceRecordsDirect(dbName, workspaceId);
    const { dashboardView } = await computing;
    reply = { id, view: dashboardView({ ...(await records), catalog, matrix, today }) };
  } catch (e) {
    reply = { id, failed: e instanceof Error ? e.message : String(e) };
  }
  (self as unknown as Worker).postMessage(reply);
};
