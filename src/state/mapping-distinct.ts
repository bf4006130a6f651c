import { requiredTarget } from '../io/mapping/mapping-targets';
import { distinctValues, type DistinctValue, type SheetMapping } from '../io/mapping/mapping';
import type { CellValue } from '../io/sheets/sheet-cells';

/**
 * A column's distinct values, cached per sheet, header row, title column and target: choosing a
 * value does not rescan the sheet. A new sheet (other rows) empties the cache.
 */
export class DistinctValueCache {
  #cache = new Map<string, DistinctValue[]>();
  #rows: unknown = null;

  get(rows: readonly (readonly CellValue[])[], m: SheetMapping, col: number): DistinctValue[] {
    if (this.#rows !== rows) this.#cache.clear();
    this.#rows = rows;
    const key = `${m.register}|${m.headerRow}|${m.columns.indexOf(requiredTarget(m.register).key)}|${col}|${m.columns[col]}`;
    let hit = this.#cache.get(key);
    if (!hit) this.#cache.set(key, (hit = distinctValues(rows, m, col)));
    return hit;
  }
}
