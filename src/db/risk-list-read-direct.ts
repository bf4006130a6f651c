import type { AiSystem } from '../domain/ai-system-schema';
import type { RiskMatrix } from '../domain/risk-matrix';
import type { Risk } from '../domain/risk-schema';
import type { Workspace } from '../domain/workspace-schema';

export interface RiskListRead {
  matrix: RiskMatrix;
  risks: Risk[];
  /** The workspace's AI systems by name, in the order the page's own list of them has (the index's). */
  systems: { id: string; name: string }[];
}

/**
 * What the risk list shows, read with IndexedDB itself in one read transaction (for the risk-list
 * worker, which has no Dexie): the workspace's risk matrix, its risks and its AI systems' names. The
 * same rows as Dexie's `where('workspaceId').equals(id).toArray()`. `onCount` gets the number of risks
 * first, from the index alone, long before the records arrive. Null when the workspace is gone.
 */
export function readRiskListDirect(db: IDBDatabase, workspaceId: string, onCount: (n: number) => void): Promise<RiskListRead | null> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['workspaces', 'risks', 'aiSystems'], 'readonly');
    const only = IDBKeyRange.only(workspaceId);
    const risks = tx.objectStore('risks').index('workspaceId');
    // Requests succeed in the order they were made.
    const count = risks.count(only);
    count.onsuccess = () => onCount(count.result);
    const workspace = tx.objectStore('workspaces').get(workspaceId);
    const systems = tx.objectStore('aiSystems').index('workspaceId').getAll(only);
    const all = risks.getAll(only);
    all.onsuccess = () => {
      const ws = workspace.result as Workspace | undefined;
      if (!ws) return resolve(null);
      resolve({
        matrix: ws.riskMatrix,
        risks: all.result as Risk[],
        systems: (systems.result as AiSystem[]).map((s) => ({ id: s.id, name: s.name })),
      });
    };
    tx.onabort = () => reject(tx.error ?? new Error('the read was aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('the read failed'));
  });
}
