import { problem, type IoProblem } from '../problems';
import type { CentralEntry } from './zip-directory';
import { quoteName } from './zip-names';

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
    const at = (code: string, detail: string) => problems.push(problem(code, { ...entryWhere(e, fileName), detail: `${quoteName(e.name)}: ${detail}` }));
    const off = e.localOffset;
    if (off + LOCAL_SIZE > data.length) {
      at('truncated', `local header at byte ${off} is past the end of the file (${data.length} bytes)`);
      continue;
    }
    if (view.getUint32(off, true) !== LOCAL_SIG) {
      at('corrupt', `bad local header signature at byte ${off}`);
      continue;
    }
    const nameLen = view.getUint16(off + 26, true);
    const dataOffset = off + LOCAL_SIZE + nameLen + view.getUint16(off + 28, true);
    const dataEnd = dataOffset + e.compressedSize;
    if (dataEnd > data.length) {
      at('truncated', `data ends at byte ${dataEnd}, file has ${data.length}`);
      continue;
    }
    if (dataEnd > cdStart) {
      at('corrupt', `data runs into the central directory`);
      continue;
    }
    // A different local name is how a file shows one name to one tool and another to the next.
    if (!sameBytes(data.subarray(off + LOCAL_SIZE, off + LOCAL_SIZE + nameLen), e.rawName)) {
      at('corrupt', 'local header has a different name than the central directory');
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
      problems.push(problem('corrupt', { ...entryWhere(cur, fileName), detail: `${quoteName(cur.name)}: overlaps the data of ${quoteName(prev.name)}` }));
    }
  }
  return problems;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
