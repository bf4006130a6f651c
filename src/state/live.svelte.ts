import { observe } from '../db/observe';

export interface Live<T> {
  readonly current: T;
  readonly loaded: boolean;
  readonly error: unknown;
}

/**
 * A Dexie live query as a rune. `deps` is read inside the effect (so Svelte tracks it);
 * the query re-subscribes when deps change and re-runs when its tables change.
 * Must be created during component initialisation (it uses $effect).
 */
export function live<D, T>(deps: () => D, query: (d: D) => Promise<T>, initial: T): Live<T> {
  let value = $state.raw<T>(initial);
  let loaded = $state(false);
  let error = $state.raw<unknown>(null);
  // Through $derived, the effect re-runs only when the dependency's value changes, not when an
  // object it was read from is replaced by an equal one (every save replaces the workspace).
  const current = $derived(deps());
  $effect(() => {
    const d = current;
    loaded = false;
    const sub = observe(
      () => query(d),
      (v) => {
        value = v;
        loaded = true;
        error = null;
      },
      (e) => {
        error = e;
      },
    );
    return () => sub.unsubscribe();
  });
  return {
    get current() {
      return value;
    },
    get loaded() {
      return loaded;
    },
    get error() {
      return error;
    },
  };
}
