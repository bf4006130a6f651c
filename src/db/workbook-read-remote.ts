import type { Catalog } from '../domain/catalog-model';
import type { WorkbookData } from '../io/sheets/workbook-data';
import { openWorkbookDatabaseEarly, readWorkbookDataDirect, type DirectRead } from './workbook-read-direct';

/*
 * A check's read of the workspace, in a worker of its own. Read in the spreadsheet worker itself,
 * the browser delivered the records only after SheetJS's parse had let go of that thread, and then
 * took another 50–70 ms of round trips with the thread idle (the profiles of stop 8). Read here, on
 * a thread that is otherwise idle, they arrive in the spreadsheet worker as one message, queued
 * while it parses and taken at once after. The same read (readWorkbookDataDirect: one read
 * transaction, never creating the database); a worker that fails leaves it to the caller's thread.
 */

type Request = { type: 'open'; dbName: string } | { type: 'read'; id: number; dbName: string; workspaceId: string };
type Records = Omit<WorkbookData, 'catalog'>;
/**
 * `json`: the records as JSON text in UTF-8, when that text parses back to exactly them (jsonText),
 * its buffer transferred (a string of 10 MB took 40 ms to arrive, the bytes none); else `records`, cloned.
 */
type Reply = { id: number; json: Uint8Array } | { id: number; records: Records } | { id: number; error: string };

/**
 * The records as JSON text, or null when JSON would not give them back exactly (an undefined value,
 * a hole, a Date or any object that is not a plain object or array, a number JSON cannot write, an
 * array with other properties): the clone then carries them. The text crosses to the spreadsheet
 * worker as bytes, and JSON.parse there took less time than deserialising the clone of 10,000
 * records (which that worker can only do once SheetJS's parse is over), and the plan ran faster on
 * what it gave; the stringify runs here, meanwhile, on a thread that is otherwise idle.
 */
export function jsonText(records: unknown): string | null {
  let exact = true;
  const text = JSON.stringify(records, function (this: unknown, key: string, value: unknown) {
    if (!exact) return undefined;
    const raw = (this as Record<string, unknown>)[key];
    if (typeof raw === 'object' && raw !== null) {
      if (Array.isArray(raw)) {
        if (Object.keys(raw).length !== raw.length) exact = false;
      } else {
        const proto: unknown = Object.getPrototypeOf(raw);
        if (proto !== Object.prototype && proto !== null) exact = false;
      }
    } else if (typeof raw === 'number') {
      if (!Number.isFinite(raw) || Object.is(raw, -0)) exact = false;
    } else if (typeof raw !== 'string' && typeof raw !== 'boolean' && raw !== null) exact = false;
    // Nothing more once one value is known not to come back (a big integer would make stringify throw).
    return exact ? value : undefined;
  });
  return exact ? text : null;
}

/** Stands for the catalog, which the read only passes through; the caller adds its own. */
const NO_CATALOG = null as unknown as Catalog;

/** The worker's side: opens the database when asked (ahead of a job), reads when asked. */
export function serveWorkbookReads(scope: {
  onmessage: ((ev: MessageEvent<Request>) => void) | null;
  postMessage(message: Reply, transfer?: Transferable[]): void;
}): void {
  scope.onmessage = (ev) => {
    const req = ev.data;
    if (req.type === 'open') return openWorkbookDatabaseEarly(req.dbName);
    readWorkbookDataDirect(req.dbName, req.workspaceId, NO_CATALOG).data.then(
      ({ catalog: _catalog, ...records }) => {
        const text = jsonText(records);
        if (text === null) return scope.postMessage({ id: req.id, records });
        const json = new TextEncoder().encode(text);
        scope.postMessage({ id: req.id, json }, [json.buffer]);
      },
      (e: unknown) => scope.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) }),
    );
  };
}

export interface RemoteReads {
  /** Opens the database in the worker ahead of a read. */
  open(dbName: string): void;
  /** As readWorkbookDataDirect; when the worker fails or cannot read, read again in this thread (whose error is then the one reported). */
  read(dbName: string, workspaceId: string, catalog: Catalog): DirectRead;
}

/** The other side, in the spreadsheet worker. */
export function remoteWorkbookReads(worker: Worker): RemoteReads {
  let next = 0;
  let failed = false;
  const waiting = new Map<number, (reply: Reply | null) => void>();
  worker.onmessage = (ev: MessageEvent<Reply>) => {
    const settle = waiting.get(ev.data.id);
    waiting.delete(ev.data.id);
    settle?.(ev.data);
  };
  worker.onerror = (ev) => {
    ev.preventDefault();
    failed = true;
    for (const settle of waiting.values()) settle(null);
    waiting.clear();
  };
  return {
    open(dbName) {
      if (!failed) worker.postMessage({ type: 'open', dbName } satisfies Request);
    },
    read(dbName, workspaceId, catalog) {
      if (failed) return readWorkbookDataDirect(dbName, workspaceId, catalog);
      const id = next++;
      const reply = new Promise<Reply | null>((resolve) => waiting.set(id, resolve));
      worker.postMessage({ type: 'read', id, dbName, workspaceId } satisfies Request);
      const data = reply.then((r) =>
        r && 'json' in r
          ? { catalog, ...(JSON.parse(new TextDecoder().decode(r.json)) as Records) }
          : r && 'records' in r
            ? { catalog, ...r.records }
            : readWorkbookDataDirect(dbName, workspaceId, catalog).data,
      );
      data.catch(() => undefined);
      // The requests go out on the other thread: nothing here needs a turn of this thread's event loop.
      return { requested: Promise.resolve(), data };
    },
  };
}
