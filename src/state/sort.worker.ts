/// <reference lib="webworker" />
import { sortIndices } from '../domain/sort-indices';
import type { SortReply, SortRequest } from './sort-order';

// Sorts a column's keys off the page (see sort-order.ts) and hands the order back without a copy.
self.onmessage = (ev: MessageEvent<SortRequest>) => {
  const order = sortIndices(ev.data.keys, ev.data.locale);
  (self as unknown as Worker).postMessage({ id: ev.data.id, order } satisfies SortReply, [order.buffer]);
};
