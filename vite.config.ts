/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { buildPrecache, renderServiceWorker, type BuiltFile } from './src/sw/precache.js';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/**
 * A name for the code a build is made from: SHA-256 of every file under src/ and catalog/ and of the
 * locked dependencies. Two workers of one build (the dashboard's and the bundle's) name the code
 * that worked figures out by it (src/state/dashboard-keys.ts), so figures one of them kept are used
 * by the other, and never by a build of other code.
 */
function sourceName(): string {
  const root = fileURLToPath(new URL('.', import.meta.url));
  const files = [...filesUnder(join(root, 'src')), ...filesUnder(join(root, 'catalog')), join(root, 'package-lock.json')].filter(existsSync).sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex').slice(0, 32);
}

/**
 * Writes dist/sw.js (src/sw/service-worker.js with its precache list filled in) once the bundle is
 * written: every emitted chunk and asset (lazy chunks, workers, CSS, the catalog chunks, index.html)
 * plus the copied static/ files, and a version derived from all their contents.
 */
function serviceWorkerPlugin(): Plugin {
  let publicDir = '';
  let outDir = 'dist';
  const template = fileURLToPath(new URL('./src/sw/service-worker.js', import.meta.url));
  return {
    name: 'aims-service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      publicDir = config.build.copyPublicDir ? config.publicDir : '';
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      const files: BuiltFile[] = filesUnder(publicDir).map((p) => ({ fileName: relative(publicDir, p), content: readFileSync(p) }));
      for (const out of Object.values(bundle)) files.push({ fileName: out.fileName, content: out.type === 'chunk' ? out.code : out.source });
      const precache = buildPrecache(files);
      writeFileSync(join(dir, 'sw.js'), renderServiceWorker(readFileSync(template, 'utf8'), precache));
      this.info(`sw.js: ${precache.urls.length} files precached, version ${precache.version}`);
    },
  };
}

/**
 * `catalog/…/<locale>.json?titles`: a catalog text file without its guidance (summary, questions,
 * evidence): the start page needs titles only (src/catalog/load-catalog-titles.ts), and the whole
 * file loads with the first item page.
 */
function catalogTitlesPlugin(): Plugin {
  return {
    name: 'aims-catalog-titles',
    enforce: 'pre',
    load(id) {
      const [file, query] = id.split('?');
      if (query !== 'titles' || !file?.endsWith('.json')) return null;
      this.addWatchFile(file);
      const text = JSON.parse(readFileSync(file, 'utf8')) as { items: Record<string, { title?: string }> };
      const items = Object.fromEntries(Object.entries(text.items).map(([id, item]) => [id, { title: item.title }]));
      return { code: `export default ${JSON.stringify({ ...text, items })};`, moduleType: 'js' };
    },
  };
}

export default defineConfig({
  plugins: [catalogTitlesPlugin(), svelte(), serviceWorkerPlugin()],
  publicDir: 'static',
  base: './',
  define: { __AIMS_SOURCE__: JSON.stringify(sourceName()) },
  build: {
    target: 'es2022',
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    // No <link> per chunk (issue 19, no page task over 50 ms): a page reached by import() had Vite's helper
    // append 15–45 modulepreload and stylesheet links in one task, each starting a fetch there (20–50 ms
    // of the workspace's and the page's start-up tasks, traced), and wait for each stylesheet to load.
    // The browser fetches a chunk's imports itself as it reads them, and all the CSS (about 12 KB
    // gzipped) comes with index.html. Print rules in a page's CSS therefore apply to every page: they
    // are scoped to their sheet or named (@page soa-sheet, ia-sheet).
    modulePreload: false,
    cssCodeSplit: false,
  },
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: false },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/db/**/*.test.ts', 'tests/components/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
  },
});
