/**
 * One worksheet's XML and the workbook's shared strings, written straight from typed cells: one
 * string per row, no cell objects. Text is always a shared-string cell (t="s"), so nothing a user
 * typed can become a formula; there is no <f> element anywhere.
 */
import { columnLetters } from './sheet-grid';
import { escapeXml, NS_MAIN, NS_REL, STYLE, XML_DECL } from './xlsx-parts';

/** A cell as the writer takes it: already typed and checked by sheet-write.ts. */
export type XlsxCell = undefined | { t: 's'; v: string } | { t: 'n'; v: number; style?: number } | { t: 'b'; v: boolean };

/** Every distinct text once, numbered in order of first use. */
export class SharedStrings {
  readonly #index = new Map<string, number>();
  readonly #list: string[] = [];
  #count = 0;

  indexOf(text: string): number {
    this.#count++;
    let i = this.#index.get(text);
    if (i === undefined) {
      i = this.#list.length;
      this.#index.set(text, i);
      this.#list.push(text);
    }
    return i;
  }

  xml(): string {
    const parts: string[] = new Array(this.#list.length);
    for (let i = 0; i < this.#list.length; i++) parts[i] = siXml(this.#list[i]!);
    return `${XML_DECL}<sst xmlns="${NS_MAIN}" count="${this.#count}" uniqueCount="${this.#list.length}">${parts.join('')}</sst>`;
  }
}

// Characters XML 1.0 cannot hold, written as OOXML's _xHHHH_ (readers turn them back).
// eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern finds
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern finds
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const EDGE_SPACE = /^\s|\s$|[\t\n\r]/;

function siXml(text: string): string {
  let body = text;
  if (NEEDS_WORK.test(body)) body = escapeXml(body.replace(NOT_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`));
  return EDGE_SPACE.test(text) ? `<si><t xml:space="preserve">${body}</t></si>` : `<si><t>${body}</t></si>`;
}

/** SheetJS's width for a column of `wch` characters (maximum digit width 6 px), so it reads `wch` back. */
function columnWidth(wch: number): number {
  return Math.round(((wch * 6 + 5) / 6) * 256) / 256;
}

export interface SheetXmlInput {
  rows: readonly (readonly XlsxCell[])[];
  width: number;
  widths?: readonly number[];
  autofilter?: string;
  /** Bold and frozen first row. */
  headerRow: boolean;
  /** Per column (0-based): the style of its text cells below the header and of new cells (wrapped long text). */
  columnStyles?: readonly (number | undefined)[];
  /** The sheet's `<dataValidations>` element (xlsx-validation.ts). */
  dataValidations?: string;
}

/** Rows per piece of XML: about 0.5–1 MB of text for a register sheet. */
const ROWS_PER_PIECE = 1000;

/**
 * The worksheet XML in pieces (dimension, frozen header, widths, the cells a thousand rows at a
 * time, the autofilter), so each piece can be encoded and compressed while the next one is made.
 */
export function* sheetXmlPieces(input: SheetXmlInput, strings: SharedStrings): Generator<string> {
  const { rows, width } = input;
  const letters: string[] = new Array(Math.max(width, 1));
  for (let c = 0; c < letters.length; c++) letters[c] = columnLetters(c);
  const last = `${letters[letters.length - 1]}${Math.max(rows.length, 1)}`;
  let head = `${XML_DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><dimension ref="A1:${last}"/>`;
  head +=
    input.headerRow && rows.length > 0
      ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  head += '<sheetFormatPr defaultRowHeight="15"/>';
  const styles = input.columnStyles ?? [];
  if (input.widths && input.widths.length > 0)
    head += `<cols>${input.widths.map((wch, i) => `<col min="${i + 1}" max="${i + 1}" width="${columnWidth(wch)}"${styles[i] ? ` style="${styles[i]}"` : ''} customWidth="1"/>`).join('')}</cols>`;
  yield `${head}<sheetData>`;
  let piece: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const n = String(r + 1);
    const bold = r === 0 && input.headerRow;
    let xml = `<row r="${n}">`;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell === undefined) continue;
      const ref = letters[c]! + n;
      if (cell.t === 's') {
        const style = bold ? STYLE.header : r > 0 ? styles[c] : undefined;
        xml += `<c r="${ref}"${style ? ` s="${style}"` : ''} t="s"><v>${strings.indexOf(cell.v)}</v></c>`;
      } else if (cell.t === 'n') xml += `<c r="${ref}"${cell.style ? ` s="${cell.style}"` : ''}><v>${Object.is(cell.v, -0) ? 0 : cell.v}</v></c>`;
      else xml += `<c r="${ref}" t="b"><v>${cell.v ? 1 : 0}</v></c>`;
    }
    piece.push(`${xml}</row>`);
    if (piece.length === ROWS_PER_PIECE) {
      yield piece.join('');
      piece = [];
    }
  }
  // Schema order: autoFilter, then dataValidations, then pageMargins.
  yield `${piece.join('')}</sheetData>${input.autofilter ? `<autoFilter ref="${input.autofilter}"/>` : ''}${input.dataValidations ?? ''}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}
