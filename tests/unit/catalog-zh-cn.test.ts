import { describe, expect, it } from 'vitest';
import structure from '../../catalog/iso42001/structure.json';
import en from '../../catalog/iso42001/en.json';
import zh from '../../catalog/iso42001/zh-CN.json';
import { catalogStructureSchema, catalogTextSchema, type CatalogText } from '../../src/domain/catalog-schema';
import { buildCatalog, CatalogError } from '../../src/domain/catalog-model';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { catalogTextOverlaySchema, mergeCatalogText } from '../../src/catalog/merge-catalog-text';
import { shippedCatalog } from '../support/catalog';

const enText = catalogTextSchema.parse(en);
const zhText = catalogTextSchema.parse(zh);
const HAN = /[\u4e00-\u9fff]/;

/**
 * Crude check for English left untranslated: after removing clause and control ids and the
 * acronyms and product terms the Chinese text keeps on purpose, no word of 4+ ASCII letters and
 * no two ASCII words in a row may remain.
 */
const KEPT = /\b(?:A\.\d+(?:\.\d+)*|AI|ISO|IEC|NIST|RMF|API|GPU|IT|KPI|RACI|PESTLE|SWOT|MLOps)\b/g;
function englishLeft(s: string): string[] {
  const rest = s.replace(KEPT, ' ');
  return [...rest.matchAll(/[A-Za-z]{4,}|[A-Za-z]+\s+[A-Za-z]+/g)].map((m) => m[0]);
}

describe('zh-CN catalog text', () => {
  it('passes the same text schema as en.json and is marked as zh-CN with unofficial titles', () => {
    expect(catalogTextSchema.safeParse(zh).success).toBe(true);
    expect(zhText.locale).toBe('zh-CN');
    expect(zhText.framework).toBe(enText.framework);
    expect(zhText.catalogVersion).toBe(enText.catalogVersion);
    expect(zhText.titlesUnofficial).toBe(true);
    expect(enText.titlesUnofficial ?? false).toBe(false);
  });

  it('has exactly the item ids of en.json, in the same order', () => {
    expect(Object.keys(zhText.items)).toEqual(Object.keys(enText.items));
  });

  it('has exactly the pick-list entries of en.json', () => {
    expect(Object.keys(zhText.pickLists)).toEqual(Object.keys(enText.pickLists));
    for (const [name, entries] of Object.entries(enText.pickLists)) {
      expect(Object.keys(zhText.pickLists[name]!), name).toEqual(Object.keys(entries));
    }
  });

  it('translates every title and summary, with at least as many questions and evidence examples as English', () => {
    for (const [id, e] of Object.entries(enText.items)) {
      const z = zhText.items[id]!;
      expect(z.title, id).toMatch(HAN);
      expect(z.summary, id).toMatch(HAN);
      expect(z.title, id).not.toBe(e.title);
      expect(z.questions.length, id).toBeGreaterThanOrEqual(e.questions.length);
      expect(z.evidence.length, id).toBeGreaterThanOrEqual(e.evidence.length);
      for (const q of z.questions) {
        expect(q, id).toMatch(HAN);
        expect(q.trim().endsWith('？'), `${id}: ${q}`).toBe(true);
      }
      for (const ev of z.evidence) expect(ev, id).toMatch(HAN);
    }
    for (const entries of Object.values(zhText.pickLists)) {
      for (const [id, t] of Object.entries(entries)) {
        expect(t.label, id).toMatch(HAN);
        expect(t.description, id).toMatch(HAN);
      }
    }
  });

  it('leaves no English in titles, summaries, questions, evidence or pick-list texts', () => {
    const found: string[] = [];
    for (const [id, t] of Object.entries(zhText.items)) {
      for (const s of [t.title, t.summary, ...t.questions, ...t.evidence]) {
        for (const w of englishLeft(s)) found.push(`${id}: ${w}`);
      }
    }
    for (const [name, entries] of Object.entries(zhText.pickLists)) {
      for (const [id, t] of Object.entries(entries)) {
        for (const w of englishLeft(`${t.label} ${t.description}`)) found.push(`${name}/${id}: ${w}`);
      }
    }
    expect(found).toEqual([]);
    // The check itself catches English.
    expect(englishLeft('按计划 the risk register')).not.toEqual([]);
    expect(englishLeft('附录A控制措施A.6.2.4与ISO 27001、RACI表')).toEqual([]);
  });

  it('keeps the agreed terminology', () => {
    const all = JSON.stringify(zhText.items);
    for (const term of [
      'AI管理体系',
      '适用性声明',
      '不符合项',
      '纠正措施',
      '相关方',
      '风险处置',
      '影响评估',
      '控制措施',
      '文件化信息',
      '内部审核',
      '管理评审',
      '持续改进',
    ]) {
      expect(all, term).toContain(term);
    }
    expect(zhText.items['4.1']!.title).toBe('理解组织及其环境');
    expect(zhText.items['10.2']!.title).toBe('不符合和纠正措施');
  });

  it('builds into a catalog with the same structure as the English one', () => {
    const enCat = shippedCatalog();
    const zhCat = buildCatalog(catalogStructureSchema.parse(structure), zhText);
    expect(zhCat.locale).toBe('zh-CN');
    expect(zhCat.titlesUnofficial).toBe(true);
    expect(enCat.titlesUnofficial).toBe(false);
    const shape = (c: typeof enCat) =>
      c.items.map((i) => ({ id: i.id, kind: i.kind, parent: i.parent, topGroup: i.topGroup, related: i.related, assessable: i.assessable }));
    expect(shape(zhCat)).toEqual(shape(enCat));
    expect(zhCat.assessable.map((i) => i.id)).toEqual(enCat.assessable.map((i) => i.id));
    expect(zhCat.clauseItems).toHaveLength(32);
    expect(zhCat.controls).toHaveLength(38);
    expect(Object.fromEntries(Object.entries(zhCat.pickLists).map(([k, v]) => [k, v.map((e) => e.id)]))).toEqual(
      Object.fromEntries(Object.entries(enCat.pickLists).map(([k, v]) => [k, v.map((e) => e.id)])),
    );
  });
});

describe('loadCatalog(locale)', () => {
  it('loads English by default, with the standard titles', async () => {
    const c = await loadCatalog();
    expect(c.locale).toBe('en');
    expect(c.titlesUnofficial).toBe(false);
    expect(c.byId.get('4.1')?.title).toBe('Understanding the organization and its context');
  });

  it('loads the Chinese text for zh-CN, marked as unofficial titles', async () => {
    const c = await loadCatalog('zh-CN');
    expect(c.locale).toBe('zh-CN');
    expect(c.titlesUnofficial).toBe(true);
    expect(c.byId.get('4.1')?.title).toBe('理解组织及其环境');
    expect(c.byId.get('A.6.2.4')?.summary).toMatch(HAN);
    expect(c.pickLists.riskSources?.find((e) => e.id === 'hardware')?.label).toBe('C.3.5 系统硬件问题');
    expect(c.assessable).toHaveLength(70);
  });
});

describe('mergeCatalogText', () => {
  const overlayOf = (text: CatalogText) => catalogTextOverlaySchema.parse(structuredClone(text));
  const build = (text: CatalogText) => buildCatalog(catalogStructureSchema.parse(structure), text);

  it('returns the translation unchanged when it is complete', () => {
    expect(mergeCatalogText(enText, overlayOf(zhText))).toEqual(zhText);
  });

  it('falls back to English field by field and item by item', () => {
    const partial = structuredClone(zh) as Record<string, unknown> & {
      items: Record<string, Record<string, unknown>>;
      pickLists: Record<string, Record<string, Record<string, unknown>>>;
    };
    delete partial.items['4.1']!.summary;
    partial.items['4.2']!.questions = [];
    delete partial.items['4.3']!.evidence;
    delete partial.items['A.10.4'];
    delete partial.pickLists.riskSources!.hardware!.description;
    delete partial.pickLists.aiObjectives!.fairness;
    // A partial file is not a valid complete text file, but the loader accepts it.
    expect(catalogTextSchema.safeParse(partial).success).toBe(false);
    const merged = mergeCatalogText(enText, catalogTextOverlaySchema.parse(partial));
    expect(catalogTextSchema.safeParse(merged).success).toBe(true);
    const c = build(merged);

    const i41 = c.byId.get('4.1')!;
    expect(i41.title).toBe('理解组织及其环境');
    expect(i41.summary).toBe(enText.items['4.1']!.summary);
    expect(i41.questions).toEqual(zhText.items['4.1']!.questions);
    expect(c.byId.get('4.2')!.questions).toEqual(enText.items['4.2']!.questions);
    expect(c.byId.get('4.2')!.summary).toBe(zhText.items['4.2']!.summary);
    expect(c.byId.get('4.3')!.evidence).toEqual(enText.items['4.3']!.evidence);
    expect(c.byId.get('A.10.4')!.title).toBe('Customers');
    const hardware = c.pickLists.riskSources!.find((e) => e.id === 'hardware')!;
    expect(hardware.label).toBe('C.3.5 系统硬件问题');
    expect(hardware.description).toBe(enText.pickLists.riskSources!.hardware!.description);
    expect(c.pickLists.aiObjectives!.find((e) => e.id === 'fairness')!.label).toBe('C.2.5 Fairness');
    expect(c.locale).toBe('zh-CN');
    expect(c.titlesUnofficial).toBe(true);
  });

  it('still fails loudly on ids the structure does not know', () => {
    const bad = overlayOf(zhText);
    bad.items['4.9'] = { title: '不存在的条款' };
    expect(() => build(mergeCatalogText(enText, bad))).toThrow(CatalogError);
  });

  it('still fails loudly on a version mismatch', () => {
    const bad = overlayOf(zhText);
    bad.catalogVersion = '9.9.9';
    expect(() => build(mergeCatalogText(enText, bad))).toThrow(CatalogError);
  });
});
