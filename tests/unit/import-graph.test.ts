import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/**
 * The real import graph of src/ (static, dynamic and type-only imports alike), checked against the
 * layers of docs/architecture.md: pages/ui → state → db/io/catalog → domain, with i18n beside the
 * domain. A layer folder that is empty still counts: nothing is tolerated by being absent.
 */

const SRC = 'src';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|svelte)$/.test(p) ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = normalize(join(dirname(from), spec));
  for (const candidate of [base, `${base}.ts`, `${base}.svelte.ts`, join(base, 'index.ts')]) {
    // Only code under src/ (the catalog's JSON and the stylesheet are data, not layers).
    if (/\.(ts|svelte)$/.test(candidate) && candidate.startsWith(`${SRC}/`) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/**
 * Every relative import of a file, resolved to a file under src/. The one exception: the domain's
 * type-only use of the message-key type (`import type { MessageKey } from '../i18n/messages-en'`),
 * which names strings the domain never looks up; it is a name, not a dependency on the wording.
 */
function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const specs = [...src.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)]
    .filter((m) => !(layerOf(file) === 'domain' && /^import\s+type\s+\{\s*MessageKey\s*\}\s+from\s+['"][./]+i18n\/messages-en['"]/.test(lineOf(src, m.index!))))
    .map((m) => m[1]!);
  return specs.map((s) => resolveImport(file, s)).filter((f): f is string => f !== null);
}

function lineOf(src: string, index: number): string {
  const start = src.lastIndexOf('\n', index) + 1;
  const end = src.indexOf('\n', index);
  return src.slice(start, end === -1 ? undefined : end).trim();
}

function layerOf(file: string): string {
  return relative(SRC, file)
    .split(/[\\/]/)[0]!
    .replace(/\.(ts|svelte)$/, '');
}
const all = files(SRC);
const graph = new Map(all.map((f) => [f, importsOf(f)]));

/** Which layers each layer may import (its own included). */
const ALLOWED: Record<string, readonly string[]> = {
  domain: ['domain', 'i18n'],
  i18n: ['i18n', 'domain'],
  catalog: ['catalog', 'domain', 'i18n'],
  db: ['db', 'io', 'domain', 'i18n', 'catalog'],
  io: ['io', 'domain', 'i18n', 'catalog'],
  state: ['state', 'db', 'io', 'catalog', 'domain', 'i18n'],
  // The UI calls io entry points and reads their result types (architecture.md), never the database.
  ui: ['ui', 'state', 'io', 'domain', 'i18n'],
  // Pages call repository functions (never Dexie or the database module: architecture.test.ts).
  pages: ['pages', 'ui', 'state', 'db', 'io', 'catalog', 'domain', 'i18n'],
  sw: ['sw', 'domain'],
  App: ['pages', 'ui', 'state', 'i18n', 'domain'],
  // The entry mounts the app, or the notice shown instead of it inside another site's frame.
  main: ['App', 'ui', 'state', 'i18n'],
};

describe('the import graph of src', () => {
  it('resolves imports (sanity: the graph is not empty and reaches every layer)', () => {
    const layers = new Set(all.map(layerOf));
    for (const l of ['domain', 'i18n', 'catalog', 'db', 'io', 'state', 'ui', 'pages']) expect(layers.has(l), l).toBe(true);
    expect([...graph.values()].flat().length).toBeGreaterThan(500);
  });

  it('imports downward only: no layer reaches one above it (io never reads the database layer)', () => {
    const upward: string[] = [];
    for (const [file, deps] of graph) {
      const from = layerOf(file);
      const allowed = ALLOWED[from];
      for (const dep of deps) if (!allowed?.includes(layerOf(dep))) upward.push(`${file} -> ${dep}`);
    }
    expect(upward).toEqual([]);
  });

  it('keeps the message catalogue out of io: io names message keys (import type) but its caller hands it the words', () => {
    const runtime: string[] = [];
    for (const file of all.filter((f) => layerOf(f) === 'io')) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)) {
        const dep = resolveImport(file, m[1]!);
        if (!dep || layerOf(dep) !== 'i18n') continue;
        const statement = src.slice(src.lastIndexOf('\n', src.lastIndexOf('import', m.index! + m[0].length)) + 1, m.index! + m[0].length);
        if (!/^\s*(import|export)\s+type\s/.test(statement)) runtime.push(`${file} -> ${dep}`);
      }
    }
    expect(runtime).toEqual([]);
  });

  it('has no cycle between layer folders', () => {
    const edges = new Set<string>();
    for (const [file, deps] of graph) for (const dep of deps) if (layerOf(file) !== layerOf(dep)) edges.add(`${layerOf(file)}>${layerOf(dep)}`);
    const mutual = [...edges].filter((e) => edges.has(e.split('>').reverse().join('>')));
    expect(mutual).toEqual([]);
  });

  it('keeps src/io in feature folders that import each other one way only, never a cycle', () => {
    const folderOf = (f: string) => (f.startsWith('src/io/') ? (f.split('/').length > 3 ? f.split('/')[2]! : 'shared') : null);
    const edges = new Map<string, Set<string>>();
    for (const [file, deps] of graph) {
      const from = folderOf(file);
      if (!from) continue;
      for (const dep of deps) {
        const to = folderOf(dep);
        if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    expect([...edges.keys()].sort()).toEqual(expect.arrayContaining(['bundle', 'mapping', 'sheets']));
    // Depth-first: a folder reached again while still on the path is a cycle.
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      for (const next of edges.get(node) ?? []) {
        if (path.includes(next)) cycles.push([...path, next].join(' > '));
        else visit(next, [...path, next]);
      }
    };
    for (const start of edges.keys()) visit(start, [start]);
    expect(cycles).toEqual([]);
    // The shared files at the io root are leaves: they import no feature folder.
    expect([...(edges.get('shared') ?? [])]).toEqual([]);
  });
});
