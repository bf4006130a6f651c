import type { ZipDetailCode } from '../../domain/zip-problem-codes';
import type { IoProblem } from '../problems';
import { readUnicodePath, readU64, readZip64Extra } from './zip-extra';
import { decodeName, nameIssue, quoteName, type NameIssue } from './zip-names';
import { zipProblem, type ZipFacts } from './zip-problem';

/**
 * Reads the End Of Central Directory (plus its ZIP64 record) and every central-directory header
 * straight from the bytes (APPNOTE.TXT 4.3.12-4.3.16). Nothing here inflates or trusts a library.
 */

const EOCD_SIG = 0x06054b50;
const EOCD64_LOCATOR_SIG = 0x07064b50;
const EOCD64_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const EOCD_SIZE = 22;
const EOCD64_LOCATOR_SIZE = 20;
const EOCD64_SIZE = 56;
const CENTRAL_SIZE = 46;
const MAX_COMMENT = 0xffff;

export interface CentralEntry {
  rawName: Uint8Array;
  name: string;
  /** Why the name is unsafe, or null. */
  unsafe: NameIssue | null;
  isDirectory: boolean;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** Where the entry's data starts; set by checkLocalHeaders(). */
  dataOffset: number;
}

export type CentralDirectory =
  { ok: true; entries: CentralEntry[]; declaredCount: number; start: number; problems: IoProblem[] } | { ok: false; problems: IoProblem[] };

interface Eocd {
  count: number;
  thisDiskCount: number;
  disk: number;
  cdDisk: number;
  cdSize: number;
  cdOffset: number;
  /** First byte after the central directory that is not ours: the ZIP64 record or the EOCD. */
  limit: number;
}

export function readCentralDirectory(data: Uint8Array, fileName: string, maxEntries: number): CentralDirectory {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const fail = (code: string, reason: ZipDetailCode, facts: ZipFacts = {}): CentralDirectory => ({
    ok: false,
    problems: [zipProblem(code, reason, facts, { file: fileName })],
  });
  const size = data.length;
  // A file that starts like a zip and whose end is not where it should be has lost its tail.
  const startsLikeZip = size >= 4 && view.getUint32(0, true) === LOCAL_SIG;
  const eocd = readEocd(view, data);
  if (typeof eocd === 'string') {
    if (eocd === 'truncated') return fail('truncated', 'zip-comment-past-end', { size });
    if (eocd === 'zip64-truncated') return fail('truncated', 'zip64-past-end', { size });
    if (eocd === 'zip64-corrupt') return fail('corrupt', 'zip64-signature');
    return startsLikeZip ? fail('truncated', 'zip-end-missing', { size }) : fail('not-a-zip', 'zip-no-end');
  }
  if (eocd.disk !== 0 || eocd.cdDisk !== 0 || eocd.thisDiskCount !== eocd.count) return fail('corrupt', 'zip-split');
  const cdEnd = eocd.cdOffset + eocd.cdSize;
  if (cdEnd > size) return fail('truncated', 'zip-directory-past-end', { size, end: cdEnd });
  if (cdEnd > eocd.limit) return fail('corrupt', 'zip-directory-into-end');

  const problems: IoProblem[] = [];
  let toRead = eocd.count;
  if (eocd.count > maxEntries) {
    problems.push(zipProblem('too-many-entries', 'zip-entry-count', { count: eocd.count, limit: maxEntries }, { file: fileName }));
    toRead = maxEntries;
  }
  const entries: CentralEntry[] = [];
  let pos = eocd.cdOffset;
  for (let i = 0; i < toRead; i++) {
    const missing = () => fail('truncated', 'zip-directory-short', { count: i, expected: eocd.count });
    if (pos + CENTRAL_SIZE > cdEnd) return missing();
    const sig = view.getUint32(pos, true);
    if (sig !== CENTRAL_SIG) {
      if (sig === EOCD_SIG || sig === EOCD64_SIG) return missing();
      if (i === 0) {
        const prefix = prefixBefore(view, eocd);
        if (prefix > 0) return startsLikeZip ? fail('truncated', 'zip-end-missing', { size }) : fail('corrupt', 'zip-prefix', { size: prefix });
      }
      return fail('corrupt', 'zip-directory-signature', { offset: pos, n: i + 1 });
    }
    const nameLen = view.getUint16(pos + 28, true);
    const extraLen = view.getUint16(pos + 30, true);
    const commentLen = view.getUint16(pos + 32, true);
    const next = pos + CENTRAL_SIZE + nameLen + extraLen + commentLen;
    if (next > cdEnd) return fail('truncated', 'zip-directory-header-past', { n: i + 1 });
    const flags = view.getUint16(pos + 8, true);
    const rawName = data.subarray(pos + CENTRAL_SIZE, pos + CENTRAL_SIZE + nameLen);
    const extraStart = pos + CENTRAL_SIZE + nameLen;
    const decoded = decodeName(rawName, (flags & 0x800) !== 0, readUnicodePath(view, extraStart, extraLen, rawName));
    const zip64 = readZip64Extra(view, extraStart, extraLen, {
      size: view.getUint32(pos + 24, true),
      compressedSize: view.getUint32(pos + 20, true),
      localOffset: view.getUint32(pos + 42, true),
      disk: view.getUint16(pos + 34, true),
    });
    if (!zip64) return fail('corrupt', 'zip64-sizes-missing', { name: quoteName(decoded.name) });
    if (zip64.disk !== 0) return fail('corrupt', 'zip-split');
    entries.push({
      rawName,
      name: decoded.name,
      unsafe: nameIssue(rawName, decoded),
      isDirectory: decoded.name.endsWith('/'),
      flags,
      method: view.getUint16(pos + 10, true),
      crc32: view.getUint32(pos + 16, true),
      compressedSize: zip64.compressedSize,
      size: zip64.size,
      localOffset: zip64.localOffset,
      dataOffset: -1,
    });
    pos = next;
  }
  if (toRead === eocd.count && pos !== cdEnd) {
    // Headers beyond the declared count would be invisible to us but not to another tool.
    return fail('corrupt', 'zip-directory-extra', { size: cdEnd - pos, count: eocd.count });
  }
  return { ok: true, entries, declaredCount: eocd.count, start: eocd.cdOffset, problems };
}

type EocdFailure = 'none' | 'truncated' | 'zip64-truncated' | 'zip64-corrupt';

/**
 * Bytes before the archive: the directory sits right before the end record, so where it really
 * starts, less where the end record says it starts, is what was put in front (a script, a
 * self-extractor's stub, junk). 0 when the directory is not found there either.
 */
function prefixBefore(view: DataView, eocd: Eocd): number {
  const real = eocd.limit - eocd.cdSize;
  if (real <= eocd.cdOffset || real + 4 > view.byteLength || view.getUint32(real, true) !== CENTRAL_SIG) return 0;
  return real - eocd.cdOffset;
}

function readEocd(view: DataView, data: Uint8Array): Eocd | EocdFailure {
  const at = findEocd(view, data);
  if (typeof at === 'string') return at;
  const eocd: Eocd = {
    disk: view.getUint16(at + 4, true),
    cdDisk: view.getUint16(at + 6, true),
    thisDiskCount: view.getUint16(at + 8, true),
    count: view.getUint16(at + 10, true),
    cdSize: view.getUint32(at + 12, true),
    cdOffset: view.getUint32(at + 16, true),
    limit: at,
  };
  const loc = at - EOCD64_LOCATOR_SIZE;
  if (loc < 0 || view.getUint32(loc, true) !== EOCD64_LOCATOR_SIG) return eocd;
  // ZIP64 (APPNOTE 4.3.14-4.3.15): needed past 65,535 entries or 4 GiB.
  const rec = readU64(view, loc + 8);
  if (rec + EOCD64_SIZE > loc) return rec + EOCD64_SIZE > view.byteLength ? 'zip64-truncated' : 'zip64-corrupt';
  if (view.getUint32(rec, true) !== EOCD64_SIG) return 'zip64-corrupt';
  return {
    // Any disk number other than 0, or more than one disk, means a split archive.
    disk: view.getUint32(rec + 16, true) || view.getUint32(loc + 4, true) || (view.getUint32(loc + 16, true) > 1 ? 1 : 0),
    cdDisk: view.getUint32(rec + 20, true),
    thisDiskCount: readU64(view, rec + 24),
    count: readU64(view, rec + 32),
    cdSize: readU64(view, rec + 40),
    cdOffset: readU64(view, rec + 48),
    limit: rec,
  };
}

/**
 * Searches backwards through the last 65,557 bytes. A signature can also occur inside the comment,
 * so a record whose comment ends exactly at the end of the file wins; failing that, the last one
 * whose comment fits (trailing bytes after the archive).
 */
function findEocd(view: DataView, data: Uint8Array): number | EocdFailure {
  const stop = Math.max(0, data.length - EOCD_SIZE - MAX_COMMENT);
  let fits = -1;
  let any = -1;
  for (let p = data.length - EOCD_SIZE; p >= stop; p--) {
    if (data[p] !== 0x50 || view.getUint32(p, true) !== EOCD_SIG) continue;
    const end = p + EOCD_SIZE + view.getUint16(p + 20, true);
    if (end === data.length) return p;
    if (any < 0) any = p;
    if (fits < 0 && end <= data.length) fits = p;
  }
  if (fits >= 0) return fits;
  return any >= 0 ? 'truncated' : 'none';
}
