/**
 * The order of a table's rows by one column, as indices into the rows: computed once per change of
 * the data and column (never per comparison), in a worker when there are many rows, so a click on a
 * column header of 50,000 risks never blocks the page.
 */
import { sortIndices, type SortKey } from '../domain/sort-indices';

export type { SortKey };

/** Lists shorter than this sort on the page at once (a few milliseconds); longer ones in the worker. */
export const SORT_IN_PAGE = 3_000;

export interface SortRequest {
  id: number;
  keys: SortKey[];
  locale: string;
}

export interface SortReply {
  id: number;
  order: Uint32Array;
}

let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, (order: Uint32Array) => void>();

function sortWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./sort.worker.ts', import.meta.url), { type: 'module', name: 'sort' });
  w.onmessage = (ev: MessageEvent<SortReply>) => {
    waiting.get(ev.data.id)?.(ev.data.order);
    waiting.delete(ev.data.id);
  };
  worker = w;
  return w;
}

/** The ascending order of `keys`: at once for a short list, from the worker for a long one. */
export function sortOrder(keys: SortKey[], locale: string): Uint32Array | Promise<Uint32Array> {
  if (keys.length < SORT_IN_PAGE) return sortIndices(keys, locale);
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    sortWorker().postMessage({ id, keys, locale } satisfies SortRequest);
  });
}
