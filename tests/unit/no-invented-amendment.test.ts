import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// ISO/IEC 42001:2023 has no amendment: the February 2024 climate-action amendment changed older
// management-system standards (ISO 9001, 14001, 27001 …), and 42001 was published with the
// climate-change text already in 4.1 and 4.2. Nothing we ship may say otherwise.

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((f) => files(join(path, f)));
}

const TEXT = /\.(ts|svelte|json|md|html|css|js)$/;

/** Each rule names what it catches, so that a hit says why it is wrong. */
const RULES: { why: string; test: (line: string) => boolean }[] = [
  { why: 'an amendment named on a line about 42001', test: (l) => /42001/.test(l) && /\bamendment|\bamd\b|修正案|修改单/i.test(l) },
  { why: 'Amendment 1 / Amd 1', test: (l) => /\bamendment\s*(no\.?\s*)?1\b|\bAmd\.?\s*1\b/i.test(l) },
  { why: 'an amendment said to have changed clause 4.1 or 4.2', test: (l) => /\b(amendment|amd)\b[^\n]{0,80}(clause\s*)?4\.[12]\b/i.test(l) },
  {
    why: 'a Chinese amendment said to have changed clause 4.1 or 4.2',
    test: (l) => /修正案[^\n]{0,40}4\.[12]|4\.[12][^\n]{0,40}修正案|第\s*1\s*号修正/.test(l),
  },
];

function amendmentHits(paths: string[]): string[] {
  const hits: string[] = [];
  for (const file of paths.flatMap(files).filter((f) => TEXT.test(f))) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        for (const rule of RULES) if (rule.test(line)) hits.push(`${file}:${i + 1}: ${rule.why}`);
      });
  }
  return hits;
}

describe('no amendment is attributed to ISO/IEC 42001', () => {
  it('finds none in catalog/, src/, README.md or docs/', () => {
    expect(amendmentHits(['catalog', 'src', 'README.md', 'docs'])).toEqual([]);
  });

  it('catches each form the claim took (so the scan can fail)', () => {
    const lines = [
      '"edition": "2023 (incl. Amd 1:2024)"',
      'ISO/IEC 42001:2023 (with Amendment 1:2024)',
      'Since Amendment 1 (2024), clause 4.1 asks each organization',
      'the climate-change decision that the amendment added to clause 4.1',
      '自第 1 号修正案（2024）起，条款 4.1 要求',
    ];
    for (const line of lines)
      expect(
        RULES.some((r) => r.test(line)),
        line,
      ).toBe(true);
  });

  it('leaves unrelated uses alone', () => {
    const lines = [
      '2 cores (AMD EPYC), 24 GB RAM',
      '"title": "Amendment to Directive (EU) 2016/797"',
      'amendments to other laws',
      'ISO/IEC 42001:2023, clause 4.1',
    ];
    for (const line of lines)
      expect(
        RULES.some((r) => r.test(line)),
        line,
      ).toBe(false);
  });
});
