import { problem, type IoProblem } from '../problems';
import { readUnicodePath, readU64, readZip64Extra } from './zip-extra';
import { decodeName, nameIssue, quoteName } from './zip-names';

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
  unsafe: string | null;
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
  const fail = (code: string, detail: string): CentralDirectory => ({ ok: false, problems: [problem(code, { file: fileName, detail })] });
  const eocd = readEocd(view, data);
  if (typeof eocd === 'string') {
    if (eocd !== 'none') return fail(eocd.endsWith('truncated') ? 'truncated' : 'corrupt', eocdDetail(eocd));
    // No EOCD at all: a file that starts like a zip has lost its tail.
    return data.length >= 4 && view.getUint32(0, true) === LOCAL_SIG
      ? fail('truncated', 'the end of central directory record is missing')
      : fail('not-a-zip', 'no end of central directory record');
  }
  if (eocd.disk !== 0 || eocd.cdDisk !== 0 || eocd.thisDiskCount !== eocd.count) {
    return fail('corrupt', 'split or spanned archives are not supported');
  }
  const cdEnd = eocd.cdOffset + eocd.cdSize;
  if (cdEnd > data.length) return fail('truncated', `central directory ends at byte ${cdEnd}, file has ${data.length}`);
  if (cdEnd > eocd.limit) return fail('corrupt', 'central directory overlaps the end of central directory record');

  const problems: IoProblem[] = [];
  let toRead = eocd.count;
  if (eocd.count > maxEntries) {
    problems.push(problem('too-many-entries', { file: fileName, detail: `${eocd.count} entries (limit ${maxEntries})` }));
    toRead = maxEntries;
  }
  const entries: CentralEntry[] = [];
  let pos = eocd.cdOffset;
  for (let i = 0; i < toRead; i++) {
    const missing = `central directory has ${i} of ${eocd.count} declared headers`;
    if (pos + CENTRAL_SIZE > cdEnd) return fail('truncated', missing);
    const sig = view.getUint32(pos, true);
    if (sig !== CENTRAL_SIG) {
      return sig === EOCD_SIG || sig === EOCD64_SIG ? fail('truncated', missing) : fail('corrupt', `bad central directory signature at byte ${pos}`);
    }
    const nameLen = view.getUint16(pos + 28, true);
    const extraLen = view.getUint16(pos + 30, true);
    const commentLen = view.getUint16(pos + 32, true);
    const next = pos + CENTRAL_SIZE + nameLen + extraLen + commentLen;
    if (next > cdEnd) return fail('truncated', `central directory header ${i + 1} runs past the directory`);
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
    if (!zip64) return fail('corrupt', `${quoteName(decoded.name)}: ZIP64 sizes are missing`);
    if (zip64.disk !== 0) return fail('corrupt', 'split or spanned archives are not supported');
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
    return fail('corrupt', `central directory has ${cdEnd - pos} bytes after its ${eocd.count} declared headers`);
  }
  return { ok: true, entries, declaredCount: eocd.count, start: eocd.cdOffset, problems };
}

type EocdFailure = 'none' | 'truncated' | 'zip64-truncated' | 'zip64-corrupt';

function eocdDetail(f: Exclude<EocdFailure, 'none'>): string {
  if (f === 'truncated') return 'the archive comment runs past the end of the file';
  return f === 'zip64-truncated' ? 'the ZIP64 end of central directory record is past the end of the file' : 'bad ZIP64 end of central directory signature';
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
