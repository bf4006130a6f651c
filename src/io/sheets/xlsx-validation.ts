/**
 * Drop-down lists for choice and rating columns (SpreadsheetML data validation of type list), so a
 * person editing an exported workbook in Excel or LibreOffice picks a value the import accepts.
 *
 * A list is written inline (`"Open,Closed"`) when it can be: Excel separates an inline list at every
 * comma and holds at most 255 characters of it, and a quote inside one is not reliably read back.
 * Any other list (a long one, or one whose labels have a comma or a quote) goes to a column of a
 * hidden sheet, and the validation refers to that range. One validation per column, never per cell,
 * over the data rows and enough blank rows below them for new records.
 */
import { columnLetters } from './sheet-grid';
import { escapeXml, sheetRef } from './xlsx-parts';

/** Excel's limit for an inline list, separators included. */
export const INLINE_LIST_MAX = 255;
/** Validations reach at least this row, and this many rows past the data, so added rows get them too. */
export const LIST_MIN_LAST_ROW = 1000;
export const LIST_ROWS_BELOW = 500;

export interface ColumnList {
  /** 0-based column of the sheet. */
  column: number;
  /** The values a cell may take, as the export writes them. */
  values: readonly string[];
  /** What the hidden sheet heads the list's column with (the header of the first column that uses it). */
  label?: string;
}

/** Whether a list can be written inline: no separator or quote in a label, and short enough. */
export function fitsInline(values: readonly string[]): boolean {
  if (values.some((v) => v.includes(',') || v.includes('"'))) return false;
  return values.join(',').length <= INLINE_LIST_MAX;
}

/** The hidden sheet's columns: one per distinct list that cannot be inline, with its header and values. */
export class ListSheet {
  readonly #columns = new Map<string, { index: number; label: string; values: readonly string[] }>();

  /** The 0-based column holding `values` (added on first use). */
  columnOf(values: readonly string[], label: string): number {
    const key = values.join('\u0000');
    let hit = this.#columns.get(key);
    if (!hit) this.#columns.set(key, (hit = { index: this.#columns.size, label, values }));
    return hit.index;
  }

  get size(): number {
    return this.#columns.size;
  }

  /** The sheet's header (each list's label) and rows (the values, one list per column). */
  grid(): { header: string[]; rows: (string | null)[][] } {
    const lists = [...this.#columns.values()];
    const height = Math.max(0, ...lists.map((l) => l.values.length));
    const rows = Array.from({ length: height }, (_, r) => lists.map((l) => l.values[r] ?? null));
    return { header: lists.map((l) => l.label), rows };
  }

  /** The absolute range of a list's values on the sheet named `sheetName` (row 1 is its header). */
  range(sheetName: string, values: readonly string[]): string {
    const letter = columnLetters(this.columnOf(values, ''));
    return `${sheetRef(sheetName)}!$${letter}$2:$${letter}$${values.length + 1}`;
  }
}

/** A validation as the sheet XML writes it: the ranges it covers and its formula. */
export interface SheetValidation {
  sqref: string;
  formula: string;
}

/**
 * A sheet's validations, one per distinct list (columns sharing a list share one element, their
 * ranges joined). Lists that cannot be inline must already be in `listSheet` (see `planLists`).
 */
export function sheetValidations(lists: readonly ColumnList[], dataRows: number, listSheet: ListSheet, listSheetName: string): SheetValidation[] {
  const last = Math.max(LIST_MIN_LAST_ROW, dataRows + 1 + LIST_ROWS_BELOW);
  const byFormula = new Map<string, string[]>();
  for (const l of lists) {
    if (l.values.length === 0) continue;
    const formula = fitsInline(l.values) ? `"${l.values.join(',')}"` : listSheet.range(listSheetName, l.values);
    const letter = columnLetters(l.column);
    const ranges = byFormula.get(formula);
    if (ranges) ranges.push(`${letter}2:${letter}${last}`);
    else byFormula.set(formula, [`${letter}2:${letter}${last}`]);
  }
  return [...byFormula].map(([formula, ranges]) => ({ sqref: ranges.join(' '), formula }));
}

/** Puts every list that cannot be inline on the hidden sheet, so its size is known before any sheet is written. */
export function planLists(lists: readonly ColumnList[], listSheet: ListSheet, fallbackLabel: (l: ColumnList) => string): void {
  for (const l of lists) if (l.values.length > 0 && !fitsInline(l.values)) listSheet.columnOf(l.values, l.label ?? fallbackLabel(l));
}

/** What Excel says when a typed value is not on the list (title at most 32 characters, text 255). */
export interface ListMessage {
  title: string;
  text: string;
}

/** The `<dataValidations>` element ('' when there are none). */
export function dataValidationsXml(validations: readonly SheetValidation[], message?: ListMessage): string {
  if (validations.length === 0) return '';
  const error = message ? ` errorTitle="${escapeXml(message.title.slice(0, 32))}" error="${escapeXml(message.text.slice(0, 255))}"` : '';
  const items = validations.map(
    (v) =>
      `<dataValidation type="list" allowBlank="1" showErrorMessage="1"${error} sqref="${v.sqref}"><formula1>${escapeXml(v.formula)}</formula1></dataValidation>`,
  );
  return `<dataValidations count="${validations.length}">${items.join('')}</dataValidations>`;
}
