import { isoDate } from '../sheets/csv';
import type { CellValue } from '../sheets/sheet-cells';

/**
 * Cells of other people's spreadsheets: dates typed every which way, numbers typed as text, lists
 * separated by whatever was to hand. Pure functions, no DOM.
 */

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;
/** Excel's last day, 9999-12-31. */
const MAX_SERIAL = 2_958_465;

/** The text a cell shows: trimmed; numbers as written; a Date as its calendar date. */
export function cellText(cell: CellValue): string {
  if (cell === null) return '';
  if (cell instanceof Date) return dateOf(cell) ?? '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell).trim();
}

/**
 * The text a text field stores: exactly the cell's text, untrimmed (a leading tab, carriage return or
 * space is kept, as the workbook round trip keeps it); numbers as written; a Date as its calendar date.
 * The one normalisation: a cell of only white space counts as empty (convertCell leaves the field empty).
 */
export function cellExactText(cell: CellValue): string {
  return typeof cell === 'string' ? cell : cellText(cell);
}

export function isBlankCell(cell: CellValue): boolean {
  return cellText(cell) === '';
}

/** A number, or text that is only a number ("12", "3.5", "1,200", "45%"). */
export function isNumberLike(cell: CellValue): boolean {
  if (typeof cell === 'number') return true;
  if (typeof cell !== 'string') return false;
  return /^[+-]?(?:\d{1,3}(?:[ ,]\d{3})+|\d+)(?:[.,]\d+)?%?$/.test(cell.normalize('NFKC').trim());
}

/** Text that is not a number, a date or a boolean: what a header cell looks like. */
export function isTextCell(cell: CellValue): boolean {
  return typeof cell === 'string' && cell.trim() !== '' && !isNumberLike(cell);
}

/** A Date read by its UTC fields (sheet-read's convention); a millisecond short of midnight still counts. */
function dateOf(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  return isoDate(new Date(Math.floor((d.getTime() + 1000) / DAY) * DAY));
}

function fromSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL) return null;
  return isoDate(new Date(EXCEL_EPOCH + Math.floor(serial) * DAY));
}

function ymd(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (y < 1000 || dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return isoDate(dt);
}

/**
 * A date cell as YYYY-MM-DD: a Date, an Excel serial number (also typed as text, 5 digits), or text
 * as 2026-03-31, 2026/3/31, 2026.03.31, 2026年3月31日, 31/03/2026, 31.03.2026 or 31-03-2026 (a time
 * after the date is dropped). Day and month in D/M/Y are read the European way unless the second
 * number cannot be a month (03/31/2026 is 31 March).
 */
export function parseDateCell(cell: CellValue): { ok: true; value: string | null } | { ok: false } {
  if (cell === null) return { ok: true, value: null };
  if (cell instanceof Date) {
    const v = dateOf(cell);
    return v ? { ok: true, value: v } : { ok: false };
  }
  if (typeof cell === 'number') {
    const v = fromSerial(cell);
    return v ? { ok: true, value: v } : { ok: false };
  }
  const s = cellText(cell)
    .normalize('NFKC')
    .replace(/[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '')
    .trim();
  if (s === '') return { ok: true, value: null };
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  let v: string | null = null;
  if (m) v = ymd(+m[1]!, +m[2]!, +m[3]!);
  else if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s))) {
    const a = +m[1]!;
    const b = +m[2]!;
    v = b > 12 && a <= 12 ? ymd(+m[3]!, a, b) : ymd(+m[3]!, b, a);
  } else if (/^\d{5}(\.\d+)?$/.test(s)) v = fromSerial(Number(s));
  return v ? { ok: true, value: v } : { ok: false };
}

/** A list cell: "a; b", "a, b", "a、b", one per line. */
export function splitCell(cell: CellValue): string[] {
  return cellText(cell)
    .split(/[;；,，、\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The whole number a cell starts with ("4", "4 - Likely", "4（高）"), or null. */
export function leadingInteger(text: string): number | null {
  const m = /^(\d{1,2})(?:\.0+)?(?![\d.])/.exec(text.normalize('NFKC').trim());
  return m ? Number(m[1]) : null;
}
