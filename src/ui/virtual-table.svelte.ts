import { locale } from '../i18n/i18n';
import { SORT_IN_PAGE, sortOrder, type SortKey } from '../state/sort-order';
import type { Column } from './DataTable.svelte';

/** Rows drawn above and below the visible ones, so Tab and a quick scroll find rows already there. */
const OVERSCAN = 8;
/** Rows whose sort keys are worked out in one task. */
const SLICE = 4_000;

/** A column's keys for many rows, a slice per task, so working them out never holds the page. */
async function keysInSlices<T>(rows: readonly T[], keyOf: (row: T) => SortKey): Promise<SortKey[]> {
  const keys: SortKey[] = new Array<SortKey>(rows.length);
  for (let i = 0; i < rows.length; i += SLICE) {
    if (i) await new Promise((r) => setTimeout(r, 0));
    const end = Math.min(rows.length, i + SLICE);
    for (let j = i; j < end; j++) keys[j] = keyOf(rows[j]!);
  }
  return keys;
}

/**
 * Sorting of a long table: the order by a column is computed once per change of the data (in a worker
 * when long, see state/sort-order.ts) and kept; a click on a header, a filter or the other direction
 * then only walks that order. The header shows a column as sorted once its order is there.
 */
export class TableSort<T> {
  sortBy = $state<string | null>(null);
  descending = $state(false);
  /** The column whose order is being computed (the header says so with aria-busy). */
  pending = $state<string | null>(null);
  #ready = $state(0);
  #orders = new WeakMap<readonly T[], Map<string, Uint32Array | Promise<Uint32Array>>>();

  constructor(
    private readonly all: () => readonly T[],
    private readonly columns: () => readonly Column<T>[],
  ) {}

  #cache(data: readonly T[]): Map<string, Uint32Array | Promise<Uint32Array>> {
    let m = this.#orders.get(data);
    if (!m) this.#orders.set(data, (m = new Map()));
    return m;
  }

  /** The order by `key` for `data`: at once when cached or short, else a promise from the worker. */
  #order(data: readonly T[], key: string): Uint32Array | Promise<Uint32Array> | null {
    const id = `${locale()}|${key}`;
    const cached = this.#cache(data).get(id);
    if (cached) return cached;
    const col = this.columns().find((c) => c.key === key);
    if (!col) return null;
    const keyOf = col.sortKey ?? col.text;
    const got = data.length < SORT_IN_PAGE ? sortOrder(data.map(keyOf), locale()) : keysInSlices(data, keyOf).then((keys) => sortOrder(keys, locale()));
    // The promise stays in the cache while the worker sorts, so asking again never sorts twice.
    const kept = got instanceof Uint32Array ? got : got.then((o) => (this.#cache(data).set(id, o), o));
    this.#cache(data).set(id, kept);
    return kept;
  }

  /** The current column's order for the current data, or null while there is none (yet). */
  readonly order = $derived.by(() => {
    void this.#ready;
    const data = this.all();
    if (!this.sortBy) return null;
    const o = this.#order(data, this.sortBy);
    if (o instanceof Promise) {
      void o.then(() => this.#ready++);
      return null;
    }
    return o;
  });

  /** A header click: the same column turns round at once; another waits for its order. */
  async sort(key: string): Promise<void> {
    if (this.sortBy === key) {
      this.descending = !this.descending;
      return;
    }
    const data = this.all();
    const o = this.#order(data, key);
    if (o instanceof Promise) {
      this.pending = key;
      await o;
      if (this.pending !== key) return;
      this.pending = null;
    }
    this.sortBy = key;
    this.descending = false;
  }

  /** Orders every column ahead, one after another, while the data stays the same (long tables only). */
  async prepare(data: readonly T[], current: () => readonly T[]): Promise<void> {
    for (const col of this.columns()) {
      if (current() !== data) return;
      await this.#order(data, col.key);
      await new Promise((r) => setTimeout(r, 0));
    }
  }

  /** `shown` (a subset of all rows) in the sort order; as given when unsorted. */
  arrange(shown: readonly T[]): readonly T[] {
    const order = this.order;
    const data = this.all();
    if (!order || order.length !== data.length) return shown;
    const keep = shown === data ? null : new Set(shown);
    const out: T[] = [];
    const n = order.length;
    for (let j = 0; j < n; j++) {
      const row = data[order[this.descending ? n - 1 - j : j]!]!;
      if (!keep || keep.has(row)) out.push(row);
    }
    return out;
  }
}

/** Which rows of a scroll box are drawn: the visible ones and a few around them, from an estimated row height. */
export class VirtualWindow {
  scrollTop = $state(0);
  height = $state(600);
  rowHeight = $state(44);

  range(count: number): { first: number; last: number } {
    const first = Math.max(0, Math.floor(this.scrollTop / this.rowHeight) - OVERSCAN);
    const last = Math.min(count, Math.ceil((this.scrollTop + this.height) / this.rowHeight) + OVERSCAN);
    return { first: Math.min(first, last), last };
  }

  /** Learns the drawn rows' mean height, so the spacers above and below keep the scroll bar true. */
  measure(rows: HTMLElement[]): void {
    const a = rows[0];
    const b = rows.at(-1);
    if (!a || !b || rows.length < 2) return;
    const mean = (b.offsetTop + b.offsetHeight - a.offsetTop) / rows.length;
    if (mean > 0 && Math.abs(mean - this.rowHeight) > 0.5) this.rowHeight = mean;
  }
}
