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

/**
 * Either the figures kept for these inputs, still good, or the workspace's records with the stamp
 * read before them; `keep` is false when figures worked out from them must not be kept (a write
 * committed while they were read, or a database without the cache table).
 */
export type DashboardRead<V> = { kept: V } | { records: WorkspaceRecords; stamp: string | null; keep: boolean };

/**
 * The workspace's records in one read transaction: the same rows as the repositories'
 * `where('workspaceId').equals(id).toArray()` (the index's getAll), in no particular order.
 */
export async function readWorkspaceRecordsDirect(dbName: string, workspaceId: string): Promise<WorkspaceRecords> {
  const records = await kept.read(dbName, (db) => readRecords(db, workspaceId, () => undefined));
  if (!records) throw new Error(`database ${dbName} does not exist`);
  return records;
}

/**
 * What the dashboard needs. First the change stamp and the figures kept for the workspace (a
 * transaction of a few hundred bytes): when they were kept at this stamp for these `inputs` they are
 * the answer and no record is read. Otherwise every record, then the stamp again: figures may be kept
 * with the stamp only when it did not change meanwhile, so they describe exactly these records. The
 * long read holds no lock on the cache table, which every write of data writes its stamp to: a
 * write to other tables (a profile, the history) does not wait for 50,000 risks to be read.
 */
export async function readDashboardDirect<V>(
  dbName: string,
  workspaceId: string,
  inputs: string,
  /** Called as the records are asked for (nothing kept): the caller loads what works them out meanwhile. */
  reading: () => void = () => undefined,
): Promise<DashboardRead<V>> {
  const read = await kept.read(dbName, (db) => readFrom<V>(db, workspaceId, inputs, reading));
  if (!read) throw new Error(`database ${dbName} does not exist`);
  return read;
}

async function readFrom<V>(db: IDBDatabase, workspaceId: string, inputs: string, reading: () => void): Promise<DashboardRead<V>> {
  // A database a newer app changed may have no cache table: then every read is a full one, nothing kept.
  if (!db.objectStoreNames.contains(CACHE_TABLE)) return { records: await readRecords(db, workspaceId, reading), stamp: null, keep: false };
  const before = await readCache<V>(db, keptFiguresKey(workspaceId));
  const found = before.kept;
  if (found && found.stamp === before.stamp && found.inputs === inputs) return { kept: found.view };
  const records = await readRecords(db, workspaceId, reading);
  const after = await readCache<V>(db, null);
  return { records, stamp: before.stamp, keep: after.stamp === before.stamp };
}

function done<T>(tx: IDBTransaction, resolve: (v: T) => void, reject: (e: unknown) => void, value: () => T): void {
  tx.oncomplete = () => resolve(value());
  tx.onabort = () => reject(tx.error ?? new Error('the read was aborted'));
  tx.onerror = () => reject(tx.error ?? new Error('the read failed'));
}

/** The stamp (null before the first change), and the figures kept under `key`. */
function readCache<V>(db: IDBDatabase, key: string | null): Promise<{ stamp: string | null; kept: KeptFigures<V> | undefined }> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(CACHE_TABLE, 'readonly');
    const cache = tx.objectStore(CACHE_TABLE);
    const stamp = cache.get(STAMP_KEY);
    const kept = key === null ? null : cache.get(key);
    done(tx, resolve, reject, () => ({
      stamp: ((stamp.result as CacheRow | undefined)?.value as string | undefined) ?? null,
      kept: (kept?.result as CacheRow | undefined)?.value as KeptFigures<V> | undefined,
    }));
  });
}

function readRecords(db: IDBDatabase, workspaceId: string, reading: () => void): Promise<WorkspaceRecords> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction([...DASHBOARD_TABLES], 'readonly');
    const rows = DASHBOARD_TABLES.map((t) => tx.objectStore(t).index('workspaceId').getAll(IDBKeyRange.only(workspaceId)));
    reading();
    done(tx, resolve, reject, () => {
      const [assessments, evidence, cycle, risks, ownControls, impactAssessments, aiSystems] = rows.map((r) => r.result as never[]);
      return {
        assessments: assessments!,
        evidence: evidence!,
        cycle: cycle!,
        risks: risks!,
        ownControls: ownControls!,
        impactAssessments: impactAssessments!,
        aiSystems: aiSystems!,
      };
    });
  });
}
