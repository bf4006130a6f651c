import { liveQuery } from 'dexie';

export interface Subscription {
  unsubscribe(): void;
}

/** Re-runs `query` whenever the tables it read change (in this tab or another). */
export function observe<T>(query: () => Promise<T>, next: (value: T) => void, error: (e: unknown) => void): Subscription {
  return liveQuery(query).subscribe({ next, error });
}
