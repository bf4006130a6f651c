import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { core } from '../../src/i18n/en/core';
import { en } from '../../src/i18n/messages-en';

/**
 * The first screen ships only the core strings (src/i18n/en/core.ts); the rest loads with the lazy
 * pages. Every module the entry reaches through static imports must therefore use core keys only.
 */
function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of source.matchAll(/^\s*import\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'(\.[^']+)'/gm)) {
    const base = normalize(join(dirname(file), m[1]!));
    const candidate = [base, `${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p) && /\.(ts|svelte)$/.test(p));
    if (candidate) found.push(candidate);
  }
  return found;
}

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...staticImports(file));
  }
  return seen;
}

describe('first-screen messages', () => {
  // The workspace shell loads after the start page, but with the same core strings (no loadMessages):
  // its dashboard, walkthrough, SoA and profile pages count as first-screen modules too.
  const files = [...new Set([...reachable(normalize('src/main.ts')), ...reachable(normalize('src/pages/WorkspaceShell.svelte'))])];

  it('follows the static imports (sanity: the start and walkthrough pages are reached, a lazy register page is not)', () => {
    expect(files).toContain(normalize('src/pages/HomePage.svelte'));
    expect(files).toContain(normalize('src/pages/ItemPage.svelte'));
    expect(files).not.toContain(normalize('src/pages/RisksPage.svelte'));
  });

  // Reached statically for their schemas and helpers (the SoA's risk-treatment links), but their field
  // declarations are rendered only by the lazy register pages.
  const declaredForLazyPages = ['src/domain/risk-schema.ts', 'src/domain/own-control-schema.ts'].map((f) => normalize(f));

  it('uses only core keys in every statically reached module', () => {
    const keys = Object.keys(en);
    const missing: string[] = [];
    for (const file of files.filter((f) => !f.includes('/i18n/') && !declaredForLazyPages.includes(f))) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/'([\w.-]+)'/g)) {
        const key = m[1]!;
        if (key in en && !(key in core)) missing.push(`${file}: ${key}`);
      }
      // Option prefixes used by field declarations and tOption calls.
      for (const m of source.matchAll(/(?:optionPrefix: |tOption\()'([\w.-]+)'/g)) {
        const prefix = `${m[1]!}.`;
        for (const key of keys) if (key.startsWith(prefix) && !(key in core)) missing.push(`${file}: ${key}`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });
});
