import type { SnapshotTable, WorkspaceSnapshot } from '../io/bundle/bundle-snapshot';
import type { Workspace } from '../domain/workspace-schema';
import { openExistingDatabase } from './open-direct';

/*
 * What readWorkspaceSnapshot (snapshot.ts, Dexie) reads, with IndexedDB itself, for the bundle
 * worker: the export reads the workspace there, not on the page, so neither the read (IndexedDB
 * clones every row into the thread that asked) nor handing 10,000–50,000 records to the worker
 * (another clone) holds the page. 105–110 ms in one page task at 10,000 risks, 0.7 s and 0.45 s at
 * 50,000. No Dexie: the worker's bundle stays without it.
 */

/** The settings key of a workspace's exchange base (see getExchangeBase in snapshot.ts). */
export const exchangeKey = (workspaceId: string) => `exchange:${workspaceId}`;

/**
 * The same rows as readWorkspaceSnapshot, in one read transaction (a consistent snapshot): each
 * table's rows by its workspaceId index, the history of the workspace and of the chosen tables, the
 * files when asked, and the exchange base. Never creates or upgrades the database: the page opened it
 * at the current version before any export starts.
 */
export async function readWorkspaceSnapshotDirect(
  dbName: string,
  workspaceId: string,
  tables: readonly SnapshotTable[],
  withFiles: boolean,
): Promise<WorkspaceSnapshot> {
  const db = await openExistingDatabase(dbName);
  if (!db) throw new Error(`database ${dbName} does not exist`);
  return new Promise<WorkspaceSnapshot>((resolve, reject) => {
    const fail = (e: unknown) => reject(e instanceof Error || e instanceof DOMException ? e : new Error(String(e)));
    try {
      const stores = ['workspaces', 'settings', 'history', ...tables, ...(withFiles ? ['evidenceFiles'] : [])];
      const tx = db.transaction(stores, 'readonly');
      const only = IDBKeyRange.only(workspaceId);
      const byWorkspace = (store: string) => tx.objectStore(store).index('workspaceId').getAll(only);
      const workspace = tx.objectStore('workspaces').get(workspaceId);
      const rows = tables.map(byWorkspace);
      const history = byWorkspace('history');
      const files = withFiles ? byWorkspace('evidenceFiles') : null;
      const base = tx.objectStore('settings').get(exchangeKey(workspaceId));
      // Requests succeed in the order they were made: the last one's success means every result is there.
      base.onsuccess = () => {
        const ws = workspace.result as Workspace | undefined;
        if (!ws) return fail(new Error(`workspace ${workspaceId} not found`));
        const out: WorkspaceSnapshot['tables'] = {};
        tables.forEach((t, i) => (out[t] = rows[i]!.result as Record<string, unknown>[]));
        // The history of what is exported: a selective export leaves out the history of the registers it leaves out.
        const chosen = new Set<string>(['workspaces', ...tables]);
        const kept = (history.result as { table: string }[]).filter((h) => chosen.has(h.table));
        if (kept.length > 0) out.history = kept as unknown as Record<string, unknown>[];
        const value = (base.result as { value?: unknown } | undefined)?.value;
        resolve({
          workspace: ws,
          tables: out,
          files: files ? (files.result as { id: string; blob: Blob }[]).map((f) => ({ id: f.id, blob: f.blob })) : [],
          basedOn: typeof value === 'string' ? value : null,
        });
      };
      tx.onabort = () => fail(tx.error ?? new Error('the read was aborted'));
      tx.onerror = () => fail(tx.error ?? new Error('the read failed'));
    } catch (e) {
      fail(e);
    } finally {
      // Closes once the transaction is done.
      db.close();
    }
  });
}
