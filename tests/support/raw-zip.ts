import { crc32 } from '../../src/io/zip/zip-crc32';

/** A stored-only zip written field by field, so a test can set any name bytes, flag or extra field. */
export interface RawEntry {
  name: Uint8Array | string;
  data?: Uint8Array | string;
  /** General purpose flags; bit 11 (0x800) means "the name is UTF-8". Default 0. */
  flags?: number;
  /** Central and local extra field. */
  extra?: Uint8Array;
  /** A deflated entry: `data` is the raw deflate stream, `size` and `crc` what the headers declare. */
  deflated?: { size: number; crc: number };
}

const bytes = (v: Uint8Array | string) => (typeof v === 'string' ? new TextEncoder().encode(v) : v);

export function rawZip(entries: RawEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = bytes(e.name);
    const data = bytes(e.data ?? '');
    const extra = e.extra ?? new Uint8Array(0);
    const crc = e.deflated ? e.deflated.crc : crc32(data);
    const size = e.deflated ? e.deflated.size : data.length;
    const method = e.deflated ? 8 : 0;
    const local = new Uint8Array(30 + name.length + extra.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 10, true);
    lv.setUint16(6, e.flags ?? 0, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, extra.length, true);
    local.set(name, 30);
    local.set(extra, 30 + name.length);
    local.set(data, 30 + name.length + extra.length);
    const central = new Uint8Array(46 + name.length + extra.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 0x031e, true);
    cv.setUint16(6, 10, true);
    cv.setUint16(8, e.flags ?? 0, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, extra.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    central.set(extra, 46 + name.length);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Info-ZIP's Unicode Path extra field (0x7075): version 1, the CRC-32 of the raw name, the UTF-8 name. */
export function unicodePathExtra(rawName: Uint8Array | string, utf8Name: string, crc = crc32(bytes(rawName))): Uint8Array {
  const name = bytes(utf8Name);
  const out = new Uint8Array(9 + name.length);
  const v = new DataView(out.buffer);
  v.setUint16(0, 0x7075, true);
  v.setUint16(2, 5 + name.length, true);
  v.setUint8(4, 1);
  v.setUint32(5, crc, true);
  out.set(name, 9);
  return out;
}

/** The general purpose flags of the central-directory header named `name` (first match), or null. */
export function centralFlags(zip: Uint8Array, name: string): number | null {
  const want = bytes(name);
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let p = 0; p + 46 <= zip.length; p++) {
    if (v.getUint32(p, true) !== 0x02014b50 || v.getUint16(p + 28, true) !== want.length) continue;
    if (want.every((b, i) => zip[p + 46 + i] === b)) return v.getUint16(p + 8, true);
  }
  return null;
}
