import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cisoFileName, toCisoLibrary } from '../../src/domain/ciso-export';
import { matrixFromCiso, type MatrixImport } from '../../src/domain/ciso-import';
import { MAX_IMPORT_BYTES, MAX_ISSUES, type MatrixIssue } from '../../src/domain/ciso-matrix';
import { parseMatrixFile } from '../../src/io/ciso/ciso-file';
import { riskMatrixSchema, type RiskMatrix } from '../../src/domain/risk-matrix';
import { presetMatrix, presetNames } from '../../src/domain/risk-matrix-presets';
import { describeIssue } from '../../src/pages/risk-criteria.svelte';

const fixture = (name: string) => readFileSync(`tests/fixtures/matrices/${name}`, 'utf8');

/** The risk_matrix object of an export, as CISO Assistant holds it. */
function toCisoMatrix(m: RiskMatrix): Record<string, unknown> {
  const lib = toCisoLibrary(m, 'en') as { objects: { risk_matrix: Record<string, unknown>[] } };
  return JSON.parse(JSON.stringify(lib.objects.risk_matrix[0])) as Record<string, unknown>;
}

/** A valid CISO-style object to break one field at a time. */
function cisoObject(): Record<string, unknown> {
  return toCisoMatrix(presetMatrix('5x5'));
}

/** A file's text through the reader and the import, as the page does. */
async function importMatrixJson(text: string, bytes = text.length): Promise<MatrixImport> {
  const parsed = await parseMatrixFile(text, bytes);
  return parsed.ok ? matrixFromCiso(parsed.data) : { ok: false, issues: parsed.issues };
}

function issuesOf(result: MatrixImport): MatrixIssue[] {
  if (result.ok) throw new Error('expected the import to fail');
  return result.issues;
}

/** The messages a user reads for a file. */
function messages(data: unknown): string[] {
  return issuesOf(matrixFromCiso(data)).map((i) => describeIssue(i, 'file'));
}

function withLevels(key: 'probability' | 'impact' | 'risk', change: (levels: Record<string, unknown>[]) => unknown): Record<string, unknown> {
  const o = cisoObject();
  o[key] = change(o[key] as Record<string, unknown>[]);
  return o;
}

describe('export to CISO Assistant', () => {
  it('writes the risk_matrix fields with level ids, every colour, ascending scales and grid[probability][impact]', () => {
    const m = presetMatrix('4x4');
    const out = toCisoMatrix(m);
    expect(Object.keys(out)).toEqual(['urn', 'ref_id', 'name', 'description', 'probability', 'impact', 'risk', 'grid']);
    // The acceptance threshold is left out on purpose: CISO Assistant has no such field and would drop it.
    expect(JSON.stringify(out)).not.toMatch(/threshold/i);
    expect((out.probability as { name: string }[]).map((l) => l.name)).toEqual(['Rare', 'Unlikely', 'Possible', 'Likely']);
    expect(out.grid).toEqual(m.grid);
    expect((out.risk as unknown[])[3]).toEqual({
      id: 3,
      abbreviation: 'VH',
      name: 'Very high',
      description: 'Not acceptable; treat before use.',
      hexcolor: '#C62828',
    });
    // CISO Assistant wants a colour on likelihood and impact levels too: a ramp when the matrix has none.
    for (const l of [...(out.probability as { hexcolor: string }[]), ...(out.impact as { hexcolor: string }[])]) expect(l.hexcolor).toMatch(/^#[0-9A-F]{6}$/);
    expect(out.urn).toBe('urn:aims-workbench:risk:matrix:standard-4-4');
    expect(out.ref_id).toBe('standard-4-4');
  });

  it('copies the grid, so changing the export never changes the matrix', () => {
    const m = presetMatrix('3x3');
    (toCisoLibrary(m, 'en') as { objects: { risk_matrix: { grid: number[][] }[] } }).objects.risk_matrix[0]!.grid[0]![0] = 2;
    expect(m.grid[0]![0]).toBe(0);
  });

  it('names the file after the matrix, safely', () => {
    expect(cisoFileName({ ...presetMatrix('3x3'), name: 'Our ../../ matrix: v2' }, 'yaml')).toBe('our-matrix-v2.yaml');
    expect(cisoFileName({ ...presetMatrix('3x3'), name: '風險' }, 'json')).toBe('risk-matrix.json');
  });
});

describe('round trip ours → CISO → ours', () => {
  it.each(presetNames)('gives back the %s preset, threshold included, with the identity and colours the export gave it', async (name) => {
    const m = presetMatrix(name);
    const back = await importMatrixJson(JSON.stringify(toCisoLibrary(m, 'en')));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const plain = (l: { hexcolor?: string }) => ({ ...l, hexcolor: undefined });
    expect({ ...back.matrix, ciso: undefined, probability: back.matrix.probability.map(plain), impact: back.matrix.impact.map(plain) }).toEqual({
      ...m,
      ciso: undefined,
      probability: m.probability.map(plain),
      impact: m.impact.map(plain),
    });
    expect(back.matrix.ciso).toMatchObject({
      urn: `urn:aims-workbench:risk:matrix:${cisoFileName(m, 'json').replace('.json', '')}`,
      locale: 'en',
      library: { version: 1 },
    });
  });

  it('keeps every level and cell of an edited matrix; the threshold falls back to the lowest level when no words say "acceptable"', async () => {
    const m: RiskMatrix = riskMatrixSchema.parse({
      ...presetMatrix('5x5'),
      name: 'Edited',
      risk: presetMatrix('5x5').risk.map((l, i) => ({ ...l, description: `Band ${i + 1}`, hexcolor: '#10a0f0' })),
      grid: [
        [0, 1, 2, 3, 4],
        [4, 3, 2, 1, 0],
        [0, 0, 0, 0, 0],
        [4, 4, 4, 4, 4],
        [1, 2, 3, 4, 0],
      ],
      acceptanceThreshold: 3,
    });
    const back = matrixFromCiso(toCisoMatrix(m));
    expect(back.ok && back.thresholdFromWords).toBe(false);
    if (back.ok) expect({ ...back.matrix, ciso: undefined, probability: m.probability, impact: m.impact }).toEqual({ ...m, acceptanceThreshold: 0 });
  });
});

describe('import', () => {
  it("reads a CISO Assistant library document in JSON form, keeping the scales' colours", async () => {
    const r = await importMatrixJson(fixture('ciso-library-5x5.json'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.source).toBe('library');
    expect(r.count).toBe(1);
    expect(r.matrix.name).toBe('AI governance 5×5');
    expect(r.matrix.probability.map((l) => l.name)).toEqual(['Hardly ever', 'Seldom', 'Sometimes', 'Often', 'Constantly']);
    expect(r.matrix.impact[0]).toEqual({
      abbreviation: 'S1',
      name: 'Trivial',
      description: 'Nobody outside the team would notice.',
      hexcolor: '#D6EEF2',
      translations: { fr: { name: 'Trivial (fr)' } },
    });
    expect(r.matrix.risk.map((l) => l.hexcolor)).toEqual(['#4C9A6A', '#A7C957', '#F2A541', '#C8553D']);
    expect(r.matrix.grid[4]).toEqual([1, 2, 3, 3, 3]);
    // "May be retained if the owner signs it off" is the highest level that says so.
    expect(r.matrix.acceptanceThreshold).toBe(1);
    expect(r.thresholdFromWords).toBe(true);
  });

  it('reads a single risk_matrix object (the 4×3 fixture)', async () => {
    const r = await importMatrixJson(fixture('matrix-4x3.json'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.source).toBe('object');
    expect(r.matrix.grid).toHaveLength(4);
    for (const row of r.matrix.grid) expect(row).toHaveLength(3);
    // "Not acceptable" on the top level does not count as acceptable.
    expect(r.matrix.acceptanceThreshold).toBe(0);
  });

  it('takes the first of a list by default, names them all, and takes another when asked', () => {
    const first = { ...cisoObject(), name: 'First' };
    const r = matrixFromCiso([first, { ...cisoObject(), name: 'Second' }]);
    expect(r.ok && [r.source, r.count, r.matrix.name, r.choices]).toEqual(['list', 2, 'First', ['First', 'Second']]);
    const second = matrixFromCiso([first, { ...cisoObject(), name: 'Second' }], { index: 1 });
    expect(second.ok && [second.index, second.matrix.name]).toEqual([1, 'Second']);
  });

  it('follows risk level ids when every level has one', () => {
    const o = cisoObject();
    o.risk = (o.risk as Record<string, unknown>[]).map((l, i) => ({ ...l, id: (i + 1) * 10 }));
    o.grid = (o.grid as number[][]).map((row) => row.map((cell) => (cell + 1) * 10));
    const r = matrixFromCiso(o);
    expect(r.ok && r.matrix.grid).toEqual(presetMatrix('5x5').grid);
  });

  it('refuses an invalid file with a message naming the field (the bad-grid fixture)', async () => {
    const r = await importMatrixJson(fixture('invalid-grid-shape.json'));
    expect(issuesOf(r).map((i) => [i.code, i.field])).toEqual([['grid-row-cells', 'grid[1]']]);
    expect(describeIssue(issuesOf(r)[0]!, 'file')).toBe('grid row 2 has 2 cells; the impact scale has 3 levels.');
  });

  describe('errors', () => {
    it('refuses a file over 1 MB before parsing it', async () => {
      const r = await importMatrixJson('this is not JSON at all', MAX_IMPORT_BYTES + 1);
      expect(issuesOf(r).map((i) => i.code)).toEqual(['file-too-large']);
      expect(describeIssue(issuesOf(r)[0]!, 'file')).toBe('The file is 1 MB; a matrix file may be at most 1 MB. It was not read.');
      expect((await importMatrixJson(JSON.stringify(toCisoMatrix(presetMatrix('3x3'))), MAX_IMPORT_BYTES)).ok).toBe(true);
    });

    it('explains text that is not JSON', async () => {
      expect(describeIssue(issuesOf(await importMatrixJson('{"name": '))[0]!, 'file')).toMatch(/^The file is not valid JSON \(.+\)\.$/);
    });

    it.each([
      ['an unrelated object', { hello: 'world' }],
      ['a number', 42],
      ['null', null],
      ['a library without risk_matrix', { objects: { framework: {} } }],
      ['a library whose risk_matrix is text', { objects: { risk_matrix: 'matrix' } }],
      ['a list of strings', ['matrix']],
    ])('finds no matrix in %s', (_, data) => {
      expect(issuesOf(matrixFromCiso(data)).map((i) => i.code)).toEqual(['no-matrix']);
    });

    it('says when a list of matrices is empty', () => {
      expect(messages([])).toEqual(['The list of risk matrices is empty.']);
      expect(messages({ objects: { risk_matrices: [] } })).toEqual(['The list of risk matrices is empty.']);
      expect(issuesOf(matrixFromCiso({ objects: { risk_matrix: [] } }))[0]).toMatchObject({ code: 'list-empty', field: 'objects.risk_matrix' });
    });

    it('names a missing, blank, non-text or too long matrix name or description', () => {
      const { name: _, ...noName } = cisoObject();
      expect(messages(noName)).toEqual(['name is missing or empty.']);
      expect(messages({ ...cisoObject(), name: '   ' })).toEqual(['name is missing or empty.']);
      expect(messages({ ...cisoObject(), name: 7 })).toEqual(['name must be text.']);
      expect(messages({ ...cisoObject(), name: 'x'.repeat(121) })).toEqual(['name is longer than 120 characters.']);
      expect(messages({ ...cisoObject(), description: 'x'.repeat(2001) })).toEqual(['description is longer than 2,000 characters.']);
      expect(matrixFromCiso({ ...cisoObject(), description: null }).ok).toBe(true);
    });

    it('names a scale that is not a list or has too few or too many levels', () => {
      expect(messages({ ...cisoObject(), impact: 'high' })).toContain('impact must be a list of levels.');
      expect(messages(withLevels('probability', (l) => l.slice(0, 2)))).toContain('probability must have 3 to 7 levels; it has 2.');
      expect(messages(withLevels('impact', (l) => [...l, ...l.slice(0, 3)]))).toContain('impact must have 3 to 7 levels; it has 8.');
      expect(messages(withLevels('risk', (l) => l.slice(0, 1)))).toContain('risk must have 2 to 7 levels; it has 1.');
    });

    it('names the level and field of a bad level', () => {
      expect(messages(withLevels('probability', (l) => [l[0], 'Likely', ...l.slice(2)]))).toEqual([
        'probability level 2 must be an object with abbreviation, name and description.',
      ]);
      expect(messages(withLevels('risk', (l) => [{ ...l[0], name: undefined }, ...l.slice(1)]))).toEqual(['risk level 1: name is missing or empty.']);
      expect(messages(withLevels('impact', (l) => [...l.slice(0, 2), { ...l[2], description: 5 }, ...l.slice(3)]))).toEqual([
        'impact level 3: description must be text.',
      ]);
      expect(messages(withLevels('impact', (l) => [{ ...l[0], abbreviation: 'ABCDEFGHIJKLM' }, ...l.slice(1)]))).toEqual([
        'impact level 1: abbreviation is longer than 12 characters.',
      ]);
      expect(messages(withLevels('probability', (l) => [{ ...l[0], name: 'n'.repeat(81) }, ...l.slice(1)]))).toEqual([
        'probability level 1: name is longer than 80 characters.',
      ]);
      // Names are stored trimmed, descriptions as written: the limits count the same way.
      expect(matrixFromCiso(withLevels('probability', (l) => [{ ...l[0], name: ` ${'n'.repeat(80)} ` }, ...l.slice(1)])).ok).toBe(true);
      expect(messages(withLevels('impact', (l) => [{ ...l[0], description: `${'d'.repeat(1000)} ` }, ...l.slice(1)]))).toEqual([
        'impact level 1: description is longer than 1,000 characters.',
      ]);
    });

    it.each(['red', '#12345', '#1234567', 'A1B2C3', undefined, 3])('refuses risk colour %s', (hexcolor) => {
      expect(messages(withLevels('risk', (l) => [l[0], { ...l[1], hexcolor }, ...l.slice(2)]))).toEqual(['risk level 2: hexcolor must look like #A1B2C3.']);
    });

    it('refuses risk ids that are partial or repeated', () => {
      expect(issuesOf(matrixFromCiso(withLevels('risk', (l) => [{ ...l[0], id: undefined }, ...l.slice(1)])))[0]?.code).toBe('risk-ids');
      expect(messages(withLevels('risk', (l) => l.map((x) => ({ ...x, id: 1 }))))[0]).toBe(
        'risk: either every level has a distinct whole-number id, or none has.',
      );
    });

    it('names a grid with the wrong number of rows or cells', () => {
      expect(messages({ ...cisoObject(), grid: 'diagonal' })).toEqual(['grid must be a list of rows, one per probability level.']);
      expect(messages({ ...cisoObject(), grid: presetMatrix('5x5').grid.slice(0, 4) })).toEqual(['grid has 4 rows; the probability scale has 5 levels.']);
      const grid = presetMatrix('5x5').grid.map((row, p) => (p === 2 ? row.slice(0, 4) : row));
      expect(messages({ ...cisoObject(), grid })).toEqual(['grid row 3 has 4 cells; the impact scale has 5 levels.']);
      expect(messages({ ...cisoObject(), grid: presetMatrix('5x5').grid.map((row, p) => (p === 0 ? 'x' : row)) })).toEqual([
        'grid row 1 has 0 cells; the impact scale has 5 levels.',
      ]);
    });

    it.each([
      [5, '5'],
      [-1, '-1'],
      [1.5, '1.5'],
      ['2', '"2"'],
      [null, 'null'],
    ])('names a grid cell that is not a risk level: %s', (value, shown) => {
      const grid = presetMatrix('5x5').grid.map((row, p) => row.map((cell, i) => (p === 1 && i === 3 ? value : cell)));
      expect(messages({ ...cisoObject(), grid })).toEqual([`grid row 2, cell 4: ${shown} is not one of the 5 risk levels.`]);
    });

    it('collects several problems at once, but no more than a screenful', () => {
      expect(messages({ ...cisoObject(), name: '', impact: 'x' })).toEqual(['name is missing or empty.', 'impact must be a list of levels.']);
      const grid = presetMatrix('5x5').grid.map((row) => row.map(() => 99));
      expect(issuesOf(matrixFromCiso({ ...cisoObject(), grid }))).toHaveLength(MAX_ISSUES);
    });
  });

  describe('hostile input', () => {
    it('never lets __proto__ or constructor keys reach any prototype', async () => {
      const o = cisoObject();
      const level = (o.risk as Record<string, unknown>[])[0]!;
      const text = JSON.stringify({ ...o, risk: [{ ...level, polluted: 'level' }, ...(o.risk as unknown[]).slice(1)] })
        .replace('{', '{"__proto__":{"polluted":"top","isAdmin":true},"constructor":{"prototype":{"polluted":"ctor"}},')
        .replace('"polluted":"level"', '"__proto__":{"polluted":"level"},"constructor":{"prototype":{"polluted":"level-ctor"}}');
      const r = await importMatrixJson(text);
      expect(r.ok).toBe(true);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
      expect(Object.prototype.constructor).toBe(Object);
      if (!r.ok) return;
      expect(Object.getPrototypeOf(r.matrix)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(r.matrix.risk[0])).toBe(Object.prototype);
      expect(Object.keys(r.matrix.risk[0]!)).toEqual(['abbreviation', 'name', 'description', 'hexcolor']);
      expect(Object.keys(r.matrix).sort()).toEqual(['acceptanceThreshold', 'ciso', 'description', 'grid', 'impact', 'name', 'probability', 'risk']);
      expect(JSON.stringify(r.matrix)).not.toMatch(/polluted|__proto__|constructor/);
    });

    it('ignores a matrix smuggled in through __proto__ rather than an own field', async () => {
      const text = `{"__proto__": ${JSON.stringify(cisoObject())}}`;
      expect(issuesOf(await importMatrixJson(text)).map((i) => i.code)).toEqual(['no-matrix']);
      expect(({} as Record<string, unknown>).grid).toBeUndefined();
    });
  });
});
