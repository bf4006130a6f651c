import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import dataJson from '../../catalog/crosswalks/iso-iec-27001-2022.json';
import mappingJson from '../../catalog/crosswalks/iso42001-iso27001-crosswalk.json';
import { CrosswalkError } from '../../src/domain/crosswalk';
import { buildIso27001Crosswalk, ismsEvidenceRefs, iso27001Coverage, relatedIso27001 } from '../../src/domain/crosswalk-iso27001';
import { iso27001DataSchema, iso27001MappingSchema, type Iso27001Mapping } from '../../src/domain/crosswalk-iso27001-schema';
import { shippedCatalog } from '../support/catalog';

const data = iso27001DataSchema.parse(dataJson);
const mapping = iso27001MappingSchema.parse(mappingJson);
const catalog = shippedCatalog();
const assessable = new Set(catalog.assessable.map((i) => i.id));
const clauseItems = catalog.assessable.filter((i) => !i.isControl).map((i) => i.id);
const cw = buildIso27001Crosswalk(data, mapping, assessable);
const rowKey = (item: string, target: string) => mapping.rows.find((r) => r.item === item && r.targetId === target)?.strength ?? 'none';

/** The project's clause-level starting point (docs/crosswalks.md); absent in a plain clone, so that check skips there. */
const SOURCE = '/work/shared/crosswalks/crosswalk-iso-iec-42001-to-27001-clauses.json';

describe('ISO/IEC 27001:2022 data', () => {
  it('holds the clauses 4–10 (30 leaves) and the 93 Annex A controls in their four themes (37, 8, 14, 34)', () => {
    const parents = new Set(data.clauses.map((c) => c.parent));
    expect(data.clauses.filter((c) => !parents.has(c.id)).map((c) => c.id)).toHaveLength(30);
    expect(data.controls).toHaveLength(93);
    expect(data.themes.map((t) => data.controls.filter((c) => c.theme === t.id).length)).toEqual([37, 8, 14, 34]);
    expect(data.controls.at(-1)).toEqual({ id: 'A.8.34', theme: '8', title: 'Protection during testing' });
    // 2022 swapped 10.1 and 10.2 against the 2013 edition.
    expect(data.clauses.find((c) => c.id === '10.1')?.title).toBe('Continual improvement');
  });

  it.skipIf(!existsSync(SOURCE))('has the clause titles of the project source file', () => {
    const src = JSON.parse(readFileSync(SOURCE, 'utf8')) as { mappings: { to: string | null; to_title?: string }[] };
    for (const m of src.mappings.filter((x) => x.to)) {
      const id = m.to!.replace('ISO/IEC-27001:2022:', '');
      expect(data.clauses.find((c) => c.id === id)?.title, id).toBe(m.to_title);
    }
  });

  it('keeps to numbers and titles: no title reads like requirement text', () => {
    for (const x of [...data.clauses, ...data.controls]) {
      expect(x.title.length, x.id).toBeLessThanOrEqual(80);
      expect(x.title, x.id).not.toMatch(/\b(shall|should)\b|\.$/);
    }
  });
});

describe('42001 → 27001 rows', () => {
  it('maps only assessable 42001 items to clauses and controls that exist', () => {
    expect(() => buildIso27001Crosswalk(data, mapping, assessable)).not.toThrow();
    expect(mapping.targets.iso27001.status).toBe('our-judgement');
  });

  it('covers every one of the 32 clause items', () => {
    expect(clauseItems).toHaveLength(32);
    expect(clauseItems.filter((id) => !cw.rowsByItem.has(id))).toEqual([]);
  });

  it('gives every row its own basis in English and in Chinese, ending as a sentence, with no row twice', () => {
    const en = mapping.rows.map((r) => r.basis);
    const zh = mapping.rows.map((r) => r.basisZh);
    expect(new Set(en).size).toBe(en.length);
    expect(new Set(zh).size).toBe(zh.length);
    for (const r of mapping.rows) {
      expect(r.basis, r.item).toMatch(/[.]$/);
      expect(r.basisZh, r.item).toMatch(/[\u4e00-\u9fff]/);
      expect(r.basisZh, r.item).toMatch(/。$/);
      // The app's Chinese is impersonal or 您, never 你 or 我们.
      expect(r.basisZh, r.item).not.toMatch(/你|我们/);
    }
  });

  it('pins the judged relationships and their counts', () => {
    expect(mapping.rows).toHaveLength(75);
    expect(mapping.rows.filter((r) => r.strength === 'strong')).toHaveLength(14);
    expect(rowKey('A.2.2', 'A.5.1')).toBe('partial');
    expect(rowKey('A.3.2', 'A.5.2')).toBe('partial');
    expect(rowKey('A.6.2.8', 'A.8.15')).toBe('strong');
    expect(rowKey('A.6.2.6', 'A.8.16')).toBe('partial');
    expect(rowKey('A.10.3', 'A.5.19')).toBe('partial');
    expect(rowKey('A.8.4', 'A.5.26')).toBe('partial');
    expect(rowKey('9.2.2', '9.2.2')).toBe('strong');
    expect(rowKey('7.5.3', '7.5.3')).toBe('strong');
    // AI-specific ground has no ISMS counterpart: the impact assessment only meets privacy, data quality nothing.
    expect(relatedIso27001(cw, '6.1.4').map((r) => r.target.id)).toEqual(['A.5.34']);
    expect(relatedIso27001(cw, 'A.7.4')).toEqual([]);
    expect(relatedIso27001(cw, 'A.5.5')).toEqual([]);
  });

  it('refuses rows naming an unknown item, clause or control, listing every problem', () => {
    const broken: Iso27001Mapping = {
      ...mapping,
      rows: [
        ...mapping.rows,
        { item: '4.9', target: 'iso27001', targetId: '4.1', strength: 'strong', basis: 'A clause that does not exist.', basisZh: '不存在的条款。' },
        { item: '4.1', target: 'iso27001', targetId: 'A.5.38', strength: 'partial', basis: 'A control that does not exist.', basisZh: '不存在的控制。' },
        { item: '4.1', target: 'iso27001', targetId: '4.1', strength: 'partial', basis: 'The same row twice over here.', basisZh: '同一行出现两次。' },
      ],
    };
    try {
      buildIso27001Crosswalk(data, broken, assessable);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CrosswalkError);
      expect((e as CrosswalkError).problems.map((p) => p.code)).toEqual(['unknown-item', 'unknown-27001-id', 'duplicate-row']);
    }
    expect(() => iso27001MappingSchema.parse({ ...mapping, rows: [{ ...mapping.rows[0]!, basisZh: '' }] })).toThrow();
    expect(() => iso27001MappingSchema.parse({ ...mapping, rows: [{ ...mapping.rows[0]!, targetId: '5.1.1.1' }] })).toThrow();
  });
});

describe('relatedIso27001, ismsEvidenceRefs and iso27001Coverage', () => {
  it('lists strong rows first, then in the standard order, with both bases', () => {
    const r = relatedIso27001(cw, 'A.6.2.6');
    expect(r.map((x) => [x.target.id, x.strength])).toEqual([
      ['A.8.15', 'partial'],
      ['A.8.16', 'partial'],
    ]);
    expect(r[0]!.target.title).toBe('Logging');
    expect(r[0]!.basisZh.length).toBeGreaterThan(6);
  });

  it('names the clauses and controls whose records may serve as evidence, in the standard order', () => {
    expect(ismsEvidenceRefs(cw, 'A.10.3')).toEqual(['A.5.19', 'A.5.21', 'A.5.22', 'A.5.23']);
    expect(ismsEvidenceRefs(cw, '8.4')).toEqual(['A.5.34']);
    expect(ismsEvidenceRefs(cw, 'A.7.4')).toEqual([]);
  });

  it('counts a mapped clause or control touched by an implemented item, in progress when only items in progress touch it', () => {
    const none = iso27001Coverage(cw, []);
    expect(none.touched).toBe(0);
    expect(none.total).toBe(none.untouched);
    expect(none.controlsNotMapped).toBe(93 - none.themes.reduce((n, t) => n + t.entries.length, 0));
    const c = iso27001Coverage(cw, ['A.2.2', '9.2.2'], ['A.2.3', '9.2.1']);
    const a51 = c.themes.find((t) => t.theme.id === '5')!.entries.find((e) => e.target.id === 'A.5.1')!;
    expect(a51.state).toBe('touched');
    expect(a51.by.map((b) => [b.item, b.status])).toEqual([
      ['A.2.2', 'implemented'],
      ['A.2.3', 'in-progress'],
    ]);
    expect(c.clauses.find((e) => e.target.id === '9.2.1')!.state).toBe('in-progress');
    expect(c.clauses.find((e) => e.target.id === '4.1')!.state).toBe('untouched');
    expect(c.touched).toBe(2);
  });
});
