/**
 * Checks on a spreadsheet's container before SheetJS sees it. SheetJS inflates zip entries with its
 * own code, without caps, so a small xlsx can expand to gigabytes in memory. Our zip reader judges
 * the central directory (sizes, ratio, names, overlaps) and inflates every entry with caps first;
 * SheetJS then gets those entries, never the zip (sheet-read.ts).
 */
import { problemOf } from '../../domain/problem';
import type { IoProblem } from '../problems';
import { odsCellEstimate } from './sheet-ods-guard';
import { exactOdsText } from './sheet-ods-text';
import type { SheetProblemCode } from '../../domain/sheet-problem-codes';
import { sheetFileProblem } from './sheet-problem-text';
import { openZip, ZipReadError, type ZipLimits } from '../zip/zip-reader';

/**
 * Tighter than for bundles: a spreadsheet of 100,000 rows × 200 columns is far below 500 MB of XML,
 * and honest sheet XML rarely compresses past 100 to 1 (the ratio only counts above 1 MB).
 */
// A workbook's XML compresses far better than a bundle's files: its whole-archive ratio is judged like one entry's.
export const SHEET_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 500 * 1024 ** 2,
  maxEntries: 10_000,
  maxEntryBytes: 500 * 1024 ** 2,
  maxRatio: 200,
  maxArchiveRatio: 200,
};

/** Zip problems that say "too big": passed on with the zip reader's own codes. */
const SIZE_CODES = new Set(['too-large', 'entry-too-large', 'ratio-too-high', 'too-many-entries']);

/**
 * A zip problem as a spreadsheet problem: size limits keep their code, damage becomes 'sheet-corrupt';
 * both keep the zip reader's reason and facts, so the message says what it found.
 */
function fromZipProblem(p: IoProblem, fileName: string): IoProblem {
  return problemOf(SIZE_CODES.has(p.code) ? p.code : 'sheet-corrupt', p.params, { file: fileName });
}

/** A checked entry: its name as the zip's directory gives it, and its bytes as SheetJS is to read them. */
export interface CheckedEntry {
  name: string;
  data: Uint8Array;
}

export type PreparedZip = { ok: true; entries: CheckedEntry[] } | { ok: false; problems: IoProblem[] };

/**
 * The zip checked for SheetJS: the directory judged, every entry inflated once with caps (so it
 * holds exactly its declared size), only OOXML and ODS let through, an ODS refused when its repeat
 * attributes would expand past `maxCells`; the entries in the directory's order, for SheetJS to
 * read without its own zip code (which looks for the end record from the back, where a fake one in
 * the archive comment would win, and trusts local headers: the original bytes could show it a
 * different archive than the one we checked) and without inflating or copying anything.
 */
export async function prepareZip(bytes: Uint8Array, fileName: string, maxCells: number, limits: ZipLimits = SHEET_ZIP_LIMITS): Promise<PreparedZip> {
  const opened = await openZip(bytes, fileName, limits);
  if (!opened.ok) return { ok: false, problems: opened.problems.map((p) => fromZipProblem(p, fileName)) };
  const zip = opened.zip;
  const refuse = (code: string, key: SheetProblemCode, params?: Record<string, number>): PreparedZip => ({
    ok: false,
    problems: [sheetFileProblem(code, { file: fileName }, key, params)],
  });
  // SheetJS's own tests, which ignore case: an ODS manifest, or OOXML's content types; nothing
  // else (Apple Numbers' Snappy streams and a nested Index.zip would be inflated past our checks).
  const names = new Set(zip.entries.map((e) => e.name.toLowerCase()));
  const known = ['meta-inf/manifest.xml', 'objectdata.xml', '[content_types].xml'].some((n) => names.has(n));
  if (!known) return refuse('sheet-unreadable', 'not-workbook-zip');

  // Each entry as SheetJS will get it: an ODS's content.xml and styles.xml rewritten (sheet-ods-text.ts), the rest as is.
  const parts: CheckedEntry[] = [];
  const ods = names.has('content.xml');
  try {
    for (const entry of zip.entries) {
      const data = await zip.read(entry.name);
      const lower = entry.name.toLowerCase();
      let xml: string | null = null;
      if (lower === 'content.xml') {
        xml = strictUtf8(data);
        if (xml === null) return refuse('sheet-corrupt', 'content-not-utf8');
        if (odsCellEstimate(xml, maxCells) > maxCells) return refuse('sheet-too-many-cells', 'repeated-cells', { max: maxCells });
      }
      const exact = ods && (lower === 'content.xml' || lower === 'styles.xml') ? rewritten(xml ?? strictUtf8(data)) : null;
      parts.push({ name: entry.name, data: exact ?? data });
    }
  } catch (e) {
    if (e instanceof ZipReadError) return { ok: false, problems: [fromZipProblem(e.problem, fileName)] };
    throw e;
  }
  return { ok: true, entries: parts };
}

/** Fatal: SheetJS's lenient UTF-8 reader would turn overlong forms such as C0 BC into "<". */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** An ODS part with its cell text made exact for SheetJS (sheet-ods-text.ts); null when it is left as it is. */
function rewritten(xml: string | null): Uint8Array | null {
  if (xml === null) return null;
  const exact = exactOdsText(xml);
  return exact === xml ? null : new TextEncoder().encode(exact);
}

function strictUtf8(data: Uint8Array): string | null {
  try {
    return utf8.decode(data);
  } catch {
    return null;
  }
}

type Xlsx = typeof import('xlsx');

/**
 * An OLE compound file: "encrypted" when it holds the streams of ECMA-376 encryption (what Excel
 * writes for "Encrypt with password"), "corrupt" when it cannot be parsed as one at all.
 */
export function inspectCfb(XLSX: Xlsx, bytes: Uint8Array): 'encrypted' | 'corrupt' | 'plain' {
  let cfb: unknown;
  try {
    cfb = XLSX.CFB.read(bytes, { type: 'array' });
  } catch {
    return 'corrupt';
  }
  const find = (name: string): unknown => XLSX.CFB.find(cfb, name);
  return find('/EncryptionInfo') || find('/EncryptedPackage') ? 'encrypted' : 'plain';
}

/**
 * SheetJS signals trouble by throwing Errors and, in places, bare strings. Password wording covers
 * ECMA-376 encryption and the BIFF FILEPASS record ("File is password-protected", "Password is
 * incorrect", "Encryption scheme unsupported", "ECMA-376 Encrypted file missing …").
 */
export function fromSheetJsError(e: unknown, fileName: string): IoProblem {
  const message = e instanceof Error ? e.message : String(e);
  if (/password|encrypt/i.test(message)) {
    return sheetFileProblem('sheet-password-protected', { file: fileName }, 'password');
  }
  return sheetFileProblem('sheet-unreadable', { file: fileName }, 'unreadable', { message: message.slice(0, 200) });
}
