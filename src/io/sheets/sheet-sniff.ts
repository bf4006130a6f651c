/**
 * What kind of file a user's "spreadsheet" is, from its first bytes rather than its name: people
 * rename files, and web apps save CSV or HTML as .xls. Only zip (xlsx, xlsm, xlsb, ods) and OLE
 * compound files (xls, and password-protected xlsx) go to SheetJS; text goes to our CSV parser;
 * everything else is refused, so SheetJS's guessers (SYLK, DBF, Lotus, HTML, plain-text PRN) never
 * get to turn arbitrary bytes into a sheet.
 */
import { bomOf } from '../text-decode';

export type SheetContainer = 'zip' | 'cfb' | 'text' | 'binary';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SNIFF_BYTES = 64 * 1024;
const TEXT_EXTENSIONS = new Set(['csv', 'tsv', 'txt', 'tab']);

export function sniffContainer(bytes: Uint8Array): SheetContainer {
  // PK\3\4 a local header; PK\5\6 the end record of an empty archive.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))) return 'zip';
  if (bytes.length >= 8 && CFB_MAGIC.every((b, i) => bytes[i] === b)) return 'cfb';
  return looksLikeText(bytes) ? 'text' : 'binary';
}

/**
 * Text: a BOM, or NUL bytes in a UTF-16 pattern, or no control bytes other than tab, LF, FF, CR
 * and ESC in the first 64 KB. Images, archives and random bytes all fail the last test quickly.
 */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bomOf(bytes)) return true;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let evenNul = 0;
  let oddNul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    } else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  if (control > 0) return false;
  // UTF-16 without a BOM: NULs only in one half (decodeText makes the final call).
  if (evenNul + oddNul > 0) return (evenNul === 0 || oddNul === 0) && evenNul + oddNul >= n / 8;
  return true;
}

/** The lower-case extension of a file name, or ''. */
export function extensionOf(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function isTextExtension(fileName: string): boolean {
  return TEXT_EXTENSIONS.has(extensionOf(fileName));
}

/** HTML or XML ("Excel 2003 XML", web apps' .xls): markup, which only a .csv name lets through as text. */
export function looksLikeMarkup(text: string): boolean {
  const start = text.trimStart();
  return start.startsWith('<');
}
