import type Dexie from 'dexie';
import { schemaVersions } from './schema-versions';

/**
 * Thrown, with nothing written, for a write to a database a newer version of the app has changed:
 * this (older) app does not know the newer shape, so it only reads until the page reloads.
 */
export class DatabaseReadOnlyError extends Error {
  readonly code = 'read-only';
  constructor() {
    super('read-only');
    this.name = 'DatabaseReadOnlyError';
  }
}

/** The newest version this app declares (Dexie's number, as in `db.version(n)`). */
export const declaredVersion = schemaVersions.reduce((n, v) => Math.max(n, v.version), 0);

/**
 * Whether the database on disk was left by a newer app. Dexie 4 opens a database of a higher
 * version than declared (it retries without a version after a VersionError) and leaves `db.verno`
 * at the declared one, so the native version decides. IndexedDB's number is Dexie's times ten;
 * Dexie may add one to it to patch a schema in place, which is not a newer release.
 */
export function storedVersionIsNewer(nativeVersion: number): boolean {
  return Math.floor(nativeVersion / 10) > declaredVersion;
}

const locked = new WeakSet<Dexie>();

/** Every write of `db` (put, add, delete, clear: Dexie's `mutate`) is refused once `lockWrites(db)` ran. */
export function guardWrites(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'refuseWritesWhenNewer',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return { ...table, mutate: (req) => (locked.has(db) ? Promise.reject(new DatabaseReadOnlyError()) : table.mutate(req)) };
      },
    }),
  });
}

export function lockWrites(db: Dexie): void {
  locked.add(db);
}
