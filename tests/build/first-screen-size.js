// Measures the JavaScript the start page loads (entry chunk, its static imports and the catalog) from
// the Vite manifest of a finished `npm run build`, and fails when it passes the budget
// or pulls in JSZip, SheetJS or the YAML parser, which must load on demand only.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_BYTES = 150 * 1024;
const dist = process.argv[2] ?? 'dist';
/** @type {Record<string, {file: string, isEntry?: boolean, imports?: string[], dynamicImports?: string[]}>} */
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
  // The catalog is a lazy chunk, but the start page always fetches it: count it too.
  for (const dep of manifest[key]?.dynamicImports ?? []) if (dep.startsWith('catalog/')) stack.push(dep);
}

let total = 0;
const problems = [];
for (const key of seen) {
  const file = manifest[key]?.file;
  if (!file?.endsWith('.js')) continue;
  const code = readFileSync(join(dist, file));
  const gz = gzipSync(code, { level: 9 }).length;
  total += gz;
  console.log(`  ${file}: ${(gz / 1024).toFixed(1)} KB gzipped`);
  const text = code.toString('utf8');
  if (/JSZip|jszip/.test(text)) problems.push(`${file} contains JSZip`);
  if (/SheetJS|sheetjs/.test(text)) problems.push(`${file} contains SheetJS`);
  // The YAML parser (eemeli/yaml) is for CISO Assistant matrix files only: it loads on use.
  if (/Excessive alias count indicates a resource exhaustion attack/.test(text)) problems.push(`${file} contains the YAML parser`);
}
console.log(`first-screen JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_BYTES / 1024} KB)`);

// For the record (no budget): a workspace's dashboard also loads the workspace shell chunk and its static imports.
const shell = Object.keys(manifest).find((k) => k.endsWith('pages/WorkspaceShell.svelte'));
if (shell) {
  let more = 0;
  const extra = [shell];
  const counted = new Set(seen);
  while (extra.length) {
    const key = /** @type {string} */ (extra.pop());
    if (counted.has(key)) continue;
    counted.add(key);
    for (const dep of manifest[key]?.imports ?? []) extra.push(dep);
    const file = manifest[key]?.file;
    if (file?.endsWith('.js')) more += gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  }
  console.log(`a workspace's dashboard adds: ${(more / 1024).toFixed(1)} KB gzipped (start page + shell: ${((total + more) / 1024).toFixed(1)} KB)`);
}
if (total > BUDGET_BYTES) problems.push(`over budget by ${((total - BUDGET_BYTES) / 1024).toFixed(1)} KB`);
if (problems.length) {
  for (const p of problems) console.error(`first-screen check failed: ${p}`);
  process.exit(1);
}
