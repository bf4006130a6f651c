import type Dexie from 'dexie';
import type { DBCoreMutateRequest, DBCoreTable } from 'dexie';

/*
 * Figures worked out from a workspace's records (the dashboard's, at 50,000 risks a read of every
 * record) are kept in the `cache` table between visits, and are good only while the data they came
 * from is unchanged. So every write of this database's data, whoever makes it (the write path,
 * imports, merges, the trash, a seed script, an upgrade), also writes a new change stamp, in the same
 * transaction: a Dexie middleware under every table but the cache itself and this browser's
 * settings. Figures are kept with the stamp read together with their records, and used only while
 * the stamp is still the same. Writes of data always go through Dexie (a worker writes only the
 * cache's kept figures, which change no data), and an older app cannot write a database of this
 * version (read-only.ts), so no change escapes the stamp.
 */

/** The table of kept figures and the change stamp (schema version 6). */
export const CACHE_TABLE = 'cache';
/** The cache row whose value is the stamp of the last change (a random string; no row before the first change). */
export const STAMP_KEY = 'stamp';
/** Tables whose writes do not change the figures: the cache itself and this browser's settings. */
const UNSTAMPED = new Set([CACHE_TABLE, 'settings']);

/** The cache row of a workspace's dashboard figures (deleted with the workspace). */
export const keptFiguresKey = (workspaceId: string) => `dashboard:${workspaceId}`;
/** The cache row of the digests of a workspace's risks the figures were worked out from (src/domain/risk-digest.ts). */
export const keptDigestsKey = (workspaceId: string) => `digests:${workspaceId}`;

/** The cache row of the risks written since (RiskChangeLog; schema version 7, whose older apps cannot write). */
export const RISK_LOG_KEY = 'risk-changes';
/** How many risk ids the log holds at most: a bigger write (an import) leaves it empty, and kept digests are all made again. */
export const RISK_LOG_LIMIT = 2_000;

/**
 * Which risks were written or deleted, write by write, so that digests kept at a position of the log
 * are brought up to date by reading those risks only. `epoch` names this log (a new log, after the
 * row was lost, starts another); `seq` counts the writes to risks; every write after `floor` is listed
 * in `entries` (older ones were let go, or were too big to list).
 */
export interface RiskChangeLog {
  epoch: string;
  seq: number;
  floor: number;
  entries: { seq: number; ids: string[] }[];
}

/** Where in the log kept digests were made. */
export interface LogPosition {
  epoch: string;
  seq: number;
}

/**
 * The risk ids written after `at`, or null when the log cannot tell (another log, or writes let go
 * since): then every risk is read again.
 */
export function changedSince(log: RiskChangeLog | undefined, at: LogPosition): Set<string> | null {
  if (!log) return at.seq === 0 && at.epoch === '' ? new Set() : null;
  if (log.epoch !== at.epoch || at.seq < log.floor || at.seq > log.seq) return null;
  const ids = new Set<string>();
  for (const e of log.entries) if (e.seq > at.seq) for (const id of e.ids) ids.add(id);
  return ids;
}

/** The position of `log` now (before any write to risks: epoch '' and seq 0). */
export const logPosition = (log: RiskChangeLog | undefined): LogPosition => (log ? { epoch: log.epoch, seq: log.seq } : { epoch: '', seq: 0 });

/** `log` with one more write to risks (`ids` null: too many, or a range, so not listed). */
export function logged(log: RiskChangeLog | undefined, ids: readonly string[] | null): RiskChangeLog {
  const base = log ?? { epoch: crypto.randomUUID(), seq: 0, floor: 0, entries: [] };
  const seq = base.seq + 1;
  if (ids === null || ids.length > RISK_LOG_LIMIT) return { epoch: base.epoch, seq, floor: seq, entries: [] };
  const entries = [...base.entries, { seq, ids: [...ids] }];
  let total = entries.reduce((n, e) => n + e.ids.length, 0);
  let floor = base.floor;
  while (total > RISK_LOG_LIMIT) {
    const dropped = entries.shift()!;
    total -= dropped.ids.length;
    floor = dropped.seq;
  }
  return { epoch: base.epoch, seq, floor, entries };
}

/** The ids a write to risks touches, or null when it cannot say (a range deleted). */
function writtenIds(req: DBCoreMutateRequest): string[] | null {
  if (req.type === 'deleteRange') return null;
  if (req.type === 'delete') return req.keys.map(String);
  return req.values.map((v) => String((v as { id?: unknown }).id));
}

export interface CacheRow {
  key: string;
  value: unknown;
}

const stamped = (tables: readonly string[]) => tables.some((t) => !UNSTAMPED.has(t));

/** Installs the stamp on `db` (its constructor does, so every connection of the app and its tests stamps). */
export function stampChanges(db: Dexie): void {
  /** The risk change log as each open write transaction has left it so far. */
  const logs = new WeakMap<IDBTransaction, RiskChangeLog | undefined>();
  db.use({
    stack: 'dbcore',
    name: 'stampChanges',
    create: (down) => ({
      ...down,
      // A write transaction on data also holds the cache table, so the stamp is written with the data or not at all.
      transaction: (tables, mode, options) =>
        down.transaction(mode === 'readwrite' && stamped(tables) && !tables.includes(CACHE_TABLE) ? [...tables, CACHE_TABLE] : tables, mode, options),
      table: (name) => {
        const table = down.table(name);
        if (UNSTAMPED.has(name)) return table;
        const cache = (): DBCoreTable => down.table(CACHE_TABLE);
        return {
          ...table,
          mutate: async (req: DBCoreMutateRequest) => {
            const res = await table.mutate(req);
            // An upgrade of a version before the cache table existed has nothing kept to make stale.
            if ((req.trans as unknown as IDBTransaction).objectStoreNames.contains(CACHE_TABLE)) {
              const rows: CacheRow[] = [{ key: STAMP_KEY, value: crypto.randomUUID() }];
              if (name === 'risks') {
                // Read once per transaction (an import writes risks in dozens of slices); this is the log's only writer.
                const trans = req.trans as unknown as IDBTransaction;
                const before = logs.has(trans)
                  ? logs.get(trans)
                  : ((await cache().get({ trans: req.trans, key: RISK_LOG_KEY })) as CacheRow | undefined)?.value;
                const log = logged(before as RiskChangeLog | undefined, writtenIds(req));
                logs.set(trans, log);
                rows.push({ key: RISK_LOG_KEY, value: log });
              }
              await cache().mutate({ type: 'put', trans: req.trans, values: rows });
            }
            return res;
          },
        };
      },
    }),
  });
}
