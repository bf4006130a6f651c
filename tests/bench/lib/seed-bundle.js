import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * Builds a bench entry (tests/bench/<entry>) into one IIFE script (Vite library mode) and returns
 * its source, ready for page.evaluate.
 * @param {string} entryFile  file name under tests/bench
 * @param {string} name       the IIFE's global name
 * @returns {Promise<string>}
 */
export async function buildPageScript(entryFile, name) {
  const entry = fileURLToPath(new URL(`../${entryFile}`, import.meta.url));
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry, formats: ['iife'], name, fileName: () => `${name}.js` },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const out of outputs) {
    if (!('output' in out)) continue;
    for (const chunk of out.output) if (chunk.type === 'chunk' && chunk.isEntry) return chunk.code;
  }
  throw new Error(`the ${entryFile} bundle produced no entry chunk`);
}

/** tests/bench/seed-entry.js: defines window.__seed, window.__count and window.__seedBundle. */
export const buildSeedScript = () => buildPageScript('seed-entry.js', 'aimsBenchSeed');

/** tests/bench/floor-entry.js: defines window.__floor (JSZip, zod schemas and Dexie, no app code). */
export const buildFloorScript = () => buildPageScript('floor-entry.js', 'aimsBenchFloor');

/** tests/bench/sheets-floor-entry.js: defines window.__sheetsFloor (SheetJS, plain Dexie, no app code). */
export const buildSheetsFloorScript = () => buildPageScript('sheets-floor-entry.js', 'aimsBenchSheetsFloor');
