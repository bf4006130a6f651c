import type Dexie from 'dexie';
import type { DBCoreMutateRequest, DBCoreTable } from 'dexie';

/*
 * Figures worked out from a workspace's records (the dashboard's, at 50,000 risks a read of every
 * record) are kept in the `cache` table between visits, and are good only while the data they came
 * from is unchanged. So every write of this database's data, whoever makes it (the write path,
 * imports, merges, the trash, a seed script, an upgrade), also writes a new change stamp, in the same
 * transaction: a Dexie middleware under every table but the cache itself and this browser's
 * settings. Figures are kept with the stamp read together with their records, and used only while
 * the stamp is still the same. Writes always go through Dexie (workers only read), and an older app
 * cannot write a database of this version (read-only.ts), so no change escapes the stamp.
 */

/** The table of kept figures and the change stamp (schema version 6). */
export const CACHE_TABLE = 'cache';
/** The cache row whose value is the stamp of the last change (a random string; no row before the first change). */
export const STAMP_KEY = 'stamp';
/** Tables whose writes do not change the figures: the cache itself and this browser's settings. */
const UNSTAMPED = new Set([CACHE_TABLE, 'settings']);

/** The cache row of a workspace's dashboard figures (deleted with the workspace). */
export const keptFiguresKey = (workspaceId: string) => `dashboard:${workspaceId}`;

export interface CacheRow {
  key: string;
  value: unknown;
}

const stamped = (tables: readonly string[]) => tables.some((t) => !UNSTAMPED.has(t));

/** Installs the stamp on `db` (its constructor does, so every connection of the app and its tests stamps). */
export function stampChanges(db: Dexie): void {
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
              await cache().mutate({ type: 'put', trans: req.trans, values: [{ key: STAMP_KEY, value: crypto.randomUUID() } satisfies CacheRow] });
            }
            return res;
          },
        };
      },
    }),
  });
}
