import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string): string[] {
  // A layer folder with no files yet (src/io) is not in a clean clone at all.
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

function offenders(dir: string, forbidden: RegExp): string[] {
  return files(dir).flatMap((f) =>
    imports(f)
      .filter((i) => forbidden.test(i))
      .map((i) => `${f} -> ${i}`),
  );
}

describe('layers import downward only', () => {
  it('keeps Dexie and the database module out of pages and ui', () => {
    expect(offenders('src/pages', /^dexie$|\/db\/database$|\/db\/observe$/)).toEqual([]);
    expect(offenders('src/ui', /^dexie$|\/db\//)).toEqual([]);
  });

  it('keeps the domain free of Svelte, Dexie, the browser layers and heavy libraries', () => {
    expect(offenders('src/domain', /^svelte|^dexie$|^jszip$|^xlsx$|\/(db|io|state|ui|pages|catalog)\//)).toEqual([]);
  });

  it('keeps db, io and catalog free of UI and state', () => {
    for (const dir of ['src/db', 'src/catalog', 'src/io']) expect(offenders(dir, /\/(state|ui|pages)\/|\.svelte$/)).toEqual([]);
  });

  it('loads JSZip and SheetJS only through dynamic import()', () => {
    const statics = files('src').flatMap((f) => {
      const src = readFileSync(f, 'utf8');
      return [...src.matchAll(/^\s*import[^(]*from\s+['"](jszip|xlsx)['"]/gm)].map(() => f);
    });
    expect(statics).toEqual([]);
  });

  it('never renders HTML from strings', () => {
    const html = files('src').filter((f) => f.endsWith('.svelte') && readFileSync(f, 'utf8').includes('{@html'));
    expect(html).toEqual([]);
  });
});
