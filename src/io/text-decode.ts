/**
 * Turning the bytes of a text file users bring in (CSV above all) into a string. Spreadsheet
 * programs write CSV in whatever the machine uses: UTF-8 with or without a byte order mark, Excel's
 * "Unicode text" as UTF-16LE, and on Western Windows still code page 1252. Nothing in the file says
 * which, so: a BOM decides; else NUL bytes in every other position mean UTF-16; else strict UTF-8;
 * else windows-1252, which decodes any byte, with `confident: false` so the UI can ask the user.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  /** The text without its byte order mark. */
  text: string;
  encoding: TextEncodingName;
  /** False when the encoding is a guess the user should confirm. */
  confident: boolean;
}

/** How much of the start of the file the UTF-16 guess looks at. */
const SNIFF_BYTES = 64 * 1024;
/** Share of the sampled code units that must have a NUL in the same half to call it UTF-16. */
const UTF16_NUL_SHARE = 0.3;

export function decodeText(bytes: Uint8Array, forced?: TextEncodingName): DecodedText {
  if (forced) return { text: decodeWith(forced, bytes, false), encoding: forced, confident: true };

  const bom = bomOf(bytes);
  if (bom) return { text: decodeWith(bom, bytes, false), encoding: bom, confident: true };

  // Before UTF-8: NUL is valid UTF-8, so UTF-16 text without a BOM would pass as UTF-8.
  const utf16 = guessUtf16(bytes);
  if (utf16) return { text: decodeWith(utf16, bytes, false), encoding: utf16, confident: true };

  try {
    return { text: decodeWith('utf-8', bytes, true), encoding: 'utf-8', confident: true };
  } catch {
    return { text: decodeWith('windows-1252', bytes, false), encoding: 'windows-1252', confident: false };
  }
}

/** The encoding a byte order mark announces, if the bytes start with one. */
export function bomOf(bytes: Uint8Array): TextEncodingName | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 without a BOM: Latin text has a NUL in the high byte of most code units. */
function guessUtf16(bytes: Uint8Array): TextEncodingName | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const units = n / 2;
  if (odd >= units * UTF16_NUL_SHARE && even < units * 0.05) return 'utf-16le';
  if (even >= units * UTF16_NUL_SHARE && odd < units * 0.05) return 'utf-16be';
  return null;
}

function decodeWith(encoding: TextEncodingName, bytes: Uint8Array, fatal: boolean): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  // TextDecoder drops the BOM of its own encoding (ignoreBOM false), and only that one.
  return new TextDecoder(encoding, { fatal }).decode(bytes);
}

/**
 * Bytes 0x80-0x9F of windows-1252 (WHATWG index; the five unassigned ones stay C1 controls).
 * Decoded here because Node's TextDecoder treats the label as ISO-8859-1 and turns € into U+0080.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}
