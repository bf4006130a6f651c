/**
 * Writes checked zip entries into a fresh, uncompressed ("stored") zip for SheetJS. Then SheetJS
 * inflates nothing and finds exactly the entries our reader verified: its own zip code looks for
 * the end record from the back (a fake one in the archive comment would win) and trusts local
 * headers, so the original bytes could show it a different archive than the one we checked.
 */
import { crc32 } from '../zip/zip-crc32';

const LOCAL = 30;
const CENTRAL = 46;
const END = 22;

export class StoredZipWriter {
  readonly #out: Uint8Array;
  readonly #view: DataView;
  readonly #central: { name: Uint8Array; crc: number; size: number; offset: number }[] = [];
  #pos = 0;

  /** `entries`: the name and size of every entry that will be added, to size the buffer once. */
  constructor(entries: readonly { name: string; size: number }[]) {
    const encoder = new TextEncoder();
    let total = END;
    for (const e of entries) total += LOCAL + CENTRAL + 2 * encoder.encode(e.name).length + e.size;
    this.#out = new Uint8Array(total);
    this.#view = new DataView(this.#out.buffer);
  }

  /**
   * `crc`: the entry's CRC-32 when the caller has just verified it against `data` (the zip reader
   * does for every entry it returns), so it is not computed a second time; otherwise computed here.
   */
  add(name: string, data: Uint8Array, crc: number = crc32(data)): void {
    const raw = new TextEncoder().encode(name);
    const v = this.#view;
    const at = this.#pos;
    v.setUint32(at, 0x04034b50, true);
    v.setUint16(at + 4, 20, true);
    v.setUint16(at + 6, 0x0800, true); // names are UTF-8
    v.setUint16(at + 8, 0, true); // stored
    v.setUint32(at + 14, crc, true);
    v.setUint32(at + 18, data.length, true);
    v.setUint32(at + 22, data.length, true);
    v.setUint16(at + 26, raw.length, true);
    this.#out.set(raw, at + LOCAL);
    this.#out.set(data, at + LOCAL + raw.length);
    this.#central.push({ name: raw, crc, size: data.length, offset: at });
    this.#pos = at + LOCAL + raw.length + data.length;
  }

  finish(): Uint8Array {
    const v = this.#view;
    const start = this.#pos;
    let at = start;
    for (const e of this.#central) {
      v.setUint32(at, 0x02014b50, true);
      v.setUint16(at + 4, 20, true);
      v.setUint16(at + 6, 20, true);
      v.setUint16(at + 8, 0x0800, true);
      v.setUint32(at + 16, e.crc, true);
      v.setUint32(at + 20, e.size, true);
      v.setUint32(at + 24, e.size, true);
      v.setUint16(at + 28, e.name.length, true);
      v.setUint32(at + 42, e.offset, true);
      this.#out.set(e.name, at + CENTRAL);
      at += CENTRAL + e.name.length;
    }
    v.setUint32(at, 0x06054b50, true);
    v.setUint16(at + 8, this.#central.length, true);
    v.setUint16(at + 10, this.#central.length, true);
    v.setUint32(at + 12, at - start, true);
    v.setUint32(at + 16, start, true);
    return this.#out.subarray(0, at + END);
  }
}
