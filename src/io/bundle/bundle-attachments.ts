import { bundleTables, MANIFEST_PATH, type AttachmentEntry, type BundleTable, type Manifest } from './bundle-format';
import { problemOf } from '../../domain/problem';
import { problem, type IoProblem } from '../problems';
import { sha256Hex } from '../sha256';
import { quoteName } from '../zip/zip-names';
import type { SafeZip } from '../zip/zip-reader';

type Records = { [T in BundleTable]: Record<string, unknown>[] };

const MAX_PROBLEMS = 200;

/**
 * Reads every attachment the manifest lists and checks it against the manifest and its evidence
 * record. `used` gets the entry names read. Every verified file comes back as a Blob by evidence id.
 */
export async function readAttachments(
  zip: SafeZip,
  manifest: Manifest,
  records: Records,
  problems: IoProblem[],
  warnings: IoProblem[],
  used: Set<string>,
): Promise<Map<string, Blob>> {
  const out = new Map<string, Blob>();
  const fileEvidence = new Map(records.evidence.filter((e) => e.kind === 'file').map((e) => [String(e.id), e]));
  // A file's SHA-256 (WebCrypto: off this thread in browsers) runs while the next file is inflated and
  // its CRC taken; every problem is still said in the manifest's order, each after the ones before.
  let before: Promise<void> = Promise.resolve();
  for (const a of manifest.attachments) {
    const ev = fileEvidence.get(a.id);
    if (!ev) {
      await before;
      problems.push(problem('attachment-orphan', { file: a.path, record: a.id }));
      continue;
    }
    if (!a.path.startsWith(`attachments/${a.id}/`)) {
      await before;
      problems.push(problem('manifest-invalid', { file: MANIFEST_PATH, record: a.id, field: 'attachments.path', detail: a.path }));
    } else {
      const name = zip.has(a.path) ? a.path : await before.then(() => otherName(zip, a, problems, warnings));
      if (name !== null) {
        used.add(name);
        const { bytes, blob } = await zip.readBlob(name);
        if (bytes.byteLength !== a.size || bytes.byteLength !== ev.size) {
          await before;
          problems.push(problemOf('attachment-size-mismatch', { reason: 'file-size', size: bytes.byteLength, expected: a.size }, { file: name, record: a.id }));
        } else before = hashed(before, sha256Hex(bytes), a, name, problems, out, blob);
      }
    }
    if (problems.length >= MAX_PROBLEMS) break;
  }
  await before;
  const missing = [...fileEvidence.keys()].filter((id) => !manifest.attachments.some((a) => a.id === id));
  if (missing.length > 0 && manifest.attachments.length > 0)
    for (const id of missing) problems.push(problem('attachment-missing', { file: bundleTables.evidence.file, record: id }));
  else if (missing.length > 0) warnings.push(problem('attachments-not-included', { file: MANIFEST_PATH, detail: String(missing.length) }));
  return out;
}

/** After the files before it: the file's checksum against the manifest's, and its Blob kept when they match. */
function hashed(
  before: Promise<void>,
  digest: Promise<string>,
  a: AttachmentEntry,
  name: string,
  problems: IoProblem[],
  out: Map<string, Blob>,
  blob: () => Blob,
): Promise<void> {
  const done = Promise.all([digest, before]).then(([hex]) => {
    if (hex !== a.sha256) problems.push(problem('attachment-checksum-mismatch', { file: name, record: a.id }));
    else out.set(a.id, blob());
  });
  // Awaited by the next file or at the end; this only keeps a failure from being reported unhandled
  // when a later read throws first.
  done.catch(() => undefined);
  return done;
}

/**
 * The attachment is not under its name, which another tool may have written in another encoding
 * (a Windows code page): never say "missing" when its folder holds a file. The one file of its
 * folder, of the listed size, is read under its own name (its checksum is still checked); several
 * files, or one of another size, are refused with the names found.
 */
async function otherName(zip: SafeZip, a: AttachmentEntry, problems: IoProblem[], warnings: IoProblem[]): Promise<string | null> {
  const folder = `attachments/${a.id}/`;
  const there = zip.entries.filter((e) => e.name.startsWith(folder));
  if (there.length === 0) {
    problems.push(problem('attachment-missing', { file: a.path, record: a.id }));
    return null;
  }
  // macOS writes names decomposed (NFD: "u" + combining diaeresis): the same name to a person and to the file system.
  const same = there.find((e) => e.name.normalize('NFC') === a.path.normalize('NFC'));
  if (same) return same.name;
  const found = there.map((e) => quoteName(e.name.slice(folder.length))).join(', ');
  if (there.length === 1 && there[0]!.size === a.size) {
    warnings.push(problem('attachment-renamed', { file: a.path, detail: found }));
    return there[0]!.name;
  }
  problems.push(problem('attachment-name-differs', { file: a.path, detail: found }));
  return null;
}
