import type { ZodType } from 'zod';
import type { CellValue } from './sheet-cells';
import type { RegisterSheet, SheetContext } from './sheet-registers';
import type { WorkbookData } from './workbook-data';
import type { WorkbookOrigin } from './workbook-origin';
import type { PlanOptions, WorkbookPlan } from './workbook-plan';
import { sameValue } from './workbook-values';

/**
 * The cells of a sheet's rows as the import reads them (workbook-rows.ts plans the rows). What an empty cell means (docs/spreadsheets.md): in a row that creates a record, the
 * register's default; in a row of an existing record, "leave the value as it is", unless the cell
 * was emptied in a full export of a record unchanged since (a deliberate clear) or the preview's
 * "Blank cells clear values" is on. A cell holding only "-" clears its value.
 */

/** What a cell holds to clear its value on purpose. */
export const CLEAR_MARK = '-';

export type Column = RegisterSheet<Record<string, unknown>>['columns'][number];
type SetResult = ReturnType<NonNullable<Column['set']>>;

/** A `set` result with its keys listed once. */
interface Settled {
  result: SetResult;
  keys: string[];
}

/** Results of a pure column's `set` by cell value, for one sheet of one import (one context). */
export class CellMemo {
  readonly #values = new Map<string | number | boolean | null, Settled>();
  readonly #dates = new Map<number, Settled>();

  get(cell: CellValue): Settled | undefined {
    return cell instanceof Date ? this.#dates.get(cell.getTime()) : this.#values.get(cell);
  }

  put(cell: CellValue, result: SetResult): Settled {
    const settled = { result, keys: result.ok ? Object.keys(result.value) : [] };
    if (cell instanceof Date) this.#dates.set(cell.getTime(), settled);
    else this.#values.set(cell, settled);
    return settled;
  }
}

export interface SettableColumn {
  index: number;
  col: Column;
  /** Only for pure columns without a `same` test; shared results are read, never handed on. */
  memo: CellMemo | null;
}

/**
 * True when every column of the row would parse without a problem and leave the record as it is
 * (an empty cell that keeps its value counts as such; a clear mark never does):
 * then the row is unchanged, exactly as the full comparison below would find (a row where any
 * column differs, or fails, takes that full path).
 */
export function rowUnchanged(
  row: readonly CellValue[],
  settable: readonly SettableColumn[],
  record: Record<string, unknown>,
  ctx: SheetContext,
  keepBlank: boolean,
): boolean {
  for (let c = 0; c < settable.length; c++) {
    const { index, col, memo } = settable[c]!;
    const cell = row[index] ?? null;
    if (keepBlank && isBlank(cell)) continue;
    if (isMark(cell)) return false;
    if (col.same) {
      if (col.same(cell, record, ctx)) continue;
      return false;
    }
    let result: SetResult;
    let keys: string[];
    if (memo) {
      const settled = memo.get(cell) ?? memo.put(cell, col.set!(cell, ctx, record));
      result = settled.result;
      keys = settled.keys;
    } else {
      result = col.set!(cell, ctx, record);
      keys = result.ok ? Object.keys(result.value) : [];
    }
    if (!result.ok) return false;
    const value = result.value;
    for (let k = 0; k < keys.length; k++) if (!sameValue(value[keys[k]!], record[keys[k]!])) return false;
  }
  return true;
}

/** An empty cell, or one of spaces only. */
export const isBlank = (cell: CellValue): boolean => cell === null || (typeof cell === 'string' && (cell === '' || cell.trim() === ''));
/** The clear mark, spaces around it allowed. */
export const isMark = (cell: CellValue): boolean => typeof cell === 'string' && cell.length < 8 && cell.trim() === CLEAR_MARK;
export const isEmptyValue = (v: unknown): boolean => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
export const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
export const NAME_FIELDS = ['title', 'name'];

/** Everything one sheet's plan reads besides its rows. */
export interface SheetEnv {
  d: WorkbookData;
  ctx: SheetContext;
  plan: WorkbookPlan;
  schema: ZodType;
  origin: WorkbookOrigin;
  options: PlanOptions;
  /** The names other rows refer to this register's records by (the context's, which new rows join), or null. */
  names: { byId: Map<string, string>; byName: Map<string, string> } | null;
  /** A new record's id, chosen by the plan. */
  newId: () => string;
}

/**
 * Whether an empty cell leaves the record's value as it is. A new record takes its defaults; a full
 * export's emptied cell is a clear when the record has not changed since the export (the cell then
 * held its value); a template's, or another file's, never is.
 */
export function keepsBlank(record: Record<string, unknown> | undefined, linked: boolean, env: SheetEnv): boolean {
  if (!record) return true;
  if (env.options.blankClears) return false;
  if (linked || env.origin.kind !== 'export') return true;
  const at = record.updatedAt;
  return env.origin.exportedAt !== null && typeof at === 'string' && at > env.origin.exportedAt;
}
