import type { ZipDetailCode } from '../../domain/zip-problem-codes';
import type { IoProblem } from '../problems';
import type { CentralEntry } from './zip-directory';
import { entryWhere } from './zip-local';
import { foldName, nameIssueFacts, quoteName } from './zip-names';
import { zipProblem, type ZipFacts } from './zip-problem';
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
    const name = quoteName(e.name);
    const report = (code: string, reason: ZipDetailCode, facts: ZipFacts = {}) =>
      problems.push(zipProblem(code, reason, { name, ...facts }, entryWhere(e, fileName)));
    if (e.unsafe !== null) {
      problems.push(zipProblem('unsafe-name', e.unsafe.reason, nameIssueFacts(e.unsafe), entryWhere(e, fileName)));
      continue;
    }
    if (e.isDirectory) continue;

    // Keyed by the decoded name: two different raw names can decode to one (a UTF-8 name, a Unicode Path field).
    const nameKey = e.name;
    const foldKey = foldName(e.name);
    const same = exact.get(nameKey);
    const alias = folded.get(foldKey);
    if (same) report('duplicate-name', 'zip-name-repeated');
    else if (alias) report('duplicate-name', 'zip-name-alias', { other: quoteName(alias.name) });
    exact.set(nameKey, e);
    if (!alias) folded.set(foldKey, e);

    if (e.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_ENCRYPTED_DIRECTORY)) report('encrypted-entry', 'zip-entry-encrypted');
    else if (e.method !== STORED && e.method !== DEFLATE) report('unsupported-compression', 'zip-method', { method: e.method });
    else if (e.method === STORED && e.size !== e.compressedSize) report('size-mismatch', 'zip-stored-size', { size: e.size, compressed: e.compressedSize });

    total += e.size;
    compressedTotal += e.compressedSize;
    if (e.size > limits.maxEntryBytes) report('entry-too-large', 'zip-entry-declares', { size: e.size, limit: limits.maxEntryBytes });
    if (e.size > RATIO_MIN_SIZE) {
      // Nothing compressed counts as one byte: the ratio stays a number a person can read.
      const ratio = e.size / Math.max(1, e.compressedSize);
      if (ratio > limits.maxRatio) {
        report('ratio-too-high', 'zip-entry-ratio', { size: e.size, compressed: e.compressedSize, ratio: tenths(ratio), limit: limits.maxRatio });
      }
    }
  }
  if (total > limits.maxTotalBytes) {
    problems.push(zipProblem('too-large', 'zip-total-declared', { size: total, limit: limits.maxTotalBytes }, { file: fileName }));
  }
  const ratio = total / Math.max(1, compressedTotal);
  // An entry already refused for its own ratio says it: the archive's ratio would only repeat it.
  const entryRatio = problems.some((p) => p.code === 'ratio-too-high');
  if (!entryRatio && limits.maxArchiveRatio !== undefined && total > ARCHIVE_RATIO_MIN_SIZE && ratio > limits.maxArchiveRatio) {
    const facts = { size: total, compressed: compressedTotal, ratio: tenths(ratio), limit: limits.maxArchiveRatio };
    problems.push(zipProblem('archive-ratio-too-high', 'zip-archive-ratio', facts, { file: fileName }));
  }
  return problems;
}

const tenths = (n: number): number => Math.round(n * 10) / 10;
