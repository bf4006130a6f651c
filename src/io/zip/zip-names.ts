/**
 * Entry names in a user's zip are hostile input. Safety is judged on the RAW bytes of the central
 * directory (never on a library's cleaned-up name: JSZip turns `a/../../manifest.json` into
 * `manifest.json`), and on the Unicode Path field's bytes too when that gives the name; the decoded
 * string is for display and lookup only.
 */

import type { ZipNameCode, ZipNamePart } from '../../domain/zip-problem-codes';
import type { ZipFacts } from './zip-problem';

export const MAX_NAME_BYTES = 1024;

const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const DOT = 0x2e;

// IBM code page 437, bytes 0x80..0xff: what zip tools mean when general-purpose bit 11 is clear.
const CP437_HIGH = 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' + 'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lossy = new TextDecoder('utf-8');

export interface DecodedName {
  name: string;
  /** False when bit 11 promised UTF-8 and the bytes are not. */
  valid: boolean;
  /** The bytes `name` comes from when they are not the raw name: the Unicode Path extra field's. Judged like the raw name. */
  bytes?: Uint8Array;
}

/**
 * Bit 11 set: UTF-8, as promised. Clear: the Unicode Path field's UTF-8 name when there is one (its
 * CRC already checked against the raw name) and it agrees on being a folder; else the raw bytes as
 * UTF-8 when they are valid UTF-8 (Info-ZIP `zip` and many others write UTF-8 without setting the
 * bit); else CP437, the format's original meaning. Non-ASCII CP437 names are hardly ever valid UTF-8.
 */
export function decodeName(raw: Uint8Array, isUtf8: boolean, unicodePath: Uint8Array | null = null): DecodedName {
  if (isUtf8) {
    try {
      return { name: utf8.decode(raw), valid: true };
    } catch {
      // Invalid UTF-8 is reported by nameIssue(); a lossy string is enough to show the user.
      return { name: utf8Lossy.decode(raw), valid: false };
    }
  }
  const folder = raw[raw.length - 1] === SLASH;
  if (unicodePath && unicodePath.length > 0 && (unicodePath[unicodePath.length - 1] === SLASH) === folder) {
    const name = utf8OrNull(unicodePath);
    if (name !== null) return { name, valid: true, bytes: unicodePath };
  }
  const name = raw.some((b) => b >= 0x80) ? utf8OrNull(raw) : null;
  if (name !== null) return { name, valid: true };
  let cp437 = '';
  for (const b of raw) cp437 += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80];
  return { name: cp437, valid: true };
}

function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** C1 controls, line/paragraph separators and bidi overrides: they let a name hide or reorder text. */
const UNICODE_CONTROL = /[\u0080-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Why a name is unsafe: a reason code, which name it is about (and that name), and the facts its message names. */
export interface NameIssue {
  reason: ZipNameCode;
  part: ZipNamePart;
  name: string;
  length?: number;
  limit?: number;
  /** A control byte, as `0x01`. */
  byte?: string;
}

type BytesIssue = Omit<NameIssue, 'part' | 'name'>;

/**
 * Why a name is unsafe, or null when it is fine. `name` is the decoded form of `raw`. A trailing
 * '/' marks a directory entry and is not an empty segment.
 */
export function nameIssue(raw: Uint8Array, decoded: DecodedName): NameIssue | null {
  if (!decoded.valid) return { reason: 'zip-name-not-utf8', part: 'name', name: decoded.name };
  // The Unicode Path name is the one used, the raw name the one another tool may use: both must be safe.
  const own = bytesIssue(raw);
  if (own !== null) return { ...own, part: 'name', name: decoded.bytes ? decodeName(raw, false).name : decoded.name };
  const field = decoded.bytes ? bytesIssue(decoded.bytes) : null;
  if (field !== null) return { ...field, part: 'unicode-path', name: decoded.name };
  if (UNICODE_CONTROL.test(decoded.name)) return { reason: 'zip-name-unicode-control', part: decoded.bytes ? 'unicode-path' : 'name', name: decoded.name };
  return null;
}

function bytesIssue(raw: Uint8Array): BytesIssue | null {
  if (raw.length === 0) return { reason: 'zip-name-empty' };
  if (raw.length > MAX_NAME_BYTES) return { reason: 'zip-name-too-long', length: raw.length, limit: MAX_NAME_BYTES };
  for (const b of raw) {
    if (b < 0x20 || b === 0x7f) return { reason: 'zip-name-control', byte: `0x${b.toString(16).padStart(2, '0')}` };
    if (b === BACKSLASH) return { reason: 'zip-name-backslash' };
  }
  if (raw[0] === SLASH) return { reason: 'zip-name-absolute' };
  if (raw.length >= 2 && raw[1] === COLON && isAsciiLetter(raw[0]!)) return { reason: 'zip-name-drive' };
  const end = raw[raw.length - 1] === SLASH ? raw.length - 1 : raw.length;
  let start = 0;
  for (let i = 0; i <= end; i++) {
    if (i < end && raw[i] !== SLASH) continue;
    const len = i - start;
    if (len === 0) return { reason: 'zip-name-empty-segment' };
    // '.' is an alias of its folder: it would let `a/./x` dodge the duplicate check against `a/x`.
    if (len === 1 && raw[start] === DOT) return { reason: 'zip-name-dot' };
    if (len === 2 && raw[start] === DOT && raw[start + 1] === DOT) return { reason: 'zip-name-dotdot' };
    start = i + 1;
  }
  return null;
}

/** A name issue as a problem's facts: which name, the name itself (quoted) and its numbers; the reason goes beside them. */
export function nameIssueFacts(issue: NameIssue): ZipFacts {
  const { reason: _reason, part, name, ...numbers } = issue;
  return { part: { prefix: 'io.detail.zipNamePart', value: part }, name: quoteName(name), ...numbers };
}

function isAsciiLetter(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}

/**
 * Key under which two names count as the same file on a case-insensitive or normalising file
 * system (macOS, Windows): NFC, then a case fold. Upper-then-lower approximates full case folding
 * (`ß` → `SS` → `ss`, Kelvin sign → `k`), which plain toLowerCase() misses.
 */
export function foldName(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

const SHOWN_CHARS = 120;

const UNICODE_CONTROLS = new RegExp(UNICODE_CONTROL.source, 'g');

/**
 * A name quoted for a problem's facts: control characters, and the Unicode ones that hide or reorder
 * text, come out escaped, never raw; a very long name is cut after its first 120 characters.
 */
export function quoteName(name: string): string {
  const shown = name.length > SHOWN_CHARS ? `${name.slice(0, SHOWN_CHARS)}…` : name;
  return JSON.stringify(shown).replace(UNICODE_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
