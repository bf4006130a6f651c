import type { WorkspaceRecords } from '../domain/workspace-records';

/*
 * The dashboard worker's read, with IndexedDB itself (as workbook-read-direct.ts for the spreadsheet
 * worker): Dexie stays out of the worker, which reads every record of the workspace off the page.
 */

/** The tables the dashboard's figures come from, as the database names them (a change to any of them refreshes the figures). */
export const DASHBOARD_TABLES = ['assessments', 'evidence', 'cycleRecords', 'risks', 'ownControls', 'impactAssessments', 'aiSystems'] as const;

/**
 * The worker's connection, kept between reads (opening takes several turns of the browser, 20–200 ms,
 * and the figures are read again after every change). Closed and dropped when another tab upgrades
 * or deletes the database, so this worker never blocks it; the next read opens a new one.
 */
let conn: { name: string; db: Promise<IDBDatabase> } | null = null;

function connection(dbName: string): Promise<IDBDatabase> {
  if (conn?.name === dbName) return conn.db;
  const entry = {
    name: dbName,
    db: new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(dbName);
      // No such database: do not create one (the page opens it at the current version first).
      open.onupgradeneeded = () => open.transaction?.abort();
      open.onerror = () => reject(open.error ?? new Error(`database ${dbName} cannot be opened`));
      open.onsuccess = () => {
        const db = open.result;
        db.onversionchange = () => {
          db.close();
          if (conn === entry) conn = null;
        };
        resolve(db);
      };
    }),
  };
  conn?.db.then(
    (db) => db.close(),
    () => undefined,
  );
  conn = entry;
  entry.db.catch(() => {
    if (conn === entry) conn = null;
  });
  return entry.db;
}

/**
 * The workspace's records in one read transaction: the same rows as the repositories'
 * `where('workspaceId').equals(id).toArray()` (the index's getAll), in no particular order.
 */
export async function readWorkspaceRecordsDirect(dbName: string, workspaceId: string, retry = true): Promise<WorkspaceRecords> {
  const db = await connection(dbName);
  try {
    return await readFrom(db, workspaceId);
  } catch (e) {
    // The connection closed under us (another tab upgraded the database): once more on a new one.
    if (!retry || !(e instanceof DOMException) || e.name !== 'InvalidStateError') throw e;
    if (conn?.name === dbName) conn = null;
    return readWorkspaceRecordsDirect(dbName, workspaceId, false);
  }
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
