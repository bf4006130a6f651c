import type { ZipDetailCode } from '../../domain/zip-problem-codes';
import type { IoProblem } from '../problems';
import { checkEntries } from './zip-checks';
import { crc32 } from './zip-crc32';
import { readCentralDirectory, type CentralEntry } from './zip-directory';
import { inflateRawCapped } from './zip-inflate';
import { checkLocalHeaders } from './zip-local';
import { quoteName } from './zip-names';
import { zipProblem, type ZipFacts } from './zip-problem';

/**
 * Opens a user-supplied zip without trusting it: the central directory is parsed from the raw
 * bytes, every name, flag and declared size is checked before anything is inflated, and each read
 * stops as soon as its output passes the declared size or a cap.
 */

export interface ZipLimits {
  maxTotalBytes: number;
  maxEntries: number;
  maxEntryBytes: number;
  maxRatio: number;
  /** Whole archive: declared bytes over compressed bytes, once it declares more than 32 MiB (none when absent). */
  maxArchiveRatio?: number;
}

const MiB = 1024 ** 2;
/**
 * A bundle's limits (docs/bundle-format.md lists them): the whole import lives in the tab's memory,
 * an attachment is at most 200 MiB and a data file 256 MiB; real bundles compress about 2–10 to 1
 * (JSON with random ids ~7, attachments ~1), a generated one with sequential ids ~80.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 2048 * MiB, maxEntries: 100_000, maxEntryBytes: 256 * MiB, maxRatio: 1000, maxArchiveRatio: 100 };

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  size: number;
  method: number;
  /** The directory's CRC-32, which `read` checks the entry's bytes against before returning them. */
  crc32: number;
}

export interface SafeZip {
  /** File entries in central directory order; directory entries are left out. */
  entries: ZipEntryInfo[];
  has(name: string): boolean;
  /**
   * Inflates one entry, enforcing maxEntryBytes, maxRatio, the running maxTotalBytes and the declared size; rejects with ZipReadError.
   * With `maxBytes` (the file's own limit) a declared size past it is refused before inflating, and the inflater stops at it.
   */
  read(name: string, maxBytes?: number): Promise<Uint8Array>;
  /** UTF-8, fatal on invalid UTF-8 → code 'not-utf8'. */
  readText(name: string): Promise<string>;
  /**
   * As `read`, with a way to keep the checked bytes as a Blob: for a stored entry of a zip opened
   * with its file, a slice of that file (no copy of the bytes), else a Blob of the bytes.
   */
  readBlob(name: string): Promise<{ bytes: Uint8Array; blob: () => Blob }>;
}

/** A read() that the file's content made fail: the problem is a value for the import report. */
export class ZipReadError extends Error {
  constructor(readonly problem: IoProblem) {
    super(`${problem.code}: ${String(problem.params?.reason)} ${JSON.stringify(problem.params ?? {})}`);
    this.name = 'ZipReadError';
  }
}

export type OpenZipResult = { ok: true; zip: SafeZip } | { ok: false; problems: IoProblem[] };

/**
 * `source`: the same bytes as a Blob (the File chosen), so a stored entry's checked bytes can be kept
 * as a slice of it. A File is a snapshot: if it changes on disk, reading the slice fails, it never
 * gives other bytes than the ones checked.
 */
export async function openZip(data: Uint8Array, fileName: string, limits: Partial<ZipLimits> = {}, source?: Blob): Promise<OpenZipResult> {
  const lim: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const dir = readCentralDirectory(data, fileName, lim.maxEntries);
  if (!dir.ok) return { ok: false, problems: dir.problems };
  const problems = [...dir.problems, ...checkLocalHeaders(data, dir.entries, dir.start, fileName), ...checkEntries(dir.entries, fileName, lim)];
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, zip: new Reader(data, dir.entries, lim, source && source.size === data.length ? source : undefined) };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
type Fail = (code: string, reason: ZipDetailCode, facts?: ZipFacts) => ZipReadError;

class Reader implements SafeZip {
  readonly entries: ZipEntryInfo[];
  readonly #byName = new Map<string, CentralEntry>();
  /** Bytes handed out by every read so far, against maxTotalBytes. */
  #total = 0;

  constructor(
    private readonly data: Uint8Array,
    entries: CentralEntry[],
    private readonly limits: ZipLimits,
    private readonly source: Blob | undefined,
  ) {
    const files = entries.filter((e) => !e.isDirectory);
    for (const e of files) this.#byName.set(e.name, e);
    this.entries = files.map((e) => ({ name: e.name, compressedSize: e.compressedSize, size: e.size, method: e.method, crc32: e.crc32 }));
  }

  has(name: string): boolean {
    return this.#byName.has(name);
  }

  async read(name: string, maxBytes?: number): Promise<Uint8Array> {
    const e = this.#byName.get(name);
    const fail: Fail = (code, reason, facts = {}) => new ZipReadError(zipProblem(code, reason, { name: quoteName(name), ...facts }, { file: name }));
    if (!e) throw fail('entry-missing', 'zip-no-entry');
    if (maxBytes !== undefined) return this.#readCapped(e, Math.min(maxBytes, this.limits.maxEntryBytes), fail);
    const { maxEntryBytes, maxTotalBytes } = this.limits;
    const left = () => maxTotalBytes - this.#total;
    const overTotal = () => fail('too-large', 'zip-read-total', { limit: maxTotalBytes });
    const compressed = this.data.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    let out: Uint8Array;
    // The CRC of inflated bytes is taken chunk by chunk while inflating (one pass over them).
    let crc: number | undefined;
    if (e.method === 0) {
      if (e.size > left()) throw overTotal();
      this.#total += e.size;
      // A view, not a copy: nothing changes the file's bytes.
      out = compressed;
    } else {
      // Never more than the declared size: a larger output is a lie or a bomb, stop right there.
      const cap = Math.min(e.size, maxEntryBytes);
      let taken = 0;
      const accept = (n: number): boolean => {
        if (n > left()) return false;
        this.#total += n;
        taken += n;
        return true;
      };
      // The browser checks the CRC-32 and size as it inflates (natively: no pass over the bytes here).
      let r = await inflateRawCapped(compressed, cap, accept, undefined, { crc32: e.crc32, size: e.size });
      let running = e.crc32;
      if (!r.ok && r.reason === 'corrupt') {
        // Damaged, or a checksum or size that does not match: inflated again, the CRC-32 taken here, to say which.
        this.#total -= taken;
        running = 0;
        r = await inflateRawCapped(compressed, cap, accept, (chunk) => (running = crc32(chunk, running)));
      }
      if (!r.ok) {
        if (r.reason === 'corrupt') throw fail('corrupt-entry', 'zip-deflate', { produced: r.produced });
        if (r.reason === 'refused') throw overTotal();
        if (e.size <= maxEntryBytes) throw fail('size-mismatch', 'zip-inflates-more', { size: e.size, produced: r.produced });
        throw fail('entry-too-large', 'zip-inflates-past-limit', { limit: maxEntryBytes, produced: r.produced });
      }
      out = r.data;
      crc = running;
    }
    return this.#verify(e, out, fail, crc);
  }

  /** A file with its own limit: refused from its declared size, or as soon as inflating passes the limit ("too large", not damaged). */
  async #readCapped(e: CentralEntry, limit: number, fail: Fail): Promise<Uint8Array> {
    if (e.size > limit) throw fail('entry-too-large', 'zip-entry-declares', { size: e.size, limit });
    const compressed = this.data.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    const left = this.limits.maxTotalBytes - this.#total;
    if (e.method === 0) return this.#verify(e, this.#count(compressed, left, fail), fail);
    const r = await inflateRawCapped(compressed, limit);
    if (!r.ok && r.reason === 'corrupt') throw fail('corrupt-entry', 'zip-deflate', { produced: r.produced });
    if (!r.ok) throw fail('entry-too-large', 'zip-inflates-past-limit', { limit, produced: r.produced });
    return this.#verify(e, this.#count(r.data, left, fail), fail);
  }

  #count(out: Uint8Array, left: number, fail: Fail): Uint8Array {
    if (out.length > left) throw fail('too-large', 'zip-read-total', { limit: this.limits.maxTotalBytes });
    this.#total += out.length;
    return out;
  }

  /** `seen`: the CRC already taken of exactly these bytes while inflating them. */
  #verify(e: CentralEntry, out: Uint8Array, fail: Fail, seen?: number): Uint8Array {
    if (out.length !== e.size) throw fail('size-mismatch', 'zip-holds', { size: e.size, actual: out.length });
    const crc = seen ?? crc32(out);
    if (crc !== e.crc32) throw fail('crc-mismatch', 'zip-crc', { actual: hex(crc), expected: hex(e.crc32) });
    return out;
  }

  async readBlob(name: string): Promise<{ bytes: Uint8Array; blob: () => Blob }> {
    const bytes = await this.read(name);
    const e = this.#byName.get(name)!;
    const { source } = this;
    const blob = source && e.method === 0 ? () => source.slice(e.dataOffset, e.dataOffset + e.size) : () => new Blob([bytes as Uint8Array<ArrayBuffer>]);
    return { bytes, blob };
  }

  async readText(name: string): Promise<string> {
    const bytes = await this.read(name);
    try {
      return utf8.decode(bytes);
    } catch {
      throw new ZipReadError(zipProblem('not-utf8', 'zip-not-utf8', { name: quoteName(name) }, { file: name }));
    }
  }
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}
