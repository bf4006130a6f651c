import type { ZipDetailCode } from '../../domain/zip-problem-codes';
import type { IoProblem } from '../problems';
import type { CentralEntry } from './zip-directory';
import { decodeName, quoteName } from './zip-names';
import { zipProblem, type ZipFacts } from './zip-problem';

const LOCAL_SIG = 0x04034b50;
const LOCAL_SIZE = 30;

/** Where a problem about an entry points: the entry's own path when it is safe to show as one. */
export function entryWhere(e: CentralEntry, fileName: string): { file: string } {
  return { file: e.unsafe === null ? e.name : fileName };
}

/**
 * Checks each entry's local header (APPNOTE 4.3.7) and sets `dataOffset`. Entries whose data
 * overlaps another's are refused: overlapping entries are how non-recursive zip bombs reuse one
 * compressed kernel many times, and no honest writer produces them.
 */
export function checkLocalHeaders(data: Uint8Array, entries: CentralEntry[], cdStart: number, fileName: string): IoProblem[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const problems: IoProblem[] = [];
  const placed: CentralEntry[] = [];
  for (const e of entries) {
    const name = quoteName(e.name);
    const at = (code: string, reason: ZipDetailCode, facts: ZipFacts = {}) =>
      problems.push(zipProblem(code, reason, { name, ...facts }, entryWhere(e, fileName)));
    const off = e.localOffset;
    const size = data.length;
    if (off + LOCAL_SIZE > size) {
      at('truncated', 'zip-local-past-end', { size, offset: off });
      continue;
    }
    if (view.getUint32(off, true) !== LOCAL_SIG) {
      at('corrupt', 'zip-local-signature', { offset: off });
      continue;
    }
    const nameLen = view.getUint16(off + 26, true);
    const dataOffset = off + LOCAL_SIZE + nameLen + view.getUint16(off + 28, true);
    const dataEnd = dataOffset + e.compressedSize;
    if (dataEnd > size) {
      at('truncated', 'zip-data-past-end', { size, end: dataEnd });
      continue;
    }
    if (dataEnd > cdStart) {
      at('corrupt', 'zip-data-into-directory');
      continue;
    }
    // A different local name is how a file shows one name to one tool and another to the next.
    const localName = data.subarray(off + LOCAL_SIZE, off + LOCAL_SIZE + nameLen);
    if (!sameBytes(localName, e.rawName)) {
      const local = decodeName(localName, (view.getUint16(off + 6, true) & 0x800) !== 0).name;
      at('corrupt', 'zip-local-name', { local: quoteName(local) });
      continue;
    }
    e.dataOffset = dataOffset;
    placed.push(e);
  }
  placed.sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < placed.length; i++) {
    const prev = placed[i - 1]!;
    const cur = placed[i]!;
    if (cur.localOffset < prev.dataOffset + prev.compressedSize) {
      problems.push(zipProblem('corrupt', 'zip-overlap', { name: quoteName(cur.name), other: quoteName(prev.name) }, entryWhere(cur, fileName)));
    }
  }
  return problems;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
