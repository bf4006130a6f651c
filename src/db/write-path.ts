import type { Table } from 'dexie';
import { fail, type Failure } from '../domain/result';
import { database, type AimsDatabase } from './database';
import { guardWrite } from './errors';
import { historyWriter } from './history-repo';
import { RecordRefusedError, Writer, type Rules } from './write-writer';

export { markValidated, RecordRefusedError, Writer, type UpdateOptions } from './write-writer';

/**
 * The one write path. Every change to a register — an edit, a delete, a restore, a bundle or a
 * workbook import, the mapping wizard's rows — goes through a Writer inside one `write` transaction,
 * which applies the rules every write must follow, once each: the register's schema and own rules
 * (domain/register-schemas), the two-tab conflict check when the caller says what its edit started
 * from, the history entry, the workspace's updatedAt (once per write), the trash for deletions
 * (write-trash) and the storage quota (guardWrite). No other file in src/db writes a data table.
 */

/** The register declarations load with the first write: the first screen reads, but never writes. */
let rules: Rules | null = null;
const loadRules = async () => (rules ??= await import('../domain/register-schemas'));

export interface WriteOptions {
  /** Bytes the write brings (a file, an import): refused up front when the browser says they cannot fit. */
  neededBytes?: number | null;
  /** Runs last in the transaction, after every write of the body and the writer's own (the workspaces' updatedAt). */
  last?: (db: AimsDatabase) => Promise<void>;
}

/**
 * Runs `body` with a Writer in one read-write transaction over the workspaces, the history and
 * `tables`; a quota failure becomes a StorageFullError, and nothing is written.
 */
export async function write<T>(tables: (db: AimsDatabase) => Table[], body: (w: Writer) => Promise<T>, opts: WriteOptions = {}): Promise<T> {
  const loaded = await loadRules();
  const history = await historyWriter();
  const db = database();
  const scope = [...new Map([db.workspaces, db.history, ...tables(db)].map((t) => [t.name, t])).values()];
  return guardWrite(
    () =>
      db.transaction('rw', scope, async () => {
        const w = new Writer(db, history, new Date().toISOString(), loaded);
        const out = await body(w);
        await w.finish();
        await opts.last?.(db);
        return out;
      }),
    opts.neededBytes ?? null,
  );
}

/** A write whose refusal is a result for the form (a code and a field), not an exception. */
export async function tryWrite<T, C extends string = string>(run: () => Promise<T>): Promise<T | Failure<C>> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof RecordRefusedError) return fail(e.code as C, e.field);
    throw e;
  }
}
