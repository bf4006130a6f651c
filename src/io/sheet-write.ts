/**
 * Builds .xlsx workbooks for export. Every cell gets an explicit type, so nothing a user typed can
 * become a formula: text is always a shared-string cell ('s'), even "=1+1" or "@SUM(A1)", numbers
 * 'n', booleans 'b', and dates real date serials with a yyyy-mm-dd format. Output is byte-for-byte
 * deterministic (no clock: SheetJS writes zero zip timestamps, and no creation date is set).
 *
 * SheetJS community edition writes no cell styles and no frozen panes, so the header row is
 * neither bold nor frozen; column widths (!cols) and the autofilter (!autofilter) it does write.
 */
import { uniqueSheetNames } from './sheet-names';

export interface SheetSpec {
  name: string;
  header: string[];
  rows: (string | number | boolean | Date | null)[][];
  /** characters */
  widths?: number[];
  autofilter?: boolean;
  /** Columns (0-based) whose numbers are date serials (Excel day numbers): they get the date format. */
  dateColumns?: number[];
}

/** A value Excel cannot hold; thrown, because silently cut text would be lost data. */
export class SheetWriteError extends Error {
  override name = 'SheetWriteError';
}

/** Excel's limit for one cell's text. */
export const MAX_CELL_TEXT = 32_767;
const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
const DAY_MS = 86_400_000;
/** Excel's day 0 in the 1900 system, counting its fictitious 1900-02-29 (serial 60). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

type CellObject = import('xlsx').CellObject;
type Value = SheetSpec['rows'][number][number];

/**
 * A Date's UTC fields as an Excel serial (the convention sheet-read uses too); null before
 * 1900-01-01, which the 1900 date system cannot show.
 */
export function dateToExcelSerial(d: Date): number | null {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  const serial = (t - EXCEL_EPOCH_MS) / DAY_MS;
  if (serial < 2) return null;
  // Excel believes 1900 was a leap year: before 1900-03-01 its serials are one lower.
  return serial < 61 ? serial - 1 : serial;
}

function dateCell(d: Date): CellObject | undefined {
  const serial = dateToExcelSerial(d);
  if (serial === null) {
    const iso = Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
    return iso ? { t: 's', v: iso } : undefined;
  }
  return { t: 'n', v: serial, z: serial % 1 === 0 ? DATE_FORMAT : DATE_TIME_FORMAT };
}

/**
 * OOXML writes characters XML cannot hold as _xHHHH_ (SheetJS does that for control characters),
 * so text that literally contains "_x0041_" would come back as "A". Its underscore is escaped
 * (_x005F_), as Excel does.
 */
function escapeOoxmlText(text: string): string {
  return text.includes('_x') ? text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1') : text;
}

type Where = { sheet: string; row: number; col: number };
const describe = (w: Where) => `sheet ${w.sheet}, row ${w.row + 1}, column ${columnLetters(w.col)}`;

function toCellObject(value: Value, at: Where, isDateColumn: boolean): CellObject | undefined {
  const where = () => describe(at);
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') {
    const text = escapeOoxmlText(value);
    if (text.length > MAX_CELL_TEXT) throw new SheetWriteError(`${where()}: ${value.length} characters, Excel holds at most ${MAX_CELL_TEXT} in a cell`);
    return text === '' ? undefined : { t: 's', v: text };
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    return isDateColumn ? { t: 'n', v: value, z: DATE_FORMAT } : { t: 'n', v: value };
  }
  if (typeof value === 'boolean') return { t: 'b', v: value };
  if (value instanceof Date) return dateCell(value);
  throw new SheetWriteError(`${where()}: unsupported value of type ${typeof value}`);
}

function columnLetters(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function buildSheet(spec: SheetSpec, name: string): import('xlsx').WorkSheet {
  const rowCount = spec.rows.length + 1;
  const data: (CellObject | undefined)[][] = new Array(rowCount);
  let width = 0;
  // One place object for the error message of any cell, filled in as the loop goes (no closure per cell).
  const at: Where = { sheet: name, row: 0, col: 0 };
  const dateColumn: boolean[] = [];
  for (const c of spec.dateColumns ?? []) dateColumn[c] = true;
  for (let r = 0; r < rowCount; r++) {
    const row = r === 0 ? spec.header : spec.rows[r - 1]!;
    // The header row is labels: never date-formatted.
    const isDate = r === 0 ? [] : dateColumn;
    width = Math.max(width, row.length);
    const cells: (CellObject | undefined)[] = new Array(row.length);
    at.row = r;
    for (let c = 0; c < row.length; c++) {
      at.col = c;
      cells[c] = toCellObject(row[c]!, at, isDate[c] === true);
    }
    data[r] = cells;
  }
  const ws: import('xlsx').WorkSheet = { '!data': data } as import('xlsx').WorkSheet;
  const last = `${columnLetters(Math.max(width, 1) - 1)}${rowCount}`;
  ws['!ref'] = `A1:${last}`;
  if (spec.widths && spec.widths.length > 0) ws['!cols'] = spec.widths.map((wch) => ({ wch }));
  if (spec.autofilter && width > 0) ws['!autofilter'] = { ref: `A1:${last}` };
  return ws;
}

export async function buildWorkbook(sheets: SheetSpec[], opts: { title?: string } = {}): Promise<Uint8Array> {
  if (sheets.length === 0) throw new SheetWriteError('a workbook needs at least one sheet');
  const XLSX = await import('xlsx');
  const names = uniqueSheetNames(sheets.map((s) => s.name));
  // A null-prototype map: a sheet named "__proto__" is then an ordinary key.
  const wb: import('xlsx').WorkBook = { SheetNames: [], Sheets: Object.create(null) as import('xlsx').WorkBook['Sheets'] };
  sheets.forEach((spec, i) => XLSX.utils.book_append_sheet(wb, buildSheet(spec, names[i]!), names[i]!));
  if (opts.title) wb.Props = { Title: opts.title };
  // 'buffer', not 'array': without Node's Buffer, SheetJS then hands back the zip's bytes as they are
  // built, where 'array' turns them into a binary string and back (about 60 ms for 10,000 risks).
  // Under Node it gives a Buffer, which may sit in a shared pool: copied to a plain array then.
  const out: unknown = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: true });
  return plainBytes(out);
}

function plainBytes(out: unknown): Uint8Array {
  if (out instanceof ArrayBuffer) return new Uint8Array(out);
  if (out instanceof Uint8Array) {
    const whole = out.constructor === Uint8Array && out.byteOffset === 0 && out.byteLength === out.buffer.byteLength && out.buffer instanceof ArrayBuffer;
    return whole ? out : new Uint8Array(out);
  }
  throw new SheetWriteError(`SheetJS returned ${typeof out}, not bytes`);
}
