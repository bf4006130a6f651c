import type { Table } from 'dexie';
import { newId } from '../domain/ids';
import type { RegisterRecord } from '../domain/record-base';
import { database, type AimsDatabase } from './database';
import { write } from './write-path';

type TableName = 'aiSystems' | 'risks' | 'ownControls' | 'impactAssessments';

export interface RegisterRepo<T extends RegisterRecord, P> {
  list(workspaceId: string): Promise<T[]>;
  /**
   * The same list, read in a transaction of its own: a live query (state/live.svelte.ts) still re-runs
   * on every change, but Dexie's live-query cache, which deep-copies every record it hands out (50,000
   * risks: half a second on the page), is left out. For a page that is the list's only reader; where
   * several live queries read the same list at once (the dashboard), `list` shares one read through the cache.
   */
  listAlone(workspaceId: string): Promise<T[]>;
  get(id: string): Promise<T | undefined>;
  /** `build` receives ids and timestamps and returns the whole new record. */
  create(workspaceId: string, build: (base: RegisterRecord) => T): Promise<T>;
  /** `expected`: the values this edit started from; a field changed elsewhere since throws EditConflictError. */
  update(id: string, patch: P, expected?: Record<string, unknown>): Promise<T>;
}

/**
 * A register's reads, and its creates and updates through the write path (write-path.ts), which
 * validates the whole record with its schema and rules, checks for a conflicting edit, writes the
 * history entry and bumps the workspace's updatedAt, in one transaction. The schema, and the fields
 * a patch never changes (a risk's ref), are the register's own (domain/register-schemas).
 */
export function registerRepo<T extends RegisterRecord, P extends object>(name: TableName): RegisterRepo<T, P> {
  const table = (db: AimsDatabase) => db.table(name) as Table<T, string>;
  return {
    async list(workspaceId) {
      return table(database()).where('workspaceId').equals(workspaceId).toArray();
    },
    async listAlone(workspaceId) {
      const db = database();
      return db.transaction('r', table(db), () => table(db).where('workspaceId').equals(workspaceId).toArray());
    },
    async get(id) {
      return table(database()).get(id);
    },
    async create(workspaceId, build) {
      return write(
        (db) => [table(db)],
        async (w) => w.create(name, build({ id: newId(), workspaceId, createdAt: w.now, updatedAt: w.now })),
      );
    },
    async update(id, patch, expected) {
      return write(
        (db) => [table(db)],
        async (w) => {
          const current = await table(w.db).get(id);
          if (!current) throw new Error(`${name} ${id} not found`);
          return w.update(name, current, patch, { expected });
        },
      );
    },
  };
}
