import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { toCisoLibrary } from '../../src/domain/ciso-export';
import { matrixFromCiso, type MatrixImport } from '../../src/domain/ciso-import';
import { checkMatrix } from '../../src/domain/ciso-matrix';
import type { UiLanguage } from '../../src/domain/ciso-translations';
import { riskMatrixSchema, type RiskMatrix } from '../../src/domain/risk-matrix';
import { presetMatrix } from '../../src/domain/risk-matrix-presets';
import { cisoYaml, parseMatrixFile } from '../../src/io/ciso/ciso-file';

/** Fixtures written for these tests in CISO Assistant's shapes (library files, API answers). */
const fixture = (name: string) => readFileSync(`tests/fixtures/matrices/ciso/${name}`, 'utf8');

async function load(name: string, language: UiLanguage = 'en', index = 0): Promise<MatrixImport> {
  const parsed = await parseMatrixFile(fixture(name));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return matrixFromCiso(parsed.data, { language, index });
}
async function matrix(name: string, language: UiLanguage = 'en', index = 0): Promise<RiskMatrix> {
  const r = await load(name, language, index);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.matrix;
}

type Level = { id: number; abbreviation: string; name: string; description: string; hexcolor: string; translations?: Record<string, Record<string, string>> };
type Library = {
  urn: string;
  locale: string;
  ref_id: string;
  name: string;
  version: number;
  provider?: string;
  packager: string;
  translations?: unknown;
  objects: {
    risk_matrix: {
      urn: string;
      ref_id: string;
      name: string;
      translations?: Record<string, Record<string, string>>;
      probability: Level[];
      impact: Level[];
      risk: Level[];
      grid: number[][];
    }[];
  };
};

describe('CISO Assistant library files (YAML)', () => {
  it('reads a French library with objects.risk_matrices and unquoted numeric abbreviations, shown in English', async () => {
    const r = await load('library-fr-3x3.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([r.source, r.count, r.shown]).toEqual(['library', 1, 'en']);
    const m = r.matrix;
    expect(m.name).toBe('AI 3x3 matrix');
    expect(m.probability.map((l) => [l.abbreviation, l.name, l.hexcolor])).toEqual([
      ['1', 'Rare', '#D9F2D0'],
      ['2', 'Possible', '#FFF2B3'],
      ['3', 'Frequent', '#F9C0A8'],
    ]);
    expect(m.risk.map((l) => l.abbreviation)).toEqual(['L', 'M', 'H']);
    // The library's own French texts and the Chinese translation are kept for an export.
    expect(m.impact[2]!.translations).toEqual({
      fr: { abbreviation: '3', name: 'Grave', description: 'Préjudice durable' },
      zh: { name: '重大', description: '持久的损害' },
    });
    expect(m.grid).toEqual([
      [0, 0, 1],
      [0, 1, 2],
      [1, 2, 2],
    ]);
    expect([m.acceptanceThreshold, r.thresholdFromWords]).toEqual([0, true]);
    expect(m.ciso).toMatchObject({
      urn: 'urn:example:risk:matrix:ia-3x3',
      refId: 'ia-3x3',
      locale: 'fr',
      shown: 'en',
      library: { urn: 'urn:example:risk:library:ia-3x3', version: 4, provider: 'Exemple', packager: 'exemple' },
    });
    expect(riskMatrixSchema.safeParse(m).success).toBe(true);
  });

  it('shows the Chinese translation when the UI is in Chinese, and still finds the acceptance words in English', async () => {
    const r = await load('library-fr-3x3.yaml', 'zh-CN');
    expect(r.ok && [r.shown, r.matrix.name, r.matrix.probability.map((l) => l.name), r.matrix.risk[2]!.abbreviation]).toEqual([
      'zh',
      '人工智能 3x3 矩阵',
      ['罕见', '可能', '频繁'],
      '高',
    ]);
    expect(r.ok && [r.matrix.acceptanceThreshold, r.thresholdFromWords]).toEqual([0, true]);
  });

  it('lists the matrices of a library with several (deprecated risk_matrix key) and reads the one picked', async () => {
    const first = await load('library-two-matrices.yaml');
    expect(first.ok && [first.count, first.choices, first.matrix.name, first.matrix.probability.length]).toEqual([
      2,
      ['Model risk 4x3', 'Vendor 3x3'],
      'Model risk 4x3',
      4,
    ]);
    const second = await load('library-two-matrices.yaml', 'en', 1);
    expect(second.ok && [second.index, second.matrix.name, second.matrix.risk.length, second.matrix.ciso?.urn]).toEqual([
      1,
      'Vendor 3x3',
      2,
      'urn:example:risk:matrix:vendor-3x3',
    ]);
  });

  it('reads risk_matrix given as one mapping, in English when the library names no locale', async () => {
    const m = await matrix('library-single-object.yaml');
    expect([m.name, m.ciso?.locale, m.ciso?.library?.version, m.acceptanceThreshold]).toEqual(['Single 3x3', 'en', 2, 0]);
  });
});

describe('CISO Assistant API answers and stored libraries (JSON)', () => {
  it('reads GET /api/risk-matrices/{id}/: json_definition as a JSON string, name and URN on the record', async () => {
    const r = await load('api-risk-matrix.json');
    expect(
      r.ok && [r.source, r.matrix.name, r.matrix.description, r.matrix.probability.map((l) => l.abbreviation), r.matrix.ciso?.urn, r.matrix.ciso?.refId],
    ).toEqual(['api', 'AI 3x3 matrix', 'Likelihood and severity of an AI incident', ['1', '2', '3'], 'urn:example:risk:matrix:ia-3x3', 'ia-3x3']);
  });

  it('reads the list endpoint {count, next, previous, results} and offers each result', async () => {
    const r = await load('api-risk-matrices-list.json', 'en', 1);
    expect(r.ok && [r.count, r.choices, r.matrix.name]).toEqual([2, ['AI 3x3 matrix', 'Vendor 3x3'], 'Vendor 3x3']);
  });

  it('reads a stored library from the API, its content an object or (older databases) a JSON string', async () => {
    const m = await matrix('stored-library.json');
    expect([m.name, m.ciso?.library?.urn, m.ciso?.library?.version]).toEqual(['AI 3x3 matrix', 'urn:example:risk:library:ia-3x3', 4]);
    const old = await load('stored-library-text-content.json');
    expect(old.ok && [old.count, old.matrix.name, old.matrix.ciso?.library?.urn]).toEqual([2, 'Model risk 4x3', 'urn:example:risk:library:two-matrices']);
  });

  it("reads a loaded library's content: its matrices as API records", async () => {
    const m = await matrix('loaded-library-content.json');
    expect([m.name, m.ciso?.urn]).toEqual(['Vendor 3x3', 'urn:example:risk:matrix:vendor-3x3']);
  });
});

describe('export as a CISO Assistant library', () => {
  it('gives back the original URN, ref_id, locale and languages, one library version up, with colours and level ids', async () => {
    const m = await matrix('library-fr-3x3.yaml');
    const edited: RiskMatrix = { ...m, risk: m.risk.map((l, i) => (i === 2 ? { ...l, name: 'Very high' } : l)) };
    const text = await cisoYaml(toCisoLibrary(edited, 'en'));
    const lib = parse(text) as Library;
    expect([lib.urn, lib.locale, lib.ref_id, lib.name, lib.version, lib.provider, lib.packager]).toEqual([
      'urn:example:risk:library:ia-3x3',
      'fr',
      'ia-3x3',
      'Matrice IA 3x3',
      5,
      'Exemple',
      'exemple',
    ]);
    const out = lib.objects.risk_matrix[0]!;
    expect([out.urn, out.ref_id, out.name, out.translations?.en?.name, out.translations?.zh?.name]).toEqual([
      'urn:example:risk:matrix:ia-3x3',
      'ia-3x3',
      'Matrice IA 3x3',
      'AI 3x3 matrix',
      '人工智能 3x3 矩阵',
    ]);
    expect(out.probability.map((l) => [l.id, l.abbreviation, l.name, l.hexcolor])).toEqual([
      [0, '1', 'Rare', '#D9F2D0'],
      [1, '2', 'Possible', '#FFF2B3'],
      [2, '3', 'Fréquent', '#F9C0A8'],
    ]);
    // The English edit goes to the English translation; the French original stays the library's own text.
    expect([out.risk[2]!.name, out.risk[2]!.translations?.en?.name, out.risk[2]!.translations?.zh?.name]).toEqual(['Élevé', 'Very high', '高']);
    expect(out.grid).toEqual(m.grid);
    expect(text).not.toMatch(/threshold/i);
  });

  it('round-trips: the exported YAML imports as the same matrix', async () => {
    const m = await matrix('library-fr-3x3.yaml', 'zh-CN');
    const parsed = await parseMatrixFile(await cisoYaml(toCisoLibrary(m, 'zh-CN')));
    const back = parsed.ok ? matrixFromCiso(parsed.data, { language: 'zh-CN' }) : null;
    expect(back?.ok).toBe(true);
    if (!back?.ok) return;
    expect(back.matrix).toEqual({ ...m, ciso: { ...m.ciso, library: { ...m.ciso!.library, version: 5 } } });
  });

  it("quotes text that CISO Assistant's YAML 1.1 reader would take for a boolean, a date or a number", async () => {
    const base = presetMatrix('3x3');
    const m = { ...base, probability: base.probability.map((l, i) => ({ ...l, name: ['yes', 'On', '2024-03-02'][i]!, abbreviation: String(i + 1) })) };
    const text = await cisoYaml(toCisoLibrary(m, 'en'));
    for (const word of ['"yes"', '"On"', '"2024-03-02"', 'abbreviation: "1"']) expect(text).toContain(word);
  });

  it('writes a matrix made here in the UI language, version 1, under our own URN and packager', () => {
    const lib = toCisoLibrary({ ...presetMatrix('3x3'), name: '风险矩阵 AI' }, 'zh-CN') as unknown as Library;
    expect([lib.urn, lib.locale, lib.ref_id, lib.version, lib.packager, lib.provider]).toEqual([
      'urn:aims-workbench:risk:library:ai',
      'zh',
      'ai',
      1,
      'aims-workbench',
      undefined,
    ]);
    expect(Object.keys(lib)).toEqual(['urn', 'locale', 'ref_id', 'name', 'description', 'version', 'packager', 'objects']);
  });
});

describe('the editor keeps what came from CISO Assistant', () => {
  it('saves a checked draft with its origin, colours and translations', async () => {
    const m = await matrix('library-fr-3x3.yaml');
    const checked = checkMatrix({ ...m, name: '  AI 3x3 matrix  ' });
    expect(checked.matrix).toEqual(m);
  });

  it('stores no translation keyed by anything but a language code', () => {
    const m = presetMatrix('3x3');
    // zod drops an own "__proto__" key; any other key that is no language code is refused.
    const proto = JSON.parse(`{"__proto__": {"name": "x"}}`) as Record<string, { name: string }>;
    const parsed = riskMatrixSchema.safeParse({ ...m, probability: m.probability.map((l) => ({ ...l, translations: proto })) });
    expect(parsed.success && parsed.data.probability[0]!.translations).toEqual({});
    expect(({} as Record<string, unknown>).name).toBeUndefined();
    expect(
      riskMatrixSchema.safeParse({ ...m, probability: m.probability.map((l) => ({ ...l, translations: { 'not a language': { name: 'x' } } })) }).success,
    ).toBe(false);
    expect(riskMatrixSchema.safeParse({ ...m, probability: m.probability.map((l) => ({ ...l, translations: { fr: { name: 'x' } } })) }).success).toBe(true);
  });
});
