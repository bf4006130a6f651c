/**
 * Builds .xlsx workbooks for export. Every cell gets an explicit type, so nothing a user typed can
 * become a formula: text is always a shared-string cell ('s'), even "=1+1" or "@SUM(A1)", numbers
 * 'n', booleans 'b', and dates real date serials with a yyyy-mm-dd format. The header row is bold
 * and frozen, columns have widths and tables an autofilter. Output is byte-for-byte deterministic
 * (no clock anywhere in the package).
 *
 * The package is written here (xlsx-parts.ts, xlsx-sheet.ts) and compressed by the platform
 * (zip-write.ts), not by SheetJS, which still reads every spreadsheet: its community edition writes
 * no styles or frozen panes, and for 10,000 risks it took 550–850 ms and made a 3.4 MB file where
 * this takes a fraction of that and makes about 1.2 MB (docs/benchmarks.md). No library loads for
 * an export.
 */
import { uniqueSheetNames } from './sheet-names';
import { appXml, contentTypes, coreXml, rootRels, STYLE, stylesXml, workbookRels, workbookXml, type SheetPart } from './xlsx-parts';
import { columnLetters } from './sheet-grid';
import { SharedStrings, sheetXmlPieces, type XlsxCell } from './xlsx-sheet';
import { dataValidationsXml, ListSheet, planLists, sheetValidations, type ColumnList, type ListMessage } from './xlsx-validation';
import { localDeflater, ZipBuilder, type Deflater } from '../zip/zip-write';

export interface SheetSpec {
  name: string;
  header: string[];
  rows: (string | number | boolean | Date | null)[][];
  /** characters */
  widths?: number[];
  autofilter?: boolean;
  /** Columns (0-based) whose numbers are date serials (Excel day numbers): they get the date format. */
  dateColumns?: number[];
  /** Drop-down lists: per column (0-based), the values its cells may take (xlsx-validation.ts). */
  lists?: ColumnList[];
  /** Columns (0-based) of long text: their cells wrap (new cells in the column too). */
  wrapColumns?: number[];
}

/** A value Excel cannot hold; thrown, because silently cut text would be lost data. */
export class SheetWriteError extends Error {
  override name = 'SheetWriteError';
}

/** Excel's limit for one cell's text. */
export const MAX_CELL_TEXT = 32_767;
const DAY_MS = 86_400_000;
/** Excel's day 0 in the 1900 system, counting its fictitious 1900-02-29 (serial 60). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

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

function dateCell(d: Date): XlsxCell {
  const serial = dateToExcelSerial(d);
  if (serial === null) {
    const iso = Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
    return iso ? { t: 's', v: iso } : undefined;
  }
  return { t: 'n', v: serial, style: serial % 1 === 0 ? STYLE.date : STYLE.dateTime };
}

/**
 * OOXML writes characters XML cannot hold as _xHHHH_ (xlsx-sheet.ts does so for control characters),
 * so text that literally contains "_x0041_" would come back as "A". The underscore of every such run
 * is escaped (_x005F_), as Excel does: each one, also where two runs share an underscore
 * ("_x0041_x0042_"), and with a capital X too (readers decode either).
 */
const ESCAPE_SHAPED = /_(?=[xX][0-9A-Fa-f]{4}_)/g;
function escapeOoxmlText(text: string): string {
  return text.includes('_') ? text.replace(ESCAPE_SHAPED, '_x005F_') : text;
}

type Where = { sheet: string; row: number; col: number };
const describe = (w: Where) => `sheet ${w.sheet}, row ${w.row + 1}, column ${columnLetters(w.col)}`;

function toCell(value: Value, at: Where, isDateColumn: boolean): XlsxCell {
  const where = () => describe(at);
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') {
    // Excel's limit counts the characters of the text, not of its escaped form.
    if (value.length > MAX_CELL_TEXT) throw new SheetWriteError(`${where()}: ${value.length} characters, Excel holds at most ${MAX_CELL_TEXT} in a cell`);
    return value === '' ? undefined : { t: 's', v: escapeOoxmlText(value) };
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    return isDateColumn ? { t: 'n', v: value, style: STYLE.date } : { t: 'n', v: value };
  }
  if (typeof value === 'boolean') return { t: 'b', v: value };
  if (value instanceof Date) return dateCell(value);
  throw new SheetWriteError(`${where()}: unsupported value of type ${typeof value}`);
}

/** Checks and types every cell of a sheet: thrown errors name the sheet, row and column. */
function typedRows(spec: SheetSpec, name: string): { rows: XlsxCell[][]; width: number } {
  const rowCount = spec.rows.length + 1;
  const rows: XlsxCell[][] = new Array(rowCount);
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
    const cells: XlsxCell[] = new Array(row.length);
    at.row = r;
    for (let c = 0; c < row.length; c++) {
      at.col = c;
      cells[c] = toCell(row[c]!, at, isDate[c] === true);
    }
    rows[r] = cells;
  }
  return { rows, width };
}

export interface BuildOptions {
  title?: string;
  /** The hidden sheet that holds lists too long for a cell's validation (default "Lists"), and what Excel says of a value not on a list. */
  lists?: { sheetName?: string; message?: ListMessage };
  /** Where the compression runs (default: this thread); see deflate-remote.ts. */
  deflater?: Deflater;
}

export async function buildWorkbook(specs: SheetSpec[], opts: BuildOptions = {}): Promise<Uint8Array> {
  if (specs.length === 0) throw new SheetWriteError('a workbook needs at least one sheet');
  // Lists a validation cannot hold inline go to a hidden sheet, added last (xlsx-validation.ts).
  const listSheet = new ListSheet();
  for (const spec of specs) if (spec.lists) planLists(spec.lists, listSheet, (l) => spec.header[l.column] ?? '');
  const sheets: (SheetSpec & { hidden?: boolean })[] =
    listSheet.size > 0 ? [...specs, { name: opts.lists?.sheetName ?? 'Lists', ...listSheet.grid(), hidden: true }] : specs;
  const names = uniqueSheetNames(sheets.map((s) => s.name));
  const listSheetName = names[specs.length] ?? '';
  // Every cell is checked before anything is compressed: a refused value costs no work elsewhere.
  const typed = sheets.map((spec, i) => typedRows(spec, names[i]!));
  const zip = new ZipBuilder(opts.deflater);
  const parts: SheetPart[] = sheets.map((spec, i) => {
    const width = typed[i]!.width;
    return {
      name: names[i]!,
      ...(spec.hidden ? { hidden: true } : {}),
      ...(spec.autofilter && width > 0 ? { autofilter: `A1:${columnLetters(width - 1)}${spec.rows.length + 1}` } : {}),
    };
  });
  zip.add('[Content_Types].xml', contentTypes(sheets.length));
  zip.add('_rels/.rels', rootRels());
  zip.add('docProps/core.xml', coreXml(opts.title));
  zip.add('docProps/app.xml', appXml());
  zip.add('xl/workbook.xml', workbookXml(parts));
  zip.add('xl/_rels/workbook.xml.rels', workbookRels(sheets.length));
  zip.add('xl/styles.xml', stylesXml());
  const strings = new SharedStrings();
  const encoder = new TextEncoder();
  sheets.forEach((spec, i) => {
    const entry = zip.entry(`xl/worksheets/sheet${i + 1}.xml`);
    const part = parts[i]!;
    const columnStyles: number[] = [];
    for (const c of spec.wrapColumns ?? []) columnStyles[c] = STYLE.wrap;
    const validations = spec.lists ? dataValidationsXml(sheetValidations(spec.lists, spec.rows.length, listSheet, listSheetName), opts.lists?.message) : '';
    const input = {
      rows: typed[i]!.rows,
      width: typed[i]!.width,
      headerRow: true,
      ...(spec.widths ? { widths: spec.widths } : {}),
      ...(part.autofilter ? { autofilter: part.autofilter } : {}),
      ...(columnStyles.length > 0 ? { columnStyles } : {}),
      ...(validations ? { dataValidations: validations } : {}),
    };
    for (const piece of sheetXmlPieces(input, strings)) entry.write(encoder.encode(piece));
    entry.end();
  });
  // The shared strings (a fifth of the bytes for a register of 10,000 risks) are known last; with the
  // sheets compressed in another thread, they are compressed in this one meanwhile.
  zip.add('xl/sharedStrings.xml', strings.xml(), localDeflater);
  return zip.finish();
}
