import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * Builds tests/bench/seed-entry.js into one IIFE script (Vite library mode) and returns its source,
 * ready for page.evaluate: it defines window.__seed and window.__count.
 * @returns {Promise<string>}
 */
export async function buildSeedScript() {
  const entry = fileURLToPath(new URL('../seed-entry.js', import.meta.url));
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry, formats: ['iife'], name: 'aimsBenchSeed', fileName: () => 'seed.js' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const out of outputs) {
    if (!('output' in out)) continue;
    for (const chunk of out.output) if (chunk.type === 'chunk' && chunk.isEntry) return chunk.code;
  }
  throw new Error('the seed bundle produced no entry chunk');
}
