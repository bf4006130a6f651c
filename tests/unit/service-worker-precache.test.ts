import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildPrecache, contentHash, isPrecached, PRECACHE_TOKEN, renderServiceWorker, type BuiltFile } from '../../src/sw/precache';

const build: BuiltFile[] = [
  { fileName: 'index.html', content: '<!doctype html><script type="module" src="./assets/index-abc.js"></script>' },
  { fileName: 'assets/index-abc.js', content: 'import("./RisksPage-def.js")' },
  { fileName: 'assets/RisksPage-def.js', content: 'export default 1' },
  { fileName: 'assets/bundle.worker-ghi.js', content: 'self.onmessage = () => {}' },
  { fileName: 'assets/index-jkl.css', content: 'body{margin:0}' },
  { fileName: 'assets/structure-mno.js', content: 'export default {"items":[]}' },
  { fileName: 'favicon.svg', content: new Uint8Array([60, 115, 118, 103, 62]) },
  { fileName: 'manifest.webmanifest', content: '{"name":"AIMS Workbench"}' },
  { fileName: 'icon-192.png', content: new Uint8Array([137, 80, 78, 71]) },
  { fileName: '.vite/manifest.json', content: '{}' },
  { fileName: 'assets/index-abc.js.map', content: '{}' },
  { fileName: 'sw.js', content: 'old worker' },
];

describe('service worker precache list', () => {
  it('lists every emitted file relative to the scope, sorted, without build metadata, source maps or itself', () => {
    expect(buildPrecache(build).urls).toEqual([
      './assets/RisksPage-def.js',
      './assets/bundle.worker-ghi.js',
      './assets/index-abc.js',
      './assets/index-jkl.css',
      './assets/structure-mno.js',
      './favicon.svg',
      './icon-192.png',
      './index.html',
      './manifest.webmanifest',
    ]);
  });

  it('normalizes Windows separators and leading slashes, drops duplicates and encodes unsafe characters', () => {
    const { urls } = buildPrecache([
      { fileName: 'index.html', content: 'a' },
      { fileName: 'assets\\a b#1.js', content: 'x' },
      { fileName: '/assets/a b#1.js', content: 'x' },
      { fileName: './favicon.svg', content: 'y' },
    ]);
    expect(urls).toEqual(['./assets/a%20b%231.js', './favicon.svg', './index.html']);
  });

  it('refuses a build without index.html: navigations could not be answered offline', () => {
    expect(() => buildPrecache([{ fileName: 'assets/a.js', content: '' }])).toThrow(/index\.html/);
  });

  it('excludes hidden folders, maps and the worker itself', () => {
    expect(isPrecached('.vite/manifest.json')).toBe(false);
    expect(isPrecached('assets/.hidden')).toBe(false);
    expect(isPrecached('assets/a.js.map')).toBe(false);
    expect(isPrecached('sw.js')).toBe(false);
    expect(isPrecached('assets/sw.js')).toBe(true);
    expect(isPrecached('icon-512.png')).toBe(true);
  });
});

describe('service worker version', () => {
  const version = buildPrecache(build).version;

  it('is stable for the same build, whatever the order of the files', () => {
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(buildPrecache([...build].reverse()).version).toBe(version);
  });

  it('changes when any precached file changes, is added or is renamed', () => {
    const changed = build.map((f) => (f.fileName === 'manifest.webmanifest' ? { ...f, content: '{"name":"AIMS"}' } : f));
    expect(buildPrecache(changed).version).not.toBe(version);
    const changedBytes = build.map((f) => (f.fileName === 'icon-192.png' ? { ...f, content: new Uint8Array([137, 80, 78, 72]) } : f));
    expect(buildPrecache(changedBytes).version).not.toBe(version);
    expect(buildPrecache([...build, { fileName: 'assets/new-xyz.js', content: '' }]).version).not.toBe(version);
    const renamed = build.map((f) => (f.fileName === 'assets/RisksPage-def.js' ? { ...f, fileName: 'assets/RisksPage-zzz.js' } : f));
    expect(buildPrecache(renamed).version).not.toBe(version);
  });

  it('ignores files that are not precached', () => {
    const noise = build.map((f) => (f.fileName === '.vite/manifest.json' || f.fileName === 'sw.js' ? { ...f, content: 'different' } : f));
    expect(buildPrecache(noise).version).toBe(version);
  });

  it('hashes text as its UTF-8 bytes and tells near inputs apart', () => {
    expect(contentHash('Annex A — 38')).toBe(contentHash(new TextEncoder().encode('Annex A — 38')));
    expect(contentHash('')).toMatch(/^[0-9a-f]{16}$/);
    const seen = new Set(['a', 'b', 'ab', 'ba', 'a\u0000', '', ' '].map((s) => contentHash(s)));
    expect(seen.size).toBe(7);
  });
});

describe('service worker source', () => {
  const template = readFileSync('src/sw/service-worker.js', 'utf8');

  it('has the precache token exactly once and renders to valid JavaScript with the list inlined', () => {
    const precache = buildPrecache(build);
    const source = renderServiceWorker(template, precache);
    expect(source).not.toContain(PRECACHE_TOKEN);
    expect(source).toContain(JSON.stringify(precache));
    expect(() => new Function(source)).not.toThrow();
  });

  it('refuses a template without the token', () => {
    expect(() => renderServiceWorker('const x = 1;', buildPrecache(build))).toThrow(PRECACHE_TOKEN);
  });

  it('only ever handles same-origin GET requests and never caches responses at fetch time', () => {
    expect(template).toMatch(/request\.method !== 'GET'\) return/);
    expect(template).toMatch(/url\.origin !== self\.location\.origin\) return/);
    // cache.put happens only in the install handler, for precached URLs.
    expect(template.match(/cache\.put\(/g)?.length).toBe(2);
    expect(template.indexOf('cache.put(')).toBeLessThan(template.indexOf("addEventListener('activate'"));
  });
});
