import { problem, type IoProblem } from '../problems';
import type { CentralEntry } from './zip-directory';
import { entryWhere } from './zip-local';
import { foldName, quoteName } from './zip-names';
import type { ZipLimits } from './zip-reader';

const STORED = 0;
const DEFLATE = 8;
const FLAG_ENCRYPTED = 0x1;
const FLAG_STRONG_ENCRYPTION = 0x40;
const FLAG_ENCRYPTED_DIRECTORY = 0x2000;
/** Small entries may compress extremely well (a file of spaces); the ratio cap only bites above this. */
const RATIO_MIN_SIZE = 1024 * 1024;
/** The whole-archive ratio only bites when the archive declares more than this: a small bundle may compress very well. */
const ARCHIVE_RATIO_MIN_SIZE = 32 * 1024 * 1024;

/**
 * Everything that can be judged from the central directory before inflating a byte: names,
 * duplicates, flags and the size caps. Collects every problem instead of stopping at the first.
 */
export function checkEntries(entries: CentralEntry[], fileName: string, limits: ZipLimits): IoProblem[] {
  const problems: IoProblem[] = [];
  const exact = new Map<string, CentralEntry>();
  const folded = new Map<string, CentralEntry>();
  let total = 0;
  let compressedTotal = 0;
  for (const e of entries) {
    const report = (code: string, detail: string) => problems.push(problem(code, { ...entryWhere(e, fileName), detail: `${quoteName(e.name)}: ${detail}` }));
    if (e.unsafe !== null) {
      report('unsafe-name', e.unsafe);
      continue;
    }
    if (e.isDirectory) continue;

    // Keyed by the decoded name: two different raw names can decode to one (a UTF-8 name, a Unicode Path field).
    const nameKey = e.name;
    const foldKey = foldName(e.name);
    const same = exact.get(nameKey);
    const alias = folded.get(foldKey);
    if (same) report('duplicate-name', 'appears more than once');
    else if (alias) report('duplicate-name', `same file as ${quoteName(alias.name)} when case and Unicode form are ignored`);
    exact.set(nameKey, e);
    if (!alias) folded.set(foldKey, e);

    if (e.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_ENCRYPTED_DIRECTORY)) report('encrypted-entry', 'entry is encrypted');
    else if (e.method !== STORED && e.method !== DEFLATE) report('unsupported-compression', `compression method ${e.method} (only 0 stored and 8 deflate)`);
    else if (e.method === STORED && e.size !== e.compressedSize) {
      report('size-mismatch', `stored entry declares ${e.size} bytes but holds ${e.compressedSize}`);
    }

    total += e.size;
    compressedTotal += e.compressedSize;
    if (e.size > limits.maxEntryBytes) report('entry-too-large', `declares ${e.size} bytes (limit ${limits.maxEntryBytes})`);
    if (e.size > RATIO_MIN_SIZE) {
      const ratio = e.compressedSize > 0 ? e.size / e.compressedSize : Infinity;
      if (ratio > limits.maxRatio) {
        report('ratio-too-high', `declares ${e.size} bytes from ${e.compressedSize} compressed (ratio ${ratio.toFixed(1)}, limit ${limits.maxRatio})`);
      }
    }
  }
  if (total > limits.maxTotalBytes) {
    problems.push(problem('too-large', { file: fileName, detail: `entries declare ${total} bytes in total (limit ${limits.maxTotalBytes})` }));
  }
  const ratio = total / Math.max(1, compressedTotal);
  // An entry already refused for its own ratio says it: the archive's ratio would only repeat it.
  const entryRatio = problems.some((p) => p.code === 'ratio-too-high');
  if (!entryRatio && limits.maxArchiveRatio !== undefined && total > ARCHIVE_RATIO_MIN_SIZE && ratio > limits.maxArchiveRatio) {
    const detail = `entries declare ${total} bytes in total from ${compressedTotal} compressed (ratio ${ratio.toFixed(1)}, limit ${limits.maxArchiveRatio})`;
    problems.push(problem('archive-ratio-too-high', { file: fileName, detail }));
  }
  return problems;
}
