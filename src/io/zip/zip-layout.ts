/**
 * The headers of a zip without zip64 (see zip-write.ts): each entry's local header, and the central
 * directory with its end record, for entries whose bytes are already packed. The entry data itself
 * is never copied here, so a writer can lay the archive out as one array or as a Blob of parts.
 */

const LOCAL = 30;
const CENTRAL = 46;
const END = 22;
const UTF8_NAMES = 0x0800;
export const MAX_ZIP = 0xffff_ffff;
export const STORE = 0;
export const DEFLATE = 8;

/** An entry's time as the format holds it: DOS time and date fields (two-second steps, years 1980–2107). */
export interface DosStamp {
  time: number;
  date: number;
}
/** 1980-01-01 00:00, the first moment the format can hold. */
export const FIRST_STAMP: DosStamp = { time: 0, date: (1 << 5) | 1 };

/** A moment as DOS fields, in UTC (as JSZip writes it), so the same moment gives the same bytes anywhere. */
export function dosStamp(d: Date): DosStamp {
  const year = d.getUTCFullYear();
  if (Number.isNaN(year) || year < 1980) return FIRST_STAMP;
  if (year > 2107) return { time: (23 << 11) | (59 << 5) | 29, date: (127 << 9) | (12 << 5) | 31 };
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

export interface PackedEntry {
  /** The name as UTF-8. */
  name: Uint8Array;
  method: typeof STORE | typeof DEFLATE;
  crc: number;
  /** Uncompressed size. */
  size: number;
  /** Size of the entry's data in the archive. */
  packedSize: number;
}

/** version needed 2.0, flags, method, time, date, crc, sizes, name length: the same in both headers. */
function common(v: DataView, pos: number, e: PackedEntry, stamp: DosStamp): void {
  v.setUint16(pos, 20, true);
  v.setUint16(pos + 2, UTF8_NAMES, true);
  v.setUint16(pos + 4, e.method, true);
  v.setUint16(pos + 6, stamp.time, true);
  v.setUint16(pos + 8, stamp.date, true);
  v.setUint32(pos + 10, e.crc, true);
  v.setUint32(pos + 14, e.packedSize, true);
  v.setUint32(pos + 18, e.size, true);
  v.setUint16(pos + 22, e.name.length, true);
}

/** The archive's size: headers and data of every entry, the directory and its end. */
export function zipSize(entries: readonly PackedEntry[]): number {
  let total = END;
  for (const e of entries) total += LOCAL + CENTRAL + 2 * e.name.length + e.packedSize;
  return total;
}

export function localHeader(e: PackedEntry, stamp: DosStamp): Uint8Array {
  const out = new Uint8Array(LOCAL + e.name.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x04034b50, true);
  common(v, 4, e, stamp);
  out.set(e.name, LOCAL);
  return out;
}

/** The central directory and its end record, for entries laid out in this order from offset 0. */
export function centralDirectory(entries: readonly PackedEntry[], stamp: DosStamp): Uint8Array {
  let size = END;
  for (const e of entries) size += CENTRAL + e.name.length;
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  let offset = 0;
  let at = 0;
  for (const e of entries) {
    v.setUint32(at, 0x02014b50, true);
    v.setUint16(at + 4, 20, true); // made by: MS-DOS, 2.0
    common(v, at + 6, e, stamp);
    v.setUint32(at + 42, offset, true);
    out.set(e.name, at + CENTRAL);
    at += CENTRAL + e.name.length;
    offset += LOCAL + e.name.length + e.packedSize;
  }
  v.setUint32(at, 0x06054b50, true);
  v.setUint16(at + 8, entries.length, true);
  v.setUint16(at + 10, entries.length, true);
  v.setUint32(at + 12, at, true);
  v.setUint32(at + 16, offset, true);
  return out;
}
