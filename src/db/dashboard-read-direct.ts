import type { OwnControl } from '../domain/own-control-schema';
import { ownControlsKey, unpackDigests, type PackedDigests, type RiskDigests } from '../domain/risk-digest-codec';
import type { Risk } from '../domain/risk-schema';
import type { WorkspaceRecords } from '../domain/workspace-records';
import {
  CACHE_TABLE,
  changedSince,
  keptDigestsKey,
  keptFiguresKey,
  logPosition,
  RISK_LOG_KEY,
  STAMP_KEY,
  type CacheRow,
  type LogPosition,
  type RiskChangeLog,
} from './change-stamp';
import { KeptConnection } from './open-direct';
import { storedVersionIsNewer } from './read-only';

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

/** The digests of a workspace's risks kept beside its figures (src/domain/risk-digest.ts), and what they hold for. */
export interface KeptDigests {
  /** The digests, packed (risk-digest-codec.ts). */
  packed: PackedDigests;
  /** The risks' part of the inputs: the code and the matrix (not the day: the figures read a digest's dates on the day asked). */
  inputs: string;
  /** ownControlsKey of the own controls they were made with. */
  ownControls: string;
  /** Where the risk change log stood when the risks they came from were read. */
  at: LogPosition;
}

/** What the page keeps after figures were worked out: the figures, and the risks' digests they came from (null: those kept are still good). */
export interface KeptDashboard<V> {
  figures: KeptFigures<V>;
  digests: KeptDigests | null;
}

/** The workspace's records but its risks. */
export type RecordsButRisks = Omit<WorkspaceRecords, 'risks'>;

/**
 * Either the figures kept for these inputs, still good; or the digests kept of the workspace's risks
 * with every risk written since (`from`: where the log stood when they were made; `changed`: id → the
 * risk now, undefined when it is gone or of another workspace) and every other record; or every record. `stamp` and `at` were read with them;
 * `keep` is false when figures worked out from them must not be kept (a write committed while they
 * were read, or a database without the cache table).
 */
export type DashboardRead<V> =
  | { kept: V; stamp: string | null }
  | {
      digests: RiskDigests;
      from: LogPosition;
      changed: Map<string, Risk | undefined>;
      records: RecordsButRisks;
      stamp: string | null;
      at: LogPosition;
      keep: true;
    }
  | { records: WorkspaceRecords; stamp: string | null; at: LogPosition; keep: boolean };

/** The keys a read is checked against. */
export interface DashboardKeys {
  /** Everything the figures depend on besides the records. */
  inputs: string;
  /** What the risks' digests depend on besides each risk and the own controls. */
  digestInputs: string;
}

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
 * transaction of a few hundred bytes): when they were kept at this stamp for these inputs they are
 * the answer and no record is read. Otherwise, in one transaction, the risks' digests kept, the log
 * of risks written since, those risks and every other record: with 50,000 risks and one of them
 * edited, one risk read instead of 50,000. When no digests will do (none kept, another
 * matrix, other own controls, more changes than the log holds), every record, then the stamp again:
 * figures may be kept with the stamp only when it did not change meanwhile, so they describe exactly
 * these records. That long read holds no lock on the cache table, which every write of data writes
 * its stamp to: a write to other tables (a profile, the history) does not wait for 50,000 risks to be read.
 */
export async function readDashboardDirect<V>(
  dbName: string,
  workspaceId: string,
  keys: DashboardKeys,
  /** Called as the records are asked for (nothing kept): the caller loads what works them out meanwhile. */
  reading: () => void = () => undefined,
): Promise<DashboardRead<V>> {
  const read = await kept.read(dbName, (db) => readFrom<V>(db, workspaceId, keys, reading));
  if (!read) throw new Error(`database ${dbName} does not exist`);
  return read;
}

async function readFrom<V>(db: IDBDatabase, workspaceId: string, keys: DashboardKeys, reading: () => void): Promise<DashboardRead<V>> {
  // A database a newer app changed may have no cache table: then every read is a full one, nothing kept.
  if (!db.objectStoreNames.contains(CACHE_TABLE))
    return { records: await readRecords(db, workspaceId, reading), stamp: null, at: logPosition(undefined), keep: false };
  const before = await readCache<V>(db, keptFiguresKey(workspaceId));
  const found = before.kept;
  if (found && found.stamp === before.stamp && found.inputs === keys.inputs) return { kept: found.view, stamp: found.stamp };
  reading();
  const since = await readSinceDigests(db, workspaceId, keys.digestInputs);
  if (since) return since;
  const records = await readRecords(db, workspaceId, () => undefined);
  const after = await readCache<V>(db, null);
  return { records, stamp: before.stamp, at: logPosition(before.log), keep: after.stamp === before.stamp };
}

function done<T>(tx: IDBTransaction, resolve: (v: T) => void, reject: (e: unknown) => void, value: () => T): void {
  tx.oncomplete = () => resolve(value());
  tx.onabort = () => reject(tx.error ?? new Error('the read was aborted'));
  tx.onerror = () => reject(tx.error ?? new Error('the read failed'));
}

const valueOf = (req: IDBRequest): unknown => (req.result as CacheRow | undefined)?.value;

/** The stamp (null before the first change), the risk change log, and the figures kept under `key`. */
function readCache<V>(
  db: IDBDatabase,
  key: string | null,
): Promise<{ stamp: string | null; log: RiskChangeLog | undefined; kept: KeptFigures<V> | undefined }> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(CACHE_TABLE, 'readonly');
    const cache = tx.objectStore(CACHE_TABLE);
    const stamp = cache.get(STAMP_KEY);
    const log = cache.get(RISK_LOG_KEY);
    const kept = key === null ? null : cache.get(key);
    done(tx, resolve, reject, () => ({
      stamp: (valueOf(stamp) as string | undefined) ?? null,
      log: valueOf(log) as RiskChangeLog | undefined,
      kept: kept ? (valueOf(kept) as KeptFigures<V> | undefined) : undefined,
    }));
  });
}

/** The tables besides risks, as the database names them, and where each goes in the records. */
const OTHER_TABLES = [
  ['assessments', 'assessments'],
  ['evidence', 'evidence'],
  ['cycleRecords', 'cycle'],
  ['ownControls', 'ownControls'],
  ['impactAssessments', 'impactAssessments'],
  ['aiSystems', 'aiSystems'],
] as const;

/**
 * The kept digests brought up to date: in one transaction (so all of it is as of one moment), the
 * digests, the log, every record but the risks, and the risks written since the digests were made.
 * Null when the digests will not do; the transaction then ends without reading any risk.
 */
function readSinceDigests(db: IDBDatabase, workspaceId: string, digestInputs: string): Promise<Extract<DashboardRead<never>, { digests: RiskDigests }> | null> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction([CACHE_TABLE, 'risks', ...OTHER_TABLES.map(([t]) => t)], 'readonly');
    const cache = tx.objectStore(CACHE_TABLE);
    const stamp = cache.get(STAMP_KEY);
    const log = cache.get(RISK_LOG_KEY);
    const keptDigests = cache.get(keptDigestsKey(workspaceId));
    let found: { kept: KeptDigests; digests: RiskDigests | null; others: IDBRequest[]; risks: Map<string, IDBRequest> } | null = null;
    // Requests answer in the order asked: the log is in by now. Nothing more is read unless the digests may do.
    keptDigests.onsuccess = () => {
      const kept = valueOf(keptDigests) as KeptDigests | undefined;
      if (!kept || kept.inputs !== digestInputs) return;
      const changed = changedSince(valueOf(log) as RiskChangeLog | undefined, kept.at);
      if (!changed) return;
      const others = OTHER_TABLES.map(([t]) => tx.objectStore(t).index('workspaceId').getAll(IDBKeyRange.only(workspaceId)));
      const store = tx.objectStore('risks');
      const risks = new Map([...changed].map((id) => [id, store.get(id)]));
      // Unpacked while the database reads the rest.
      found = { kept, digests: unpackDigests(kept.packed), others, risks };
    };
    done(tx, resolve, reject, () => {
      if (!found?.digests) return null;
      const records = Object.fromEntries(OTHER_TABLES.map(([, key], i) => [key, found!.others[i]!.result])) as unknown as RecordsButRisks;
      // Made with other own controls (another set, or other Annex A controls behind one): every risk is digested again.
      if (found.kept.ownControls !== ownControlsKey(records.ownControls as OwnControl[])) return null;
      const changed = new Map<string, Risk | undefined>();
      for (const [id, req] of found.risks) {
        const risk = req.result as Risk | undefined;
        changed.set(id, risk?.workspaceId === workspaceId ? risk : undefined);
      }
      return {
        digests: found.digests,
        from: found.kept.at,
        changed,
        records,
        stamp: (valueOf(stamp) as string | undefined) ?? null,
        at: logPosition(valueOf(log) as RiskChangeLog | undefined),
        keep: true as const,
      };
    });
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

/**
 * Keeps what `kept` holds for the workspace's next visit, written by the dashboard worker on its own
 * connection: the page neither receives nor clones the digests (at 50,000 risks about 6.5 MB, whose
 * message and IndexedDB copy held the page for 30–80 ms in one task). A cache row is no data change
 * (no change stamp: change-stamp.ts), and the figures say themselves which stamp they describe. Not
 * kept (false) in a database a newer app changed (this app only reads it), nor when the write fails
 * (a full disk): the figures shown are right either way, the next visit only reads more.
 */
export async function keepDashboardDirect<V>(dbName: string, workspaceId: string, keep: KeptDashboard<V>): Promise<boolean> {
  const written = await kept.read(
    dbName,
    (db) =>
      new Promise<boolean>((resolve) => {
        if (storedVersionIsNewer(db.version) || !db.objectStoreNames.contains(CACHE_TABLE)) return resolve(false);
        // The figures and the digests they came from, together or not at all.
        const tx = db.transaction(CACHE_TABLE, 'readwrite');
        tx.objectStore(CACHE_TABLE).put({ key: keptFiguresKey(workspaceId), value: keep.figures } satisfies CacheRow);
        if (keep.digests) tx.objectStore(CACHE_TABLE).put({ key: keptDigestsKey(workspaceId), value: keep.digests } satisfies CacheRow);
        tx.oncomplete = () => resolve(true);
        tx.onabort = () => resolve(false);
      }),
  );
  return written ?? false;
}
