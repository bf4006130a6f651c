/**
 * Writes a zip with the platform's CompressionStream ('deflate-raw': Chromium 103+, Firefox 113+,
 * Safari 16.4+, Node 20), so no library loads and the compression runs as native code. Workbooks and
 * bundles both go through it. An entry is deflated, or stored as it is (already-compressed files:
 * no compression pass at all, a CRC only). An entry can be written in pieces as they are made; the
 * compression may run in this thread or, through a `Deflater` such as deflate-remote.ts, in another
 * one while this thread makes the next piece. The archive comes out as one array (`finish`) or as a
 * Blob made of the headers and each entry's packed bytes (`finishBlob`), so a large one is never
 * copied into a second whole array. Output is deterministic: every entry carries the same time, a
 * fixed one (1980-01-01 00:00, the first moment the format can hold, or the `date` given: a bundle's
 * exportedAt), never the clock; and a builder made with `sorted` orders its entries by name whatever
 * order they were written in. No zip64: refused past
 * 4 GiB or 65,535 entries.
 */
import { crc32 } from './zip-crc32';
import { centralDirectory, DEFLATE, dosStamp, FIRST_STAMP, localHeader, MAX_ZIP, STORE, zipSize, type DosStamp, type PackedEntry } from './zip-layout';

const MAX_ENTRIES = 0xffff;

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

export interface EntryOptions {
  /** This entry's own deflater (e.g. this thread's while the builder's runs in another). */
  deflater?: Deflater;
  /** Store the bytes as they are (method 0): for data that is already compressed. */
  store?: boolean;
}

interface Entry {
  name: Uint8Array;
  key: string;
  method: typeof STORE | typeof DEFLATE;
  crc: number;
  size: number;
  /** The packed bytes, once ready: a stored entry's own pieces, or the deflate stream's output. */
  data: Promise<Blob | Uint8Array>;
}

const sizeOf = (d: Blob | Uint8Array) => (d instanceof Uint8Array ? d.length : d.size);

export class ZipBuilder {
  readonly #entries: Entry[] = [];
  readonly #names = new Set<string>();
  readonly #deflater: Deflater;
  readonly #sorted: boolean;
  readonly #stamp: DosStamp;
  readonly #encoder = new TextEncoder();

  /**
   * `sorted`: entries in the archive in name order (code unit order), not in the order written.
   * `date`: every entry's time (UTC, to two seconds); by default 1980-01-01 00:00.
   */
  constructor(deflater: Deflater = localDeflater, options: { sorted?: boolean; date?: Date } = {}) {
    this.#deflater = deflater;
    this.#sorted = options.sorted ?? false;
    this.#stamp = options.date ? dosStamp(options.date) : FIRST_STAMP;
  }

  #open(name: string, method: Entry['method']): Entry {
    if (this.#names.has(name)) throw new ZipWriteError(`duplicate zip entry ${name}`);
    if (this.#names.size >= MAX_ENTRIES) throw new ZipWriteError('more files than a zip without zip64 can hold (65,535)');
    this.#names.add(name);
    const entry: Entry = { name: this.#encoder.encode(name), key: name, method, crc: 0, size: 0, data: Promise.resolve(new Uint8Array()) };
    this.#entries.push(entry);
    return entry;
  }

  /** `options`: a Deflater alone is this entry's own deflater. */
  entry(name: string, options: EntryOptions | Deflater = {}): ZipEntryWriter {
    if (typeof options === 'function') options = { deflater: options };
    const entry = this.#open(name, options.store ? STORE : DEFLATE);
    const stored: Uint8Array[] = [];
    const sink = options.store ? null : (options.deflater ?? this.#deflater)();
    let ended = false;
    return {
      write: (piece) => {
        if (ended) throw new ZipWriteError(`zip entry ${name} was already ended`);
        if (piece.length === 0) return;
        entry.crc = crc32(piece, entry.crc);
        entry.size += piece.length;
        if (entry.size > MAX_ZIP) throw new ZipWriteError('the file is larger than a zip without zip64 can hold (4 GiB)');
        if (sink) sink.write(piece);
        else stored.push(piece);
      },
      end: () => {
        ended = true;
        entry.data = sink ? sink.end() : Promise.resolve(stored.length === 1 ? stored[0]! : new Blob(stored as BlobPart[]));
        entry.data.catch(() => undefined); // reported by finish()
      },
    };
  }

  /** A whole entry at once. */
  add(name: string, data: Uint8Array | string, options: EntryOptions | Deflater = {}): void {
    const w = this.entry(name, options);
    w.write(typeof data === 'string' ? this.#encoder.encode(data) : data);
    w.end();
  }

  /**
   * A stored entry whose bytes are already in a Blob (a file from the database): the Blob itself
   * becomes part of the archive made by finishBlob, never copied; `crc` is the CRC-32 of its bytes.
   */
  addStoredBlob(name: string, blob: Blob, crc: number): void {
    if (blob.size > MAX_ZIP) throw new ZipWriteError('the file is larger than a zip without zip64 can hold (4 GiB)');
    const entry = this.#open(name, STORE);
    entry.crc = crc >>> 0;
    entry.size = blob.size;
    entry.data = Promise.resolve(blob);
  }

  /** Every entry with its packed bytes, in archive order, once every compression has finished. */
  async #packed(): Promise<(PackedEntry & { data: Blob | Uint8Array })[]> {
    const order = this.#sorted ? [...this.#entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) : this.#entries;
    const packed = await Promise.all(order.map(async (e) => ({ ...e, data: await e.data })));
    const out = packed.map((e) => ({ name: e.name, method: e.method, crc: e.crc, size: e.size, packedSize: sizeOf(e.data), data: e.data }));
    if (zipSize(out) > MAX_ZIP) throw new ZipWriteError('the file is larger than a zip without zip64 can hold (4 GiB)');
    return out;
  }

  /** The zip's bytes in one array. */
  async finish(): Promise<Uint8Array> {
    const packed = await this.#packed();
    const out = new Uint8Array(zipSize(packed));
    let at = 0;
    for (const e of packed) {
      const head = localHeader(e, this.#stamp);
      out.set(head, at);
      at += head.length;
      out.set(e.data instanceof Uint8Array ? e.data : new Uint8Array(await e.data.arrayBuffer()), at);
      at += e.packedSize;
    }
    out.set(centralDirectory(packed, this.#stamp), at);
    return out;
  }

  /** The zip as a Blob of its parts: headers and each entry's packed bytes, none copied into one array here. */
  async finishBlob(type = 'application/zip'): Promise<Blob> {
    const packed = await this.#packed();
    const parts: BlobPart[] = [];
    for (const e of packed) parts.push(localHeader(e, this.#stamp) as Uint8Array<ArrayBuffer>, e.data as Blob | Uint8Array<ArrayBuffer>);
    parts.push(centralDirectory(packed, this.#stamp) as Uint8Array<ArrayBuffer>);
    return new Blob(parts, { type });
  }
}
