import type { WorkspaceRecords } from '../domain/workspace-records';
import { KeptConnection } from './open-direct';

/*
 * The dashboard worker's read, with IndexedDB itself (as workbook-read-direct.ts for the spreadsheet
 * worker): Dexie stays out of the worker, which reads every record of the workspace off the page.
 */

/** The tables the dashboard's figures come from, as the database names them (a change to any of them refreshes the figures). */
export const DASHBOARD_TABLES = ['assessments', 'evidence', 'cycleRecords', 'risks', 'ownControls', 'impactAssessments', 'aiSystems'] as const;

/** The worker's connection, kept between reads (the figures are read again after every change). */
const kept = new KeptConnection();

/**
 * The workspace's records in one read transaction: the same rows as the repositories'
 * `where('workspaceId').equals(id).toArray()` (the index's getAll), in no particular order.
 */
export async function readWorkspaceRecordsDirect(dbName: string, workspaceId: string): Promise<WorkspaceRecords> {
  const records = await kept.read(dbName, (db) => readFrom(db, workspaceId));
  if (!records) throw new Error(`database ${dbName} does not exist`);
  return records;
}

function readFrom(db: IDBDatabase, workspaceId: string): Promise<WorkspaceRecords> {
  return new Promise<WorkspaceRecords>((resolve, reject) => {
    const tx = db.transaction([...DASHBOARD_TABLES], 'readonly');
    const rows = DASHBOARD_TABLES.map((t) => tx.objectStore(t).index('workspaceId').getAll(IDBKeyRange.only(workspaceId)));
    // Requests succeed in the order they were made: the last one's success means every result is there.
    rows[rows.length - 1]!.onsuccess = () => {
      const [assessments, evidence, cycle, risks, ownControls, impactAssessments, aiSystems] = rows.map((r) => r.result as never[]);
      resolve({
        assessments: assessments!,
        evidence: evidence!,
        cycle: cycle!,
        risks: risks!,
        ownControls: ownControls!,
        impactAssessments: impactAssessments!,
        aiSystems: aiSystems!,
      });
    };
    tx.onabort = () => reject(tx.error ?? new Error('the read was aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('the read failed'));
  });
}
