import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matrixFromCiso, type MatrixImport } from '../../src/domain/ciso-import';
import { MAX_IMPORT_BYTES } from '../../src/domain/ciso-matrix';
import { MAX_NESTING, nestingOf, parseMatrixFile } from '../../src/io/ciso/ciso-file';
import { describeIssue } from '../../src/pages/criteria-issues';

/** Hostile matrix files: each gets a clear problem (or is read safely), never a hang or a polluted prototype. */
const fixture = (name: string) => readFileSync(`tests/fixtures/matrices/ciso/${name}`, 'utf8');

async function codes(text: string, bytes?: number): Promise<string[]> {
  const r = await parseMatrixFile(text, bytes);
  return r.ok ? [] : r.issues.map((i) => i.code);
}
async function importText(text: string): Promise<MatrixImport> {
  const r = await parseMatrixFile(text);
  return r.ok ? matrixFromCiso(r.data) : { ok: false, issues: r.issues };
}
const good = () => fixture('library-single-object.yaml');

describe('hostile CISO Assistant files', () => {
  it('stops a YAML alias bomb ("billion laughs") at the alias limit', async () => {
    const r = await parseMatrixFile(fixture('hostile/alias-bomb.yaml'));
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['yaml-aliases']);
    if (!r.ok)
      expect(describeIssue(r.issues[0]!, 'file')).toBe(
        'The file repeats its YAML aliases more than 100 times, as files built to exhaust memory do. It was not read.',
      );
  });

  it('refuses a tag instead of resolving it (no code, no custom types)', async () => {
    expect(await codes(fixture('hostile/custom-tag.yaml'))).toEqual(['yaml-tag']);
    expect(await codes('a: !foo 1\n')).toEqual(['yaml-tag']);
  });

  it('refuses deep nesting before the parser recurses into it, in flow or block style, YAML or JSON', async () => {
    const flow = `${'['.repeat(MAX_NESTING + 1)}${']'.repeat(MAX_NESTING + 1)}`;
    expect(await codes(flow)).toEqual(['too-deep']);
    expect(await codes(`a: ${'{b: '.repeat(200_000)}`)).toEqual(['too-deep']);
    expect(await codes(`${'- '.repeat(200_000)}x`)).toEqual(['too-deep']);
    expect(await codes(Array.from({ length: 400 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'))).toEqual(['too-deep']);
    // Brackets inside quoted text are not nesting.
    expect(nestingOf(`name: "${'['.repeat(500)}"\n`)).toBe(0);
    expect(nestingOf(good())).toBeLessThanOrEqual(2);
  });

  it('refuses a 10 MB string before reading it, by its size', async () => {
    const huge = `name: "${'x'.repeat(10 * 1024 * 1024)}"`;
    expect(await codes(huge)).toEqual(['file-too-large']);
    expect(await codes('name: x', MAX_IMPORT_BYTES + 1)).toEqual(['file-too-large']);
  });

  it('reads __proto__, constructor and prototype keys as plain data, polluting nothing', async () => {
    const text = `__proto__: {polluted: top}\nconstructor: {prototype: {polluted: ctor}}\n${good().replace('    probability:', '    __proto__: {polluted: matrix}\n    probability:').replace('- {abbreviation: L, name: Unlikely,', '- {__proto__: {polluted: level}, translations: {__proto__: {name: evil}, fr: {name: Peu probable}}, abbreviation: L, name: Unlikely,')}`;
    const r = await importText(text);
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    if (!r.ok) return;
    expect(r.matrix.probability[0]!.translations).toEqual({ fr: { name: 'Peu probable' } });
    expect(JSON.stringify(r.matrix)).not.toMatch(/polluted|evil|__proto__/);
  });

  it('names wrong types in the field they are in', async () => {
    const bad = (from: string, to: string) => importText(good().replace(from, to));
    const messages = async (r: Promise<MatrixImport>) => {
      const x = await r;
      return x.ok ? [] : x.issues.map((i) => describeIssue(i, 'file'));
    };
    expect(await messages(bad('    grid:\n      - [0, 0, 1]', '    grid: diagonal\n    old:\n      - [0, 0, 1]'))).toEqual([
      'grid must be a list of rows, one per probability level.',
    ]);
    expect(await messages(bad('{abbreviation: L, name: Small,', '{abbreviation: {x: 1}, name: Small,'))).toEqual([
      'impact level 1: abbreviation must be text.',
    ]);
    expect(await messages(bad('name: Medium, description: Some harm', 'name: [Medium], description: Some harm'))).toEqual([
      'impact level 2: name must be text.',
    ]);
    expect(await messages(bad("hexcolor: '#6DBE73'", 'hexcolor: 6DBE73'))).toEqual(['risk level 1: hexcolor must look like #A1B2C3.']);
    expect(await messages(bad('    risk:\n', '    risk: 3\n    unused:\n'))).toEqual(['risk must be a list of levels.']);
    // Odd but harmless: translations that are no mapping are ignored, a version in quotes is read as a number.
    const odd = await importText(good().replace('version: 2', "version: '7'").replace('    name: Single 3x3', '    name: Single 3x3\n    translations: [fr]'));
    expect(odd.ok && odd.matrix.ciso?.library?.version).toBe(7);
    expect((await importText('{"json_definition": "{not json", "name": "x"}')).ok).toBe(false);
    expect(await codes('a: 1\na: 2\n')).toEqual(['not-yaml']);
  });
});
