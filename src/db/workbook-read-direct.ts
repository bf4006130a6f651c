import type { Catalog } from '../domain/catalog-model';
import type { WorkbookData } from '../io/sheets/workbook-data';

/*
 * Apart from workbook-read.ts, which uses Dexie: the spreadsheet worker imports only this, so Dexie
 * stays out of its bundle (about 100 KB less to load and evaluate before every job).
 */
const TABLES = ['assessments', 'aiSystems', 'risks', 'ownControls', 'impactAssessments', 'cycleRecords'] as const;

export interface DirectRead {
  /** Settles once the requests are in flight: from then on the read needs no turn of this thread's event loop until its results arrive. */
  requested: Promise<void>;
  data: Promise<WorkbookData>;
}

/**
 * A connection a spare worker opened while it waited for a job (opening takes several turns of the
 * browser, 20–200 ms): the job's read then goes out at once. Used by one read only, then closed as
 * any other; dropped when another tab upgrades or deletes the database meanwhile.
 */
let early: { name: string; db: Promise<IDBDatabase | null> } | null = null;

/** Opens the app's database ahead of a read (never creating or upgrading it); see `early`. */
export function openWorkbookDatabaseEarly(dbName: string): void {
  if (early?.name === dbName || typeof indexedDB === 'undefined') return;
  const db = new Promise<IDBDatabase | null>((resolve) => {
    const open = indexedDB.open(dbName);
    // No such database: do not create one.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => resolve(null);
    open.onsuccess = () => {
      const conn = open.result;
      conn.onversionchange = () => {
        conn.close();
        if (early === entry) early = null;
      };
      resolve(conn);
    };
  });
  const entry = { name: dbName, db };
  early = entry;
}

/** The early connection to `dbName`, taken (a later read opens its own), or null. */
function takeEarly(dbName: string): Promise<IDBDatabase | null> {
  const e = early;
  if (!e || e.name !== dbName) return Promise.resolve(null);
  early = null;
  return e.db;
}

/**
 * What readWorkbookData reads, with IndexedDB itself, for the spreadsheet worker: it has no
 * connection open (unless a spare opened one early), and Dexie's open takes several turns of the event loop, so a read started
 * before a long synchronous parse would only get going after it. Here the requests go out as soon
 * as the database has opened (`requested`), and the parse can start then: the browser reads while
 * the worker parses. The same rows as Dexie's `where('workspaceId').equals(id).toArray()` (the
 * index's getAll), in one read transaction. Never creates or upgrades the database: the page has
 * opened it at the current version before any spreadsheet job starts.
 */
export function readWorkbookDataDirect(dbName: string, workspaceId: string, catalog: Catalog): DirectRead {
  let requested!: () => void;
  const inFlight = new Promise<void>((resolve) => (requested = resolve));
  const data = new Promise<WorkbookData>((resolve, reject) => {
    const fail = (e: unknown) => {
      requested();
      reject(e instanceof Error || e instanceof DOMException ? e : new Error(String(e)));
    };
    /** `closed`: what to do when `db` turns out closed since it was opened early (another tab upgraded it). */
    const read = (db: IDBDatabase, closed?: () => void) => {
      db.onversionchange = () => db.close();
      try {
        const tx = db.transaction(['workspaces', ...TABLES], 'readonly');
        const workspace = tx.objectStore('workspaces').get(workspaceId);
        const rows = TABLES.map((t) => tx.objectStore(t).index('workspaceId').getAll(IDBKeyRange.only(workspaceId)));
        // Requests succeed in the order they were made: the last one's success means every result is
        // there, without waiting for the transaction's completion (one more trip to the browser).
        rows[rows.length - 1]!.onsuccess = () => {
          const ws = workspace.result as WorkbookData['workspace'] | undefined;
          if (!ws) return reject(new Error(`workspace ${workspaceId} not found`));
          const [assessments, aiSystems, risks, ownControls, impactAssessments, cycleRecords] = rows.map((r) => r.result as never[]);
          resolve({
            catalog,
            workspace: ws,
            assessments: assessments!,
            aiSystems: aiSystems!,
            risks: risks!,
            ownControls: ownControls!,
            impactAssessments: impactAssessments!,
            cycleRecords: cycleRecords!,
          });
        };
        tx.onabort = () => reject(tx.error ?? new Error('the read was aborted'));
        tx.onerror = () => reject(tx.error ?? new Error('the read failed'));
        requested();
      } catch (e) {
        if (closed && e instanceof DOMException && e.name === 'InvalidStateError') closed();
        else fail(e);
      } finally {
        // Closes once the transaction is done.
        db.close();
      }
    };
    const openNow = () => {
      const open = indexedDB.open(dbName);
      open.onupgradeneeded = () => {
        // No such database: do not create one.
        open.transaction?.abort();
      };
      open.onerror = () => fail(open.error ?? new Error(`database ${dbName} cannot be opened`));
      open.onsuccess = () => read(open.result);
    };
    void takeEarly(dbName).then((db) => (db ? read(db, openNow) : openNow()));
  });
  data.catch(() => undefined);
  return { requested: inFlight, data };
}
