/**
 * Writes a zip of deflated entries with the platform's CompressionStream ('deflate-raw': Chromium
 * 103+, Firefox 113+, Safari 16.4+, Node 20), so no library loads and the compression runs as
 * native code. An entry can be written in pieces as they are made; the compression may run in this
 * thread or, through a `Deflater` such as deflate-remote.ts, in another one while this thread makes
 * the next piece. Output is deterministic: every entry carries the same fixed time (1980-01-01
 * 00:00, the first moment the format can hold), never the clock. No zip64: refused past 4 GiB.
 */
import { crc32 } from './zip-crc32';

const LOCAL = 30;
const CENTRAL = 46;
const END = 22;
const DEFLATE = 8;
const UTF8_NAMES = 0x0800;
/** DOS date of 1980-01-01 (year 0 = 1980, month 1, day 1); time 00:00:00. */
const DOS_DATE = (1 << 5) | 1;
const MAX_ZIP = 0xffff_ffff;

export class ZipWriteError extends Error {
  override name = 'ZipWriteError';
}

/** One deflate stream: raw deflate of every piece written, in order, once ended. */
export interface DeflateSink {
  /** The piece may be handed to another thread: the caller must not use it afterwards. */
  write(piece: Uint8Array): void;
  end(): Promise<Uint8Array>;
}
export type Deflater = () => DeflateSink;

/** Deflate in this thread. */
export const localDeflater: Deflater = () => {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const out = new Response(stream.readable).arrayBuffer();
  // A failed write also fails `out`, which end() reports; no unhandled rejection on the side.
  out.catch(() => undefined);
  return {
    write(piece) {
      writer.write(piece as Uint8Array<ArrayBuffer>).catch(() => undefined);
    },
    async end() {
      await writer.close();
      return new Uint8Array(await out);
    },
  };
};

/** An entry being written: pieces in order, then `end`. */
export interface ZipEntryWriter {
  write(piece: Uint8Array): void;
  end(): void;
}

interface Entry {
  name: Uint8Array;
  crc: number;
  size: number;
  data: Promise<Uint8Array>;
}

export class ZipBuilder {
  readonly #entries: Entry[] = [];
  readonly #names = new Set<string>();
  readonly #deflater: Deflater;
  readonly #encoder = new TextEncoder();

  constructor(deflater: Deflater = localDeflater) {
    this.#deflater = deflater;
  }

  /** `deflater`: this entry's own (e.g. this thread's while the builder's runs in another). */
  entry(name: string, deflater: Deflater = this.#deflater): ZipEntryWriter {
    if (this.#names.has(name)) throw new ZipWriteError(`duplicate zip entry ${name}`);
    this.#names.add(name);
    const sink = deflater();
    let ended = false;
    const entry: Entry = { name: this.#encoder.encode(name), crc: 0, size: 0, data: Promise.resolve(new Uint8Array()) };
    this.#entries.push(entry);
    return {
      write: (piece) => {
        if (ended) throw new ZipWriteError(`zip entry ${name} was already ended`);
        if (piece.length === 0) return;
        entry.crc = crc32(piece, entry.crc);
        entry.size += piece.length;
        if (entry.size > MAX_ZIP) throw new ZipWriteError('the file is larger than a zip without zip64 can hold (4 GiB)');
        sink.write(piece);
      },
      end: () => {
        ended = true;
        entry.data = sink.end();
        entry.data.catch(() => undefined); // reported by finish()
      },
    };
  }

  /** A whole entry at once. */
  add(name: string, data: Uint8Array | string, deflater: Deflater = this.#deflater): void {
    const w = this.entry(name, deflater);
    w.write(typeof data === 'string' ? this.#encoder.encode(data) : data);
    w.end();
  }

  /** The zip's bytes, once every entry's compression has finished. */
  async finish(): Promise<Uint8Array> {
    const packed = await Promise.all(this.#entries.map(async (e) => ({ ...e, bytes: await e.data, offset: 0 })));
    let total = END;
    for (const e of packed) total += LOCAL + CENTRAL + 2 * e.name.length + e.bytes.length;
    if (total > MAX_ZIP) throw new ZipWriteError('the file is larger than a zip without zip64 can hold (4 GiB)');
    const out = new Uint8Array(total);
    const v = new DataView(out.buffer);
    const common = (pos: number, e: (typeof packed)[number]) => {
      // version needed 2.0, flags, method, time, date, crc, sizes, name length: the same in both headers.
      v.setUint16(pos, 20, true);
      v.setUint16(pos + 2, UTF8_NAMES, true);
      v.setUint16(pos + 4, DEFLATE, true);
      v.setUint16(pos + 6, 0, true);
      v.setUint16(pos + 8, DOS_DATE, true);
      v.setUint32(pos + 10, e.crc, true);
      v.setUint32(pos + 14, e.bytes.length, true);
      v.setUint32(pos + 18, e.size, true);
      v.setUint16(pos + 22, e.name.length, true);
    };
    let at = 0;
    for (const e of packed) {
      e.offset = at;
      v.setUint32(at, 0x04034b50, true);
      common(at + 4, e);
      out.set(e.name, at + LOCAL);
      out.set(e.bytes, at + LOCAL + e.name.length);
      at += LOCAL + e.name.length + e.bytes.length;
    }
    const start = at;
    for (const e of packed) {
      v.setUint32(at, 0x02014b50, true);
      v.setUint16(at + 4, 20, true); // made by: MS-DOS, 2.0
      common(at + 6, e);
      v.setUint32(at + 42, e.offset, true);
      out.set(e.name, at + CENTRAL);
      at += CENTRAL + e.name.length;
    }
    v.setUint32(at, 0x06054b50, true);
    v.setUint16(at + 8, packed.length, true);
    v.setUint16(at + 10, packed.length, true);
    v.setUint32(at + 12, at - start, true);
    v.setUint32(at + 16, start, true);
    return out;
  }
}
