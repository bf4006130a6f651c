import { database } from './database';
import { exchangeKey } from './snapshot-direct';
import type { SnapshotTable, WorkspaceSnapshot } from '../io/bundle/bundle-snapshot';

export type { SnapshotTable, WorkspaceSnapshot };

/** Reads everything an export needs in one read transaction, so the snapshot is consistent. */
export async function readWorkspaceSnapshot(workspaceId: string, tables: readonly SnapshotTable[], withFiles: boolean): Promise<WorkspaceSnapshot> {
  const db = database();
  const stores = [db.workspaces, db.settings, db.history, ...tables.map((t) => db.table(t)), ...(withFiles ? [db.evidenceFiles] : [])];
  return db.transaction('r', stores, async () => {
    const workspace = await db.workspaces.get(workspaceId);
    if (!workspace) throw new Error(`workspace ${workspaceId} not found`);
    const out: WorkspaceSnapshot['tables'] = {};
    for (const t of tables) out[t] = (await db.table(t).where('workspaceId').equals(workspaceId).toArray()) as Record<string, unknown>[];
    // The history of what is exported: a selective export leaves out the history of the registers it leaves out.
    const chosen = new Set<string>(['workspaces', ...tables]);
    const history = (await db.history.where('workspaceId').equals(workspaceId).toArray()).filter((h) => chosen.has(h.table));
    if (history.length > 0) out.history = history as unknown as Record<string, unknown>[];
    const files = withFiles ? (await db.evidenceFiles.where('workspaceId').equals(workspaceId).toArray()).map((f) => ({ id: f.id, blob: f.blob })) : [];
    return { workspace, tables: out, files, basedOn: await getExchangeBase(workspaceId) };
  });
}

/**
 * The exportedAt of the bundle this workspace was last imported from or merged with: both sides
 * of an exchange changed a record "since the common export" when both changed it after this.
 */
export async function getExchangeBase(workspaceId: string): Promise<string | null> {
  const row = await database().settings.get(exchangeKey(workspaceId));
  return typeof row?.value === 'string' ? row.value : null;
}

export { exchangeKey };
