// The JavaScript the start page loads, read from the Vite manifest of a finished build: the entry
// chunk, its static imports, and the catalog files those chunks import (the catalog structure and
// its titles, which the start page always fetches; the guidance text loads with the item pages).
// Used by `npm run size` (first-screen-size.js) and printed by the bench (tests/bench/run.js).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

/** Issue 19: the first screen after the app shell stays within 125 KB of gzipped JavaScript. */
export const FIRST_SCREEN_BUDGET_BYTES = 125 * 1024;

/**
 * @typedef {{file: string, isEntry?: boolean, imports?: string[], dynamicImports?: string[]}} Chunk
 * @typedef {{file: string, gzip: number}} Measured
 */

/** @param {string} dist @param {string} file */
const gzipOf = (dist, file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

/**
 * @param {string} dist a build directory (with .vite/manifest.json)
 * @returns {{files: Measured[], total: number, shellExtra: number | null, problems: string[]}}
 */
export function measureFirstScreen(dist) {
  /** @type {Record<string, Chunk>} */
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) throw new Error('no entry chunk in the manifest');

  const seen = new Set();
  const stack = [entry];
  while (stack.length) {
    const key = /** @type {string} */ (stack.pop());
    if (seen.has(key)) continue;
    seen.add(key);
    for (const dep of manifest[key]?.imports ?? []) stack.push(dep);
    // The catalog's files are lazy chunks, but the start page always fetches the ones it can import: count them too.
    for (const dep of manifest[key]?.dynamicImports ?? []) if (dep.startsWith('catalog/')) stack.push(dep);
  }

  /** @type {Measured[]} */
  const files = [];
  const problems = [];
  for (const key of seen) {
    const file = manifest[key]?.file;
    if (!file?.endsWith('.js')) continue;
    files.push({ file, gzip: gzipOf(dist, file) });
    const text = readFileSync(join(dist, file), 'utf8');
    if (/JSZip|jszip/.test(text)) problems.push(`${file} contains JSZip`);
    if (/SheetJS|sheetjs/.test(text)) problems.push(`${file} contains SheetJS`);
    // The YAML parser (eemeli/yaml) is for CISO Assistant matrix files only: it loads on use.
    if (/Excessive alias count indicates a resource exhaustion attack/.test(text)) problems.push(`${file} contains the YAML parser`);
  }
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  if (total > FIRST_SCREEN_BUDGET_BYTES) problems.push(`over budget by ${((total - FIRST_SCREEN_BUDGET_BYTES) / 1024).toFixed(1)} KB`);

  // For the record (no budget): a workspace's dashboard also loads the workspace shell chunk and its static imports.
  const shell = Object.keys(manifest).find((k) => k.endsWith('pages/WorkspaceShell.svelte'));
  let shellExtra = null;
  if (shell) {
    shellExtra = 0;
    const extra = [shell];
    const counted = new Set(seen);
    while (extra.length) {
      const key = /** @type {string} */ (extra.pop());
      if (counted.has(key)) continue;
      counted.add(key);
      for (const dep of manifest[key]?.imports ?? []) extra.push(dep);
      const file = manifest[key]?.file;
      if (file?.endsWith('.js')) shellExtra += gzipOf(dist, file);
    }
  }
  return { files, total, shellExtra, problems };
}

/** @param {number} bytes */
export const kb = (bytes) => (bytes / 1024).toFixed(1);
