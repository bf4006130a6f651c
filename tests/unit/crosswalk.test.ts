import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import rmfJson from '../../catalog/crosswalks/nist-ai-rmf-1.0.json';
import euaiaJson from '../../catalog/crosswalks/eu-ai-act-2024-1689.json';
import mappingJson from '../../catalog/crosswalks/iso42001-crosswalk.json';
import { buildCrosswalk, coverage, CrosswalkError, relatedTo, workingItems, type Crosswalk } from '../../src/domain/crosswalk';
import { crosswalkMappingSchema, crosswalkStrengths, euAiActDataSchema, rmfDataSchema, type CrosswalkMapping } from '../../src/domain/crosswalk-schema';
import { shippedCatalog } from '../support/catalog';

const rmf = rmfDataSchema.parse(rmfJson);
const euaia = euAiActDataSchema.parse(euaiaJson);
const mapping = crosswalkMappingSchema.parse(mappingJson);
const catalog = shippedCatalog();
const assessable = new Set(catalog.assessable.map((i) => i.id));
const cw = buildCrosswalk(rmf, euaia, mapping, assessable);

/** The project's source files (docs/crosswalks.md); absent in a plain clone, so those checks skip there. */
const SOURCE = '/work/shared/crosswalks';
const sourceRmf = `${SOURCE}/nist-ai-rmf-1.0-core.json`;
const sourceAct = `${SOURCE}/eu-ai-act-2024-1689.json`;

describe('crosswalk data', () => {
  it('has the counts of the source data: 4 functions, 19 categories, 72 subcategories; 13 chapters, 113 articles, 8 Annex III areas', () => {
    expect(rmf.functions.map((f) => f.id)).toEqual(['GOVERN', 'MAP', 'MEASURE', 'MANAGE']);
    expect(rmf.categories).toHaveLength(19);
    expect(rmf.subcategories).toHaveLength(72);
    expect(euaia.chapters).toHaveLength(13);
    expect(euaia.articles).toHaveLength(113);
    expect(euaia.articles.map((a) => a.number)).toEqual(Array.from({ length: 113 }, (_, i) => i + 1));
    expect(euaia.annexIIIAreas).toHaveLength(8);
  });

  it.skipIf(!existsSync(sourceRmf))('keeps NIST ids and Core text exactly as in the source file', () => {
    const src = JSON.parse(readFileSync(sourceRmf, 'utf8')) as {
      counts: { functions: number; categories: number; subcategories: number };
      functions: { id: string; title: string }[];
      categories: { id: string; text: string }[];
      subcategories: { id: string; slug: string; category: string; text: string }[];
    };
    expect([rmf.functions.length, rmf.categories.length, rmf.subcategories.length]).toEqual([
      src.counts.functions,
      src.counts.categories,
      src.counts.subcategories,
    ]);
    expect(rmf.functions.map((f) => [f.id, f.title])).toEqual(src.functions.map((f) => [f.id, f.title]));
    expect(rmf.categories.map((c) => [c.id, c.text])).toEqual(src.categories.map((c) => [c.id, c.text]));
    expect(rmf.subcategories.map((s) => [s.id, s.slug, s.category, s.text])).toEqual(src.subcategories.map((s) => [s.id, s.slug, s.category, s.text]));
  });

  it.skipIf(!existsSync(sourceAct))('keeps the AI Act article numbers, titles and Annex III areas exactly as in the source file', () => {
    const src = JSON.parse(readFileSync(sourceAct, 'utf8')) as {
      chapters: { chapter: string; title: string }[];
      articles: { id: string; number: number; title: string; chapter: string; section: number | null }[];
      annex_iii_high_risk_areas: { area: number; title: string }[];
    };
    expect(euaia.chapters.map((c) => [c.id, c.title])).toEqual(src.chapters.map((c) => [c.chapter, c.title]));
    expect(euaia.articles).toEqual(src.articles.map(({ id, number, title, chapter, section }) => ({ id, number, title, chapter, section })));
    expect(euaia.annexIIIAreas).toEqual(src.annex_iii_high_risk_areas.map(({ area, title }) => ({ area, title })));
  });

  it('maps only ids that exist on both sides: assessable 42001 items, RMF subcategories, AI Act articles', () => {
    const subs = new Set(rmf.subcategories.map((s) => s.id));
    const arts = new Set(euaia.articles.map((a) => a.id));
    const bad = mapping.rows.filter((r) => !assessable.has(r.item) || !(r.target === 'rmf' ? subs : arts).has(r.targetId));
    expect(bad).toEqual([]);
  });

  it('gives every row a valid strength and a basis of its own, with no row twice', () => {
    for (const r of mapping.rows) {
      expect(crosswalkStrengths).toContain(r.strength);
      expect(r.basis.trim().length).toBeGreaterThan(10);
      expect(r.basis).toMatch(/[.!?]$/);
    }
    const keys = mapping.rows.map((r) => `${r.item}|${r.target}|${r.targetId}`);
    expect(new Set(keys).size).toBe(keys.length);
    // A basis explains one relationship: the same sentence pasted on many rows would say nothing.
    const bases = mapping.rows.map((r) => r.basis);
    expect(new Set(bases).size).toBe(bases.length);
  });

  it('gives every one of the 70 assessable items at least one RMF row, and reaches every RMF subcategory', () => {
    expect(assessable.size).toBe(70);
    const withRmf = new Set(mapping.rows.filter((r) => r.target === 'rmf').map((r) => r.item));
    expect([...assessable].filter((id) => !withRmf.has(id))).toEqual([]);
    const reached = new Set(mapping.rows.filter((r) => r.target === 'rmf').map((r) => r.targetId));
    expect(rmf.subcategories.filter((s) => !reached.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  it('labels the AI Act mapping indicative and maps the core provider and deployer obligations', () => {
    expect(mapping.targets.euaia.status).toBe('indicative');
    const mapped = new Set(cw.mappedArticles.map((a) => a.id));
    for (const art of [
      'Art.4',
      'Art.9',
      'Art.10',
      'Art.11',
      'Art.12',
      'Art.13',
      'Art.14',
      'Art.15',
      'Art.17',
      'Art.26',
      'Art.27',
      'Art.50',
      'Art.72',
      'Art.73',
    ]) {
      expect(mapped, art).toContain(art);
    }
  });

  it('refuses a mapping that names an unknown item, subcategory or article, listing every problem', () => {
    const broken: CrosswalkMapping = {
      ...mapping,
      rows: [
        ...mapping.rows,
        { item: '4.9', target: 'rmf', targetId: 'GOVERN 1.1', strength: 'strong', basis: 'A clause that does not exist.' },
        { item: '4.1', target: 'rmf', targetId: 'GOVERN 9.9', strength: 'partial', basis: 'A subcategory that does not exist.' },
        { item: '4.1', target: 'euaia', targetId: 'Art.200', strength: 'partial', basis: 'An article that does not exist.' },
        { item: 'A.2', target: 'rmf', targetId: 'GOVERN 1.1', strength: 'partial', basis: 'An objective is not assessable.' },
      ],
    };
    try {
      buildCrosswalk(rmf, euaia, broken, assessable);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CrosswalkError);
      expect((e as CrosswalkError).problems.map((p) => p.code)).toEqual(['unknown-item', 'unknown-rmf-subcategory', 'unknown-article', 'unknown-item']);
    }
    expect(() => crosswalkMappingSchema.parse({ ...mapping, rows: [{ ...mapping.rows[0]!, basis: '' }] })).toThrow();
    expect(() => crosswalkMappingSchema.parse({ ...mapping, rows: [{ ...mapping.rows[0]!, strength: 'weak' }] })).toThrow();
  });
});

describe('relatedTo', () => {
  it('lists the RMF subcategories and AI Act articles of an item, strong ones first, with basis', () => {
    const r = relatedTo(cw, 'A.6.2.8');
    expect(r.rmf.map((x) => x.subcategory.id)).toEqual(['MEASURE 2.4', 'MEASURE 2.8', 'MANAGE 4.3']);
    expect(r.euaia.map((x) => [x.article.id, x.strength])).toEqual([
      ['Art.12', 'strong'],
      ['Art.19', 'partial'],
      ['Art.26', 'partial'],
    ]);
    expect(r.euaia[0]!.article.title).toBe('Record-keeping');
    for (const x of [...r.rmf, ...r.euaia]) expect(x.basis.length).toBeGreaterThan(10);
  });

  it('is empty for an id with no rows', () => {
    expect(relatedTo(cw, 'A.2')).toEqual({ rmf: [], euaia: [] });
  });
});

describe('coverage', () => {
  const tiny = (): Crosswalk =>
    buildCrosswalk(rmf, euaia, {
      ...mapping,
      rows: [
        { item: '4.1', target: 'rmf', targetId: 'GOVERN 1.1', strength: 'strong', basis: 'Test row one for coverage.' },
        { item: 'A.2.2', target: 'rmf', targetId: 'GOVERN 1.1', strength: 'partial', basis: 'Test row two for coverage.' },
        { item: 'A.2.2', target: 'rmf', targetId: 'GOVERN 1.2', strength: 'strong', basis: 'Test row three for coverage.' },
        { item: 'A.6.2.8', target: 'euaia', targetId: 'Art.12', strength: 'strong', basis: 'Test row four for coverage.' },
        { item: '6.1.2', target: 'euaia', targetId: 'Art.9', strength: 'strong', basis: 'Test row five for coverage.' },
      ],
    });

  it('touches nothing when nothing is implemented', () => {
    const c = coverage(cw, []);
    expect(c.rmf).toMatchObject({ total: 72, touched: 0, inProgress: 0, untouched: 72 });
    expect(c.rmf.untouchedList).toHaveLength(72);
    expect(c.euaia.total).toBe(cw.mappedArticles.length);
    expect(c.euaia.untouched).toBe(cw.mappedArticles.length);
    expect(c.euaia.notMapped).toBe(113 - cw.mappedArticles.length);
  });

  it('counts a target touched by any implemented item, in progress when only items in progress touch it', () => {
    const c = coverage(tiny(), ['A.2.2'], ['4.1', '6.1.2']);
    const govern = c.rmf.functions.find((f) => f.fn.id === 'GOVERN')!;
    const g1 = govern.categories.find((x) => x.category.id === 'GOVERN 1')!.entries;
    expect(g1[0]).toMatchObject({
      state: 'touched',
      by: [
        { item: 'A.2.2', strength: 'partial', status: 'implemented' },
        { item: '4.1', strength: 'strong', status: 'in-progress' },
      ],
    });
    expect(g1[1]).toMatchObject({ state: 'touched', by: [{ item: 'A.2.2', status: 'implemented' }] });
    expect(g1[2]).toMatchObject({ state: 'untouched', by: [] });
    expect(c.rmf).toMatchObject({ total: 72, touched: 2, inProgress: 0, untouched: 70 });
    expect(govern).toMatchObject({ total: 19, touched: 2 });
    expect(c.rmf.untouchedList.map((s) => s.id)).not.toContain('GOVERN 1.1');
    expect(c.rmf.untouchedList).toHaveLength(70);
    // Only the two mapped articles are in scope; Art.9 only in progress.
    expect(c.euaia).toMatchObject({ total: 2, touched: 0, inProgress: 1, untouched: 1, notMapped: 111 });
    expect(c.euaia.untouchedList.map((a) => a.id)).toEqual(['Art.12']);
    expect(c.euaia.chapters.map((ch) => ch.chapter.id)).toEqual(['III']);
  });

  it('lets implemented win when an id is in both lists, and groups RMF subcategories by function and category in NIST order', () => {
    const c = coverage(tiny(), ['4.1'], ['4.1']);
    expect(c.rmf.touched).toBe(1);
    expect(c.rmf.inProgress).toBe(0);
    expect(c.rmf.functions.map((f) => [f.fn.id, f.total])).toEqual([
      ['GOVERN', 19],
      ['MAP', 18],
      ['MEASURE', 22],
      ['MANAGE', 13],
    ]);
    expect(c.rmf.functions.flatMap((f) => f.categories.flatMap((x) => x.entries.map((e) => e.target.id)))).toEqual(rmf.subcategories.map((s) => s.id));
  });

  it('with the shipped mapping, an implemented A.6.2.6 touches MEASURE 2.4 and Art.72', () => {
    const c = coverage(cw, ['A.6.2.6']);
    const entries = c.rmf.functions.flatMap((f) => f.categories.flatMap((x) => x.entries));
    expect(entries.find((e) => e.target.id === 'MEASURE 2.4')?.state).toBe('touched');
    expect(c.euaia.chapters.flatMap((ch) => ch.entries).find((e) => e.target.id === 'Art.72')?.state).toBe('touched');
  });
});

describe('workingItems', () => {
  it('takes implemented and in-progress items, and never a control excluded as not applicable', () => {
    const isControl = (id: string) => id.startsWith('A.');
    const w = workingItems(
      [
        { itemId: '4.1', status: 'implemented', applicable: null },
        { itemId: '5.2', status: 'in-progress', applicable: null },
        { itemId: 'A.2.2', status: 'implemented', applicable: false },
        { itemId: 'A.3.2', status: 'implemented', applicable: true },
        { itemId: 'A.3.3', status: 'not-started', applicable: null },
      ],
      isControl,
    );
    expect(w).toEqual({ implemented: ['4.1', 'A.3.2'], inProgress: ['5.2'] });
  });
});
