import type { Table } from 'dexie';
import type { ZodType } from 'zod';
import { newId } from '../domain/ids';
import type { RegisterRecord } from '../domain/record-base';
import { database, type AimsDatabase } from './database';
import { assertNoConflict, guardWrite } from './errors';
import { historyWriter } from './history-repo';
import { recordLabel } from '../domain/history';

type TableName = 'aiSystems' | 'risks' | 'ownControls' | 'impactAssessments';

export interface RegisterRepo<T extends RegisterRecord, P> {
  list(workspaceId: string): Promise<T[]>;
  get(id: string): Promise<T | undefined>;
  /** `build` receives ids and timestamps and returns the whole new record. */
  create(workspaceId: string, build: (base: RegisterRecord) => T): Promise<T>;
  /** `expected`: the values this edit started from; a field changed elsewhere since throws EditConflictError. */
  update(id: string, patch: P, expected?: Record<string, unknown>): Promise<T>;
}

/**
 * The one write path of every register: validate the whole record with its schema, in one
 * transaction with the workspace it belongs to and the record's history entry, and bump the
 * workspace's updatedAt.
 */
export function registerRepo<T extends RegisterRecord, P extends object>(
  name: TableName,
  schema: ZodType<T>,
  /** Fields beyond id, workspaceId and createdAt that a patch never changes (a risk's ref). */
  fixed: readonly (keyof T & string)[] = [],
): RegisterRepo<T, P> {
  const table = (db: AimsDatabase) => db.table(name) as Table<T, string>;
  return {
    async list(workspaceId) {
      return table(database()).where('workspaceId').equals(workspaceId).toArray();
    },
    async get(id) {
      return table(database()).get(id);
    },
    async create(workspaceId, build) {
      const db = database();
      const now = new Date().toISOString();
      const record = schema.parse(build({ id: newId(), workspaceId, createdAt: now, updatedAt: now }));
      const history = await historyWriter();
      return guardWrite(() =>
        db.transaction('rw', db.workspaces, table(db), db.history, async () => {
          if (!(await db.workspaces.get(workspaceId))) throw new Error(`workspace ${workspaceId} not found`);
          await table(db).add(record);
          await history.created(name, record, 'create', now);
          await db.workspaces.update(workspaceId, { updatedAt: now });
          return record;
        }),
      );
    },
    async update(id, patch, expected) {
      const db = database();
      const history = await historyWriter();
      return guardWrite(() =>
        db.transaction('rw', db.workspaces, table(db), db.history, async () => {
          const current = await table(db).get(id);
          if (!current) throw new Error(`${name} ${id} not found`);
          assertNoConflict(current, patch, expected, id, recordLabel(name, current as unknown as Record<string, unknown>));
          const now = new Date().toISOString();
          const kept = Object.fromEntries(fixed.map((k) => [k, current[k]]));
          const next = schema.parse({ ...current, ...patch, ...kept, id, workspaceId: current.workspaceId, createdAt: current.createdAt, updatedAt: now });
          await table(db).put(next);
          await history.updated(name, current, next, { at: now });
          await db.workspaces.update(current.workspaceId, { updatedAt: now });
          return next;
        }),
      );
    },
  };
}
