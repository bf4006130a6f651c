import type { WorkspaceRecords } from '../domain/workspace-records';
import { CACHE_TABLE, keptFiguresKey, STAMP_KEY, type CacheRow } from './change-stamp';
import { KeptConnection } from './open-direct';

/*
 * The dashboard worker's read, with IndexedDB itself (as workbook-read-direct.ts for the spreadsheet
 * worker): Dexie stays out of the worker, which reads every record of the workspace off the page,
 * or only the figures kept from the last such read while nothing has changed since (change-stamp.ts).
 */

/** The tables the dashboard's figures come from, as the database names them (a change to any of them refreshes the figures). */
export const DASHBOARD_TABLES = ['assessments', 'evidence', 'cycleRecords', 'risks', 'ownControls', 'impactAssessments', 'aiSystems'] as const;

/** The worker's connection, kept between reads (the figures are read again after every change). */
const kept = new KeptConnection();

/** Figures kept in the cache table for a workspace (dashboard-cache.ts writes them). */
export interface KeptFigures<V> {
  /** The change stamp read with the records they came from (null: no change since the cache table was made). */
  stamp: string | null;
  /** What else they were worked out from (the worker's code, the catalog, the matrix, the day), as one string. */
  inputs: string;
  view: V;
}

/** Either the figures kept for these inputs, still good, or the workspace's records with the stamp they were read at. */
export type DashboardRead<V> = { kept: V } | { records: WorkspaceRecords; stamp: string | null };

/**
 * The workspace's records in one read transaction: the same rows as the repositories'
 * `where('workspaceId').equals(id).toArray()` (the index's getAll), in no particular order.
 */
export async function readWorkspaceRecordsDirect(dbName: string, workspaceId: string): Promise<WorkspaceRecords> {
  const read = await readDashboardDirect<never>(dbName, workspaceId, null);
  if ('kept' in read) throw new Error('unreachable: no inputs, nothing kept');
  return read.records;
}

/**
 * What the dashboard needs, in one read transaction: the change stamp and the figures kept for the
 * workspace first; when they were kept at this stamp for these `inputs` they are the answer and no
 * record is read (a few hundred bytes instead of 50,000 risks); otherwise every record, read in the
 * same transaction as the stamp, so figures kept with it describe exactly these records.
 */
export async function readDashboardDirect<V>(
  dbName: string,
  workspaceId: string,
  inputs: string | null,
  /** Called as the records are asked for (nothing kept): the caller loads what works them out meanwhile. */
  reading: () => void = () => undefined,
): Promise<DashboardRead<V>> {
  const read = await kept.read(dbName, (db) => readFrom<V>(db, workspaceId, inputs, reading));
  if (!read) throw new Error(`database ${dbName} does not exist`);
  return read;
}

function readFrom<V>(db: IDBDatabase, workspaceId: string, inputs: string | null, reading: () => void): Promise<DashboardRead<V>> {
  return new Promise<DashboardRead<V>>((resolve, reject) => {
    // A database a newer app changed may have no cache table: then every read is a full one.
    const cached = db.objectStoreNames.contains(CACHE_TABLE);
    const tx = db.transaction(cached ? [CACHE_TABLE, ...DASHBOARD_TABLES] : [...DASHBOARD_TABLES], 'readonly');
    tx.onabort = () => reject(tx.error ?? new Error('the read was aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('the read failed'));
    if (!cached) return readRecords(tx, workspaceId, null, resolve, reading);
    const cache = tx.objectStore(CACHE_TABLE);
    const stampReq = cache.get(STAMP_KEY);
    const keptReq = cache.get(keptFiguresKey(workspaceId));
    keptReq.onsuccess = () => {
      const stamp = ((stampReq.result as CacheRow | undefined)?.value as string | undefined) ?? null;
      const found = (keptReq.result as CacheRow | undefined)?.value as KeptFigures<V> | undefined;
      if (inputs !== null && found && found.stamp === stamp && found.inputs === inputs) resolve({ kept: found.view });
      else readRecords(tx, workspaceId, stamp, resolve, reading);
    };
  });
}

function readRecords<V>(tx: IDBTransaction, workspaceId: string, stamp: string | null, resolve: (r: DashboardRead<V>) => void, reading: () => void): void {
  const rows = DASHBOARD_TABLES.map((t) => tx.objectStore(t).index('workspaceId').getAll(IDBKeyRange.only(workspaceId)));
  reading();
  // Requests succeed in the order they were made: the last one's success means every result is there.
  rows[rows.length - 1]!.onsuccess = () => {
    const [assessments, evidence, cycle, risks, ownControls, impactAssessments, aiSystems] = rows.map((r) => r.result as never[]);
    const records: WorkspaceRecords = {
      assessments: assessments!,
      evidence: evidence!,
      cycle: cycle!,
      risks: risks!,
      ownControls: ownControls!,
      impactAssessments: impactAssessments!,
      aiSystems: aiSystems!,
    };
    resolve({ records, stamp });
  };
}
