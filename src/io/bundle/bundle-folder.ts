import { MANIFEST_PATH } from './bundle-format';
import { problem, type IoProblem } from '../problems';
import { quoteName } from '../zip/zip-names';
import type { SafeZip } from '../zip/zip-reader';

/**
 * A bundle folder compressed as a folder ("Compress" in Finder or Explorer) holds the bundle one
 * folder down: `AIMS bundle/manifest.json`. Exactly one such level is accepted; deeper nesting or
 * several top folders are refused, since which folder is the bundle would be a guess.
 */

const SHOWN_FOLDERS = 5;

/** What macOS and Windows add to a folder they compress; never part of a bundle (exported names never start with a dot). */
export function isSystemFile(name: string): boolean {
  if (name.startsWith('__MACOSX/')) return true;
  const base = name.slice(name.lastIndexOf('/') + 1);
  return base === '.DS_Store' || base.startsWith('._') || base === 'Thumbs.db' || base === 'desktop.ini';
}

export type BundleRoot = { ok: true; zip: SafeZip; warnings: IoProblem[] } | { ok: false; problems: IoProblem[] };

export function findBundleRoot(zip: SafeZip, fileName: string): BundleRoot {
  if (zip.has(MANIFEST_PATH)) return { ok: true, zip, warnings: [] };
  const names = zip.entries.map((e) => e.name).filter((n) => !isSystemFile(n));
  const tops = [...new Set(names.map((n) => n.slice(0, n.indexOf('/') + 1) || n))];
  const top = tops[0];
  if (tops.length === 1 && top?.endsWith('/') && zip.has(top + MANIFEST_PATH)) {
    return { ok: true, zip: within(zip, top), warnings: [problem('bundle-in-folder', { file: fileName, detail: quoteName(top.slice(0, -1)) })] };
  }
  const manifests = names.filter((n) => n.endsWith(`/${MANIFEST_PATH}`)).sort((a, b) => depth(a) - depth(b));
  if (manifests.length === 0) return refuse(problem('manifest-missing', { file: fileName }));
  if (tops.length > 1) {
    const folders = tops.slice(0, SHOWN_FOLDERS).map((n) => quoteName(n.replace(/\/$/, '')));
    if (tops.length > SHOWN_FOLDERS) folders.push('…');
    return refuse(problem('bundle-folders-several', { file: fileName, detail: folders.join(', ') }));
  }
  return refuse(problem('bundle-folder-too-deep', { file: fileName, detail: quoteName(manifests[0]!) }));
}

function refuse(p: IoProblem): BundleRoot {
  return { ok: false, problems: [p] };
}

function depth(name: string): number {
  return name.split('/').length;
}

/** The zip seen from inside one folder: names without the folder, the system's files left out. */
function within(zip: SafeZip, folder: string): SafeZip {
  return {
    entries: zip.entries.filter((e) => e.name.startsWith(folder) && !isSystemFile(e.name)).map((e) => ({ ...e, name: e.name.slice(folder.length) })),
    has: (name) => zip.has(folder + name),
    read: (name, maxBytes) => zip.read(folder + name, maxBytes),
    readText: (name) => zip.readText(folder + name),
    readBlob: (name) => zip.readBlob(folder + name),
  };
}
