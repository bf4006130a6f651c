import { crc32 } from './zip-crc32';

/** Extra fields of a central-directory header (APPNOTE 4.5): the ZIP64 sizes and Info-ZIP's Unicode Path. */

const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;
const ZIP64_ID = 0x0001;
const UNICODE_PATH_ID = 0x7075;

export interface Zip64Fields {
  size: number;
  compressedSize: number;
  localOffset: number;
  disk: number;
}

/** The body of the first extra field with this id, or null. Stops at a field that runs past the end. */
function findField(view: DataView, start: number, length: number, id: number): { body: number; len: number } | null {
  const end = start + length;
  for (let p = start; p + 4 <= end;) {
    const len = view.getUint16(p + 2, true);
    const body = p + 4;
    if (body + len > end) return null;
    if (view.getUint16(p, true) === id) return { body, len };
    p = body + len;
  }
  return null;
}

/** Replaces 0xFFFFFFFF sentinels with the ZIP64 extra field's values (APPNOTE 4.5.3); null if absent. */
export function readZip64Extra(view: DataView, start: number, length: number, f: Zip64Fields): Zip64Fields | null {
  const needed = f.size === U32_MAX || f.compressedSize === U32_MAX || f.localOffset === U32_MAX || f.disk === U16_MAX;
  if (!needed) return f;
  const field = findField(view, start, length, ZIP64_ID);
  if (!field) return null;
  const { body, len } = field;
  const out = { ...f };
  let q = body;
  const take = (): number | null => (q + 8 <= body + len ? ((q += 8), readU64(view, q - 8)) : null);
  for (const key of ['size', 'compressedSize', 'localOffset'] as const) {
    if (f[key] !== U32_MAX) continue;
    const v = take();
    if (v === null) return null;
    out[key] = v;
  }
  if (f.disk === U16_MAX) {
    if (q + 4 > body + len) return null;
    out.disk = view.getUint32(q, true);
  }
  return out;
}

/**
 * Info-ZIP's Unicode Path extra field (APPNOTE 4.6.9): version 1, the CRC-32 of the header's name,
 * then the name in UTF-8. Honoured only while that CRC matches the raw name: a tool that renamed
 * the entry without knowing the field left a stale name in it. Returns the UTF-8 bytes, or null.
 */
export function readUnicodePath(view: DataView, start: number, length: number, rawName: Uint8Array): Uint8Array | null {
  const field = findField(view, start, length, UNICODE_PATH_ID);
  if (!field || field.len < 6 || view.getUint8(field.body) !== 1) return null;
  if (view.getUint32(field.body + 1, true) !== crc32(rawName)) return null;
  return new Uint8Array(view.buffer, view.byteOffset + field.body + 5, field.len - 5);
}

/** Unsigned 64-bit little-endian as a number; values past 2^53 lose precision but stay huge, which every cap refuses. */
export function readU64(view: DataView, at: number): number {
  return view.getUint32(at + 4, true) * 2 ** 32 + view.getUint32(at, true);
}
