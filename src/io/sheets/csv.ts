/**
 * CSV as RFC 4180 writes it, read leniently the way spreadsheet programs do. The parser is one
 * forward pass (indexOf and charCodeAt, no backtracking regex), so hostile input costs linear time.
 *
 * Writing guards against CSV injection (OWASP "CSV Injection"): a text cell that a spreadsheet
 * would run as a formula gets a leading apostrophe. Reading our own files back undoes it.
 */

export type CsvCell = string | number | boolean | Date | null;
export type CsvDelimiter = ',' | ';' | '\t';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const APOSTROPHE = "'";
/** What a spreadsheet takes as the start of a formula (OWASP list, plus LF). */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n']);
const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];
/** Records and characters the delimiter guess looks at. */
const SNIFF_RECORDS = 10;
const SNIFF_CHARS = 64 * 1024;

export function toCsv(rows: CsvCell[][], opts: { delimiter?: ',' | ';'; bom?: boolean } = {}): string {
  const delimiter = opts.delimiter ?? ',';
  let out = opts.bom === false ? '' : '\uFEFF';
  for (const row of rows) out += row.map((cell) => csvField(cell, delimiter)).join(delimiter) + '\r\n';
  return out;
}

function csvField(cell: CsvCell, delimiter: string): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return isoDate(cell);
  const text = neutraliseFormula(cell);
  const needsQuotes = text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r');
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Calendar date of a Date read by its UTC fields (the convention of sheet-read and sheet-write). */
export function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$/;

/** Leading apostrophes count: "'=x" must come back as "'=x", so it is written "''=x". */
function quotedTrigger(text: string): boolean {
  let i = 0;
  while (text[i] === APOSTROPHE) i++;
  return i > 0 && TRIGGERS.has(text[i] ?? '');
}

/**
 * Text a spreadsheet would take as a formula gets a leading apostrophe, except one plain number or
 * percentage ("-5", "-5%", "-3.5e2"): it evaluates to itself. Anything else after a leading = + - @
 * tab or CR is guarded, as OWASP advises: "-1+2" or "+1-555-0100" would be evaluated (to 1, to
 * -654), so phone numbers are guarded too. restoreNeutralised() is the exact inverse.
 */
export function neutraliseFormula(text: string): string {
  const first = text[0] ?? '';
  if (TRIGGERS.has(first)) return NUMBER.test(text) ? text : APOSTROPHE + text;
  return quotedTrigger(text) ? APOSTROPHE + text : text;
}

/** On re-import: a leading apostrophe before = + - @ tab CR LF (or before more apostrophes and one of them) goes. */
export function restoreNeutralised(text: string): string {
  return quotedTrigger(text) ? text.slice(1) : text;
}

export interface ParsedCsv {
  rows: string[][];
  delimiter: string;
  /** 1-based record where a quoted field opened and never closed (it then ran to the end of the text). */
  openQuoteRow?: number;
  /** 1-based line of the text where that quote opens (records before it may span several lines). */
  openQuoteLine?: number;
}

/**
 * RFC 4180 with the usual leniency: CRLF, LF or CR line ends, a leading BOM dropped, text after a
 * closing quote kept (`"a"b` → `ab`), an unclosed quote running to the end. A trailing line end
 * adds no empty record. `maxRows` stops the parse early (callers pass their limit plus one).
 */
export function parseCsv(text: string, opts: { delimiter?: CsvDelimiter; maxRows?: number } = {}): ParsedCsv {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = opts.delimiter ?? detectDelimiter(body);
  const { openQuoteAt, ...scanned } = scan(body, delimiter, opts.maxRows ?? Number.POSITIVE_INFINITY);
  return openQuoteAt === undefined ? { ...scanned, delimiter } : { ...scanned, delimiter, openQuoteLine: lineAt(body, openQuoteAt) };
}

/** The 1-based line of position `at`: CRLF, LF and a lone CR each end a line. */
function lineAt(s: string, at: number): number {
  let line = 1;
  for (let k = 0; k < at; k++) {
    const c = s.charCodeAt(k);
    if (c === LF || (c === CR && s.charCodeAt(k + 1) !== LF)) line++;
  }
  return line;
}

function scan(s: string, delimiter: string, maxRows: number): { rows: string[][]; openQuoteRow?: number; openQuoteAt?: number } {
  const n = s.length;
  const d = delimiter.charCodeAt(0);
  const rows: string[][] = [];
  let openQuoteRow: number | undefined;
  let openQuoteAt: number | undefined;
  if (n === 0 || maxRows <= 0) return { rows };
  const fieldEnd = (from: number): number => {
    let k = from;
    while (k < n) {
      const c = s.charCodeAt(k);
      if (c === d || c === LF || c === CR) break;
      k++;
    }
    return k;
  };
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let value: string;
    if (s.charCodeAt(i) === QUOTE) {
      value = '';
      let j = i + 1;
      for (;;) {
        const q = s.indexOf('"', j);
        if (q === -1) {
          value += s.slice(j);
          openQuoteRow ??= rows.length + 1;
          openQuoteAt ??= i;
          i = n;
          break;
        }
        value += s.slice(j, q);
        if (s.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      const k = fieldEnd(i);
      value += s.slice(i, k);
      i = k;
    } else {
      const k = fieldEnd(i);
      value = s.slice(i, k);
      i = k;
    }
    row.push(value);
    if (i >= n) {
      rows.push(row);
      break;
    }
    const c = s.charCodeAt(i);
    if (c === d) {
      i++;
      continue;
    }
    i += c === CR && s.charCodeAt(i + 1) === LF ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n || rows.length >= maxRows) break;
  }
  return openQuoteRow === undefined ? { rows } : { rows, openQuoteRow, openQuoteAt };
}

/**
 * Comma, semicolon (Excel where the decimal sign is a comma) or tab (Excel's "Unicode text"):
 * the candidate that splits the first records into the same number of fields, more than one,
 * in the most records; then the most fields; then the order above.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const sample = text.slice(0, SNIFF_CHARS);
  let best: CsvDelimiter = ',';
  let bestScore = [0, 0];
  for (const cand of CANDIDATES) {
    const { rows } = scan(sample, cand, SNIFF_RECORDS);
    // A sample cut mid-record would count one short: leave the last record out when cut.
    const sampled = sample.length < text.length && rows.length > 1 ? rows.slice(0, -1) : rows;
    const width = sampled[0]?.length ?? 0;
    if (width < 2) continue;
    const score = [sampled.filter((r) => r.length === width).length, width];
    if (score[0]! > bestScore[0]! || (score[0] === bestScore[0] && score[1]! > bestScore[1]!)) {
      best = cand;
      bestScore = score;
    }
  }
  return best;
}
