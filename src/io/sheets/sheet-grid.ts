/**
 * The last step of every spreadsheet read, whatever the format: cut the grid to the cells in use
 * and to the limits, turn every value into a plain Cell, cap long text, and say where (sheet, row,
 * column) each problem was, 1-based, columns also as letters.
 */
import type { IoProblem } from '../problems';
import { sheetFileProblem } from './sheet-problem-text';

export type Cell = string | number | boolean | Date | null;

/** Most warnings one read reports; the last one is then 'too-many-problems'. */
export const MAX_SHEET_WARNINGS = 100;

/** 0 → A, 25 → Z, 26 → AA, 16383 → XFD. */
export function columnLetters(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** Where a cell is, as problem fields: record = sheet name, field = A1 address. */
export function cellWhere(file: string, sheet: string, row: number, col: number): { file: string; record: string; field: string } {
  const letters = columnLetters(col);
  return { file, record: sheet, field: `${letters}${row + 1}` };
}

/** Collects warnings up to MAX_SHEET_WARNINGS. */
export class WarningList {
  readonly items: IoProblem[] = [];
  #full = false;

  constructor(private readonly file: string) {}

  add(p: IoProblem): void {
    if (this.#full) return;
    if (this.items.length === MAX_SHEET_WARNINGS - 1) {
      this.items.push(sheetFileProblem('too-many-problems', { file: this.file }, 'too-many-problems', { count: MAX_SHEET_WARNINGS - 1 }));
      this.#full = true;
      return;
    }
    this.items.push(p);
  }
}

/** Arrays up to this length are walked by index in usedExtent. */
const NARROW_ROW = 256;

/**
 * Rows and columns up to the last cell that `used` accepts. Sparse rows (SheetJS stores a lone cell
 * in column XFD as an array of length 16,384) are walked by their present indices only, so the
 * cost follows the cells stored, never the declared width.
 */
export function usedExtent<T>(rows: ArrayLike<ArrayLike<T> | null | undefined>, used: (value: T) => boolean): { rows: number; cols: number } {
  let lastRow = -1;
  let lastCol = -1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row || row.length === 0) continue;
    // A row no wider than the most columns a read keeps is walked by index (holes skipped, as
    // Object.keys would): the keys of 10,000 rows as strings cost more than the walk.
    if (Array.isArray(row) && row.length <= NARROW_ROW) {
      for (let c = row.length - 1; c >= 0; c--) {
        if (!(c in row)) continue;
        if (used(row[c]!)) {
          lastRow = r;
          if (c > lastCol) lastCol = c;
          break;
        }
      }
      continue;
    }
    const keys = Object.keys(row);
    for (let k = keys.length - 1; k >= 0; k--) {
      const c = Number(keys[k]);
      if (!Number.isInteger(c)) continue;
      if (used(row[c]!)) {
        lastRow = r;
        if (c > lastCol) lastCol = c;
        break;
      }
    }
  }
  return { rows: lastRow + 1, cols: lastCol + 1 };
}

/** A value as a Cell: empty text is blank (null), like an empty cell; anything unexpected too. */
export function toCell(value: unknown): Cell {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  return null;
}

export interface GridContext {
  file: string;
  sheet: string;
  maxCellChars: number;
  warnings: WarningList;
}

/**
 * `raw` cut or padded to `rows` × `cols` of Cells, every text capped at maxCellChars (never
 * splitting a surrogate pair) with a 'cell-too-long' warning saying where.
 */
export function toGrid<T = unknown>(
  raw: ArrayLike<ArrayLike<T> | null | undefined>,
  rows: number,
  cols: number,
  ctx: GridContext,
  /** What a source cell holds before toCell (a SheetJS cell object's value); absent cells are undefined. */
  valueOf?: (cell: T | undefined) => unknown,
): Cell[][] {
  const out: Cell[][] = new Array<Cell[]>(rows);
  for (let r = 0; r < rows; r++) {
    const src = raw[r];
    const line = new Array<Cell>(cols);
    for (let c = 0; c < cols; c++) {
      let cell = toCell(valueOf ? valueOf(src ? src[c] : undefined) : src ? src[c] : null);
      if (typeof cell === 'string' && cell.length > ctx.maxCellChars) {
        const where = cellWhere(ctx.file, ctx.sheet, r, c);
        const params = { sheet: ctx.sheet, row: r + 1, column: columnLetters(c), length: cell.length, max: ctx.maxCellChars };
        ctx.warnings.add(sheetFileProblem('cell-too-long', where, 'cell-too-long', params));
        cell = capText(cell, ctx.maxCellChars);
      }
      line[c] = cell;
    }
    out[r] = line;
  }
  return out;
}

function capText(text: string, max: number): string {
  const code = text.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return text.slice(0, end);
}
