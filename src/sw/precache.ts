/**
 * The service worker's precache list and version, built from the files of a finished build.
 * Pure (no Node, no DOM): the Vite plugin in vite.config.ts feeds it the emitted files, and
 * tests/unit/service-worker-precache.test.ts checks it.
 */

/** One file of the build output: its path relative to dist, and its bytes (or text). */
export interface BuiltFile {
  fileName: string;
  content: string | Uint8Array;
}

export interface Precache {
  /** Changes whenever any precached file's name or content changes. */
  version: string;
  /** Every URL to cache, relative to the service worker's scope ("./index.html", "./assets/…"). */
  urls: string[];
}

/** The token in src/sw/service-worker.js that the build replaces with the precache JSON. */
export const PRECACHE_TOKEN = '__PRECACHE_MANIFEST__';

/** Build metadata, source maps and the service worker itself are never precached. */
export function isPrecached(fileName: string): boolean {
  const name = normalizeName(fileName);
  if (name === '' || name.endsWith('/')) return false;
  if (name === 'sw.js') return false;
  if (name.startsWith('.vite/') || name.split('/').some((part) => part.startsWith('.'))) return false;
  return !name.endsWith('.map');
}

export function normalizeName(fileName: string): string {
  return fileName.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
}

const encoder = new TextEncoder();

/**
 * A 64-bit content hash (two independent 32-bit multiply-xor lanes) as 16 hex digits. It only has to
 * tell builds apart, not resist an attacker: every precached file is same-origin anyway.
 */
export function contentHash(content: string | Uint8Array): string {
  const bytes = typeof content === 'string' ? encoder.encode(content) : content;
  let h1 = 0xdeadbeef ^ bytes.length;
  let h2 = 0x41c6ce57 ^ bytes.length;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    h1 = Math.imul(h1 ^ b, 2654435761);
    h2 = Math.imul(h2 ^ b, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

function toUrl(name: string): string {
  return `./${name.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * Sorted, de-duplicated URLs of every precacheable file, and a version derived from each file's
 * name and content: the same build always gives the same version, any change gives a new one.
 * A later file with the same name wins (the bundle's own output over a copied static file).
 */
export function buildPrecache(files: readonly BuiltFile[]): Precache {
  const byName = new Map<string, string | Uint8Array>();
  for (const file of files) {
    if (isPrecached(file.fileName)) byName.set(normalizeName(file.fileName), file.content);
  }
  const names = [...byName.keys()].sort();
  if (!names.includes('index.html')) throw new Error('the build has no index.html to precache');
  const fingerprint = names.map((name) => `${name}\u0000${contentHash(byName.get(name)!)}`).join('\n');
  return { version: contentHash(fingerprint), urls: names.map(toUrl) };
}

/** The service worker's source with its precache list filled in. */
export function renderServiceWorker(template: string, precache: Precache): string {
  const parts = template.split(PRECACHE_TOKEN);
  if (parts.length !== 2) throw new Error(`the service worker template must contain ${PRECACHE_TOKEN} exactly once`);
  return parts.join(JSON.stringify(precache));
}
