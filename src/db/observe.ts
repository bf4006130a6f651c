import Dexie, { liveQuery, type ObservabilitySet } from 'dexie';
import { database } from './database';

export interface Subscription {
  unsubscribe(): void;
}

/** Re-runs `query` whenever the tables it read change (in this tab or another). */
export function observe<T>(query: () => Promise<T>, next: (value: T) => void, error: (e: unknown) => void): Subscription {
  return liveQuery(query).subscribe({ next, error });
}

/**
 * Calls `changed` after every committed write to one of `tables` of the app's database, in this tab
 * or another (Dexie passes other tabs' writes on), without reading anything: for figures worked out
 * elsewhere (the dashboard worker), which the page then asks for again.
 */
export function observeTables(tables: readonly string[], changed: () => void): Subscription {
  const prefixes = tables.map((t) => `idb://${database().name}/${t}/`);
  const listener = (parts: ObservabilitySet) => {
    // 'all': everything may have changed (the page came back from the back-forward cache).
    if (Object.keys(parts).some((key) => key === 'all' || prefixes.some((p) => key.startsWith(p)))) changed();
  };
  Dexie.on('storagemutated', listener);
  return { unsubscribe: () => Dexie.on.storagemutated.unsubscribe(listener) };
}
