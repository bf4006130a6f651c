import type { Catalog } from '../../domain/catalog-model';
import { app } from '../../state/app.svelte';
import { router } from '../../state/router.svelte';
import { itemEntries, pageEntries, recordEntries, type SearchEntry } from '../../state/search-index';
import { matchEntries } from './command-match';

/** The command box's state: the query, the entries (pages and items at once, records once read), the active option. */
export class CommandBox {
  query = $state('');
  active = $state(0);
  #records = $state.raw<SearchEntry[]>([]);
  #fixed: SearchEntry[] = [];

  #onclose: () => void;

  constructor(ws: string, catalog: Catalog, onclose: () => void) {
    this.#onclose = onclose;
    this.#fixed = [...pageEntries(ws), ...itemEntries(ws, catalog)];
    recordEntries(ws).then(
      (r) => (this.#records = r),
      (e: unknown) => app.report(e),
    );
  }

  readonly groups = $derived(matchEntries([...this.#fixed, ...this.#records], this.query));
  readonly flat = $derived(this.groups.flatMap((g) => g.entries));

  setQuery(q: string): void {
    this.query = q;
    this.active = 0;
  }

  choose(entry: SearchEntry | undefined): void {
    if (!entry) return;
    this.#onclose();
    router.go(entry.to);
  }

  keydown(ev: KeyboardEvent): void {
    const n = this.flat.length;
    if (ev.key === 'ArrowDown' && n) this.active = (this.active + 1) % n;
    else if (ev.key === 'ArrowUp' && n) this.active = (this.active - 1 + n) % n;
    else if (ev.key === 'Home' && n && ev.ctrlKey) this.active = 0;
    else if (ev.key === 'End' && n && ev.ctrlKey) this.active = n - 1;
    else if (ev.key === 'Enter') this.choose(this.flat[this.active]);
    else if (ev.key === 'Escape') this.#onclose();
    else return;
    ev.preventDefault();
  }
}
