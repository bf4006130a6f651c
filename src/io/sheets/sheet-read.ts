/**
 * Reads a spreadsheet a user brings in (.xlsx, .xlsm, .xlsb, .ods, .xls, .csv, .tsv) into plain
 * rows of string / number / boolean / Date / null. Untrusted input throughout:
 * - the size is checked before anything is parsed; the container is sniffed from its bytes;
 * - zip containers pass our own zip reader (bomb and damage checks), and SheetJS gets the checked
 *   entries (sheet-container.ts), never the zip;
 * - SheetJS reads cached values only (no formulas, no HTML), dense, at most maxRows + 1 rows;
 * - each sheet is cut to the cells actually used, so a declared range of A1:XFD1048576 costs
 *   nothing, then to the limits; rows are converted as arrays, never objects keyed by header text.
 * Blank cells and empty text are null; every row of a sheet has the same length; text is not
 * trimmed. Dates are calendar/clock values read by their UTC fields (getUTCFullYear…), whatever the
 * time zone of the machine.
 */
import { detectDelimiter, parseCsv, restoreNeutralised } from './csv';
import type { IoProblem } from '../problems';
import type { SheetProblemCode } from '../../domain/sheet-problem-codes';
import { sheetFileProblem } from './sheet-problem-text';
import { fromSheetJsError, inspectCfb, prepareZip, type CheckedEntry } from './sheet-container';
import { toGrid, usedExtent, WarningList, type Cell } from './sheet-grid';
import { extensionOf, isTextExtension, looksLikeMarkup, sniffContainer } from './sheet-sniff';
import { decodeText, type TextEncodingName } from '../text-decode';

export type { Cell } from './sheet-grid';

export interface SheetLimits {
  maxBytes: number;
  maxRows: number;
  maxCols: number;
  maxCellChars: number;
  maxSheets: number;
}

export const DEFAULT_SHEET_LIMITS: SheetLimits = { maxBytes: 50 * 1024 * 1024, maxRows: 100_000, maxCols: 200, maxCellChars: 32_767, maxSheets: 50 };

export interface ReadSheet {
  name: string;
  rows: Cell[][];
  /** true when rows or columns beyond the limits were cut */
  clipped: boolean;
}

export type ReadWorkbookResult = { ok: true; sheets: ReadSheet[]; warnings: IoProblem[] } | { ok: false; problems: IoProblem[] };

export interface ReadWorkbookOptions {
  /** The user's answer after a 'csv-encoding-guessed' warning. */
  csvEncoding?: TextEncodingName;
  /**
   * Awaited (its failure ignored) just before SheetJS parses, which holds the thread for a while:
   * work that needs a turn of the event loop to get going, such as opening a database for a read
   * started along with this one, then does so while the zip is checked rather than after the parse.
   */
  beforeParse?: Promise<unknown>;
}

export async function readWorkbook(
  bytes: Uint8Array,
  fileName: string,
  limits: Partial<SheetLimits> = {},
  opts: ReadWorkbookOptions = {},
): Promise<ReadWorkbookResult> {
  const lim: SheetLimits = { ...DEFAULT_SHEET_LIMITS, ...limits };
  const fail = (code: string, key: SheetProblemCode, params?: Record<string, string | number>): ReadWorkbookResult => ({
    ok: false,
    problems: [sheetFileProblem(code, { file: fileName }, key, params)],
  });
  if (bytes.length > lim.maxBytes) return fail('file-too-large', 'file-too-large', { size: bytes.length, limit: lim.maxBytes });

  const container = sniffContainer(bytes);
  if (container === 'binary') return fail('sheet-unreadable', 'binary');
  // .xlsx and .ods are always zip files: text under those names is a renamed file, not a CSV.
  // (Old web apps do save CSV as .xls, so .xls text is still read as CSV.)
  if (container === 'text' && ['xlsx', 'xlsm', 'xlsb', 'ods'].includes(extensionOf(fileName))) {
    return fail('sheet-unreadable', 'text-named-as-workbook', { ext: extensionOf(fileName) });
  }
  if (container === 'text') return readCsv(bytes, fileName, lim, opts);
  // SheetJS loads while the zip is checked (its fetch and the inflating overlap).
  const loading = import('xlsx');
  loading.catch(() => undefined);
  let entries: CheckedEntry[] | null = null;
  if (container === 'zip') {
    // The most cells a read may return; an ODS that would expand to more is refused.
    const prepared = await prepareZip(bytes, fileName, (lim.maxRows + 1) * (lim.maxCols + 1));
    if (!prepared.ok) return { ok: false, problems: prepared.problems };
    entries = prepared.entries;
  }
  const XLSX = await loading;
  if (opts.beforeParse) await opts.beforeParse.catch(() => undefined);
  if (container === 'cfb') {
    const kind = inspectCfb(XLSX, bytes);
    if (kind === 'corrupt') return fail('sheet-corrupt', 'cfb-corrupt');
    if (kind === 'encrypted') return fail('sheet-password-protected', 'password');
  }
  return readWithSheetJs(XLSX, entries ?? bytes, fileName, lim);
}

/**
 * SheetJS's read of a zip (XLSX.read → its parse_zip) on a container holding the checked entries as
 * its own zip code would hold them: the names as that code reads them (each byte of the stored
 * UTF-8 name a character), the bytes as they are (it would copy them out of a zip first). What
 * XLSX.read does before parse_zip besides resets the code page, which only tables we never load
 * read, and the date format option, which we never set.
 */
function parseEntries(XLSX: typeof import('xlsx'), entries: readonly CheckedEntry[], opts: import('xlsx').ParsingOptions): import('xlsx').WorkBook {
  const cfb: unknown = XLSX.CFB.utils.cfb_new();
  const encoder = new TextEncoder();
  for (const e of entries) {
    let name = '';
    for (const b of encoder.encode(e.name)) name += String.fromCharCode(b);
    XLSX.CFB.utils.cfb_add(cfb, name, e.data, { unsafe: true });
  }
  return (XLSX as unknown as { parse_zip(zip: unknown, opts: import('xlsx').ParsingOptions): import('xlsx').WorkBook }).parse_zip(cfb, opts);
}

function readWithSheetJs(XLSX: typeof import('xlsx'), input: Uint8Array | readonly CheckedEntry[], fileName: string, lim: SheetLimits): ReadWorkbookResult {
  let wb: import('xlsx').WorkBook;
  try {
    const opts: import('xlsx').ParsingOptions = {
      type: 'array',
      dense: true,
      cellFormula: false,
      cellHTML: false,
      cellText: false,
      cellDates: true,
      sheetRows: lim.maxRows + 1,
      WTF: false,
      // Only xlsx honours it; for the other formats the extra sheets are parsed, then ignored.
      sheets: Array.from({ length: lim.maxSheets }, (_, i) => i),
    };
    wb = input instanceof Uint8Array ? XLSX.read(input, opts) : parseEntries(XLSX, input, opts);
  } catch (e) {
    return { ok: false, problems: [fromSheetJsError(e, fileName)] };
  }
  const warnings = new WarningList(fileName);
  const names = wb.SheetNames.slice(0, lim.maxSheets);
  if (wb.SheetNames.length > lim.maxSheets) {
    warnings.add(sheetFileProblem('too-many-sheets', { file: fileName }, 'too-many-sheets', { count: wb.SheetNames.length, max: lim.maxSheets }));
  }
  const valueOf = (cell: CellObject | undefined) => jsonValue(XLSX, cell);
  const sheets = names.map((name): ReadSheet => {
    const ws = sheetByName(wb, name);
    const dense = ws ? (ws as { '!data'?: (CellObject | undefined)[][] })['!data'] : undefined;
    const data = dense ?? (ws ? denseData(XLSX, ws) : []);
    const used = usedExtent(data, (cell) => isValueCell(cell));
    const extent = clip(used, lim, fileName, name, warnings);
    const ctx = { file: fileName, sheet: name, maxCellChars: lim.maxCellChars, warnings };
    if (!ws || extent.rows === 0 || extent.cols === 0) return { name, rows: toGrid([], extent.rows, extent.cols, ctx), clipped: extent.clipped };
    // Rows as arrays, never objects keyed by header text: no "__proto__" key can reach anything. A
    // dense sheet's cells are read in one pass, each as sheet_to_json would give it (jsonValue),
    // instead of SheetJS's rows and then a copy of them (which read nothing of a sheet without a range).
    if (dense)
      return { name, rows: toGrid<CellObject | undefined>(ws['!ref'] == null ? [] : dense, extent.rows, extent.cols, ctx, valueOf), clipped: extent.clipped };
    // A parser that ignored `dense` keeps its A1 keys: SheetJS reads the cells by them.
    const range = { s: { r: 0, c: 0 }, e: { r: extent.rows - 1, c: extent.cols - 1 } };
    const raw = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, blankrows: true, defval: null, UTC: true, range });
    return { name, rows: toGrid(raw, extent.rows, extent.cols, ctx), clipped: extent.clipped };
  });
  return { ok: true, sheets, warnings: warnings.items };
}

type CellObject = import('xlsx').CellObject;

/**
 * SheetJS keeps sheets in a plain object keyed by name, so a sheet named "__proto__" becomes that
 * object's prototype (nothing global changes) and "constructor" would find Object without an own
 * property. Own properties only, and the prototype only for that one name.
 */
function sheetByName(wb: import('xlsx').WorkBook, name: string): import('xlsx').WorkSheet | undefined {
  if (Object.hasOwn(wb.Sheets, name)) return wb.Sheets[name];
  const proto: unknown = Object.getPrototypeOf(wb.Sheets);
  return name === '__proto__' && proto !== Object.prototype && proto !== null ? (proto as import('xlsx').WorkSheet) : undefined;
}

/** The sheet's cells as rows of cells: dense mode's `!data`, or built from A1 keys should a parser ignore `dense`. */
function denseData(XLSX: typeof import('xlsx'), ws: import('xlsx').WorkSheet): (CellObject | undefined)[][] {
  const dense = (ws as { '!data'?: (CellObject | undefined)[][] })['!data'];
  if (dense) return dense;
  const data: (CellObject | undefined)[][] = [];
  for (const key of Object.keys(ws)) {
    if (key.startsWith('!')) continue;
    const { r, c } = XLSX.utils.decode_cell(key);
    (data[r] ??= [])[c] = ws[key] as CellObject;
  }
  return data;
}

/**
 * A cell's value as `sheet_to_json(ws, { header: 1, raw: true, defval: null, UTC: true })` gives it
 * (SheetJS's make_json_row): errors and stubs are null; a number whose format is a date becomes
 * that date (SheetJS's numdate: day 60, the 1900 leap day that never was, stays a number); dates
 * stay as read (UTC: no shift to local time); anything else is its value. An unknown type throws,
 * as there.
 */
export function jsonValue(XLSX: Pick<typeof import('xlsx'), 'SSF'>, cell: CellObject | undefined): unknown {
  if (cell == null || cell.t === undefined) return null;
  const v: unknown = cell.v;
  switch (cell.t) {
    case 'z':
    case 'e':
      return null;
    case 's':
    case 'b':
    case 'd':
      return v;
    case 'n':
      return cell.z && (XLSX.SSF as { is_date(fmt: unknown): boolean }).is_date(cell.z) ? numdate(v as number) : v;
    default:
      throw new Error(`unrecognized type ${String((cell as { t: unknown }).t)}`);
  }
}

/** SheetJS's serial day number to a Date (its numdate, 1900 date system). */
const DAY_ZERO = Date.UTC(1899, 11, 30, 0, 0, 0);
function numdate(v: number): Date | number {
  if (v >= 60 && v < 61) return v;
  const out = new Date();
  out.setTime((v > 60 ? v : v + 1) * 24 * 60 * 60 * 1000 + DAY_ZERO);
  return out;
}

/** A cell that holds a value (errors, stubs and empty text do not: they read as null). */
function isValueCell(cell: CellObject | undefined): boolean {
  return cell != null && typeof cell === 'object' && cell.t !== 'z' && cell.t !== 'e' && cell.v != null && cell.v !== '';
}

function clip(
  used: { rows: number; cols: number },
  lim: SheetLimits,
  file: string,
  sheet: string,
  warnings: WarningList,
): { rows: number; cols: number; clipped: boolean } {
  const rows = Math.min(used.rows, lim.maxRows);
  const cols = Math.min(used.cols, lim.maxCols);
  if (used.rows > lim.maxRows) warnings.add(sheetFileProblem('sheet-clipped', { file, record: sheet }, 'clipped-rows', { sheet, max: lim.maxRows }));
  if (used.cols > lim.maxCols)
    warnings.add(sheetFileProblem('sheet-clipped', { file, record: sheet }, 'clipped-columns', { sheet, count: used.cols, max: lim.maxCols }));
  return { rows, cols, clipped: used.rows > lim.maxRows || used.cols > lim.maxCols };
}

function readCsv(bytes: Uint8Array, fileName: string, lim: SheetLimits, opts: ReadWorkbookOptions): ReadWorkbookResult {
  const decoded = decodeText(bytes, opts.csvEncoding);
  if (!isTextExtension(fileName) && looksLikeMarkup(decoded.text)) {
    return { ok: false, problems: [sheetFileProblem('sheet-unreadable', { file: fileName }, 'markup')] };
  }
  const warnings = new WarningList(fileName);
  if (!decoded.confident) {
    warnings.add(sheetFileProblem('csv-encoding-guessed', { file: fileName }, 'encoding-guessed'));
  }
  const ext = extensionOf(fileName);
  const delimiter = ext === 'tsv' || ext === 'tab' ? '\t' : detectDelimiter(decoded.text);
  const parsed = parseCsv(decoded.text, { delimiter, maxRows: lim.maxRows + 1 });
  const name = sheetNameOf(fileName);
  if (parsed.openQuoteRow !== undefined) {
    const row = parsed.openQuoteRow;
    const line = parsed.openQuoteLine ?? row;
    warnings.add(sheetFileProblem('csv-unclosed-quote', { file: fileName, record: name }, 'unclosed-quote', { row, line }, row));
  }
  // Our own CSV export puts an apostrophe before formula-like text; take it off again.
  const raw = parsed.rows.map((r) => r.map(restoreNeutralised));
  const extent = clip(
    usedExtent(raw, (v) => v !== ''),
    lim,
    fileName,
    name,
    warnings,
  );
  const rows = toGrid(raw, extent.rows, extent.cols, { file: fileName, sheet: name, maxCellChars: lim.maxCellChars, warnings });
  return { ok: true, sheets: [{ name, rows, clipped: extent.clipped }], warnings: warnings.items };
}

/** "exports/Risks 2024.csv" → "Risks 2024". */
function sheetNameOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base) || 'Sheet1';
}
