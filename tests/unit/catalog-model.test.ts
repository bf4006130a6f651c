import { describe, expect, it } from 'vitest';
import { buildCatalog, CatalogError, neighbours } from '../../src/domain/catalog-model';
import { catalogStructureSchema, catalogTextSchema, type CatalogStructure, type CatalogText } from '../../src/domain/catalog-schema';
import { shippedCatalog } from '../support/catalog';

const longText = 'A plain sentence that is long enough to pass.';

function tiny(): { structure: CatalogStructure; text: CatalogText } {
  const structure = catalogStructureSchema.parse({
    format: 'aims-workbench-catalog',
    framework: { id: 'fw', name: 'Framework', edition: '1' },
    catalogVersion: '1.0.0',
    items: [
      { id: '4', kind: 'clause-group', parent: null },
      { id: '4.1', kind: 'clause', parent: '4', related: ['A.2.2'] },
      { id: 'A.2', kind: 'objective', parent: null },
      { id: 'A.2.2', kind: 'control', parent: 'A.2' },
    ],
    pickLists: { riskSources: [{ id: 'hardware' }] },
  });
  const entry = { title: 'Title', summary: longText, questions: [longText, longText, longText], evidence: ['Record one', 'Record two', 'Record three'] };
  const text = catalogTextSchema.parse({
    format: 'aims-workbench-catalog-text',
    framework: 'fw',
    locale: 'en',
    catalogVersion: '1.0.0',
    items: { '4': { title: 'Group', summary: longText }, '4.1': entry, 'A.2': { title: 'Objective', summary: longText }, 'A.2.2': entry },
    pickLists: { riskSources: { hardware: { label: 'Hardware', description: 'Hardware can fail.' } } },
  });
  return { structure, text };
}

function codes(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof CatalogError) return e.problems.map((p) => `${p.code}:${p.record}`);
    throw e;
  }
  return [];
}

describe('buildCatalog', () => {
  it('builds a valid catalog with symmetric related links and top groups', () => {
    const { structure, text } = tiny();
    const c = buildCatalog(structure, text);
    expect(c.byId.get('A.2.2')?.related).toEqual(['4.1']);
    expect(c.byId.get('A.2.2')?.topGroup).toBe('A.2');
    expect(c.assessable.map((i) => i.id)).toEqual(['4.1', 'A.2.2']);
    expect(c.pickLists.riskSources?.[0]?.label).toBe('Hardware');
  });

  it('reports every problem at once: duplicate ids, unknown parent, dangling and group links, missing text', () => {
    const { structure, text } = tiny();
    structure.items.push({ id: '4.1', kind: 'clause', parent: '4', related: [] });
    structure.items.push({ id: '4.2', kind: 'clause', parent: '9', related: ['7.7', '4', '4.2'] });
    const problems = codes(() => buildCatalog(structure, text));
    expect(problems).toEqual(
      expect.arrayContaining([
        'duplicate-id:4.1',
        'unknown-parent:4.2',
        'unknown-related:4.2',
        'related-not-assessable:4.2',
        'related-self:4.2',
        'missing-text:4.2',
      ]),
    );
  });

  it('rejects a control placed under a clause and text for items that do not exist', () => {
    const { structure, text } = tiny();
    structure.items.push({ id: 'A.2.3', kind: 'control', parent: '4', related: [] });
    text.items['A.2.3'] = text.items['A.2.2']!;
    text.items['9.9'] = text.items['A.2.2']!;
    expect(codes(() => buildCatalog(structure, text))).toEqual(expect.arrayContaining(['bad-parent-kind:A.2.3', 'orphan-text:9.9']));
  });

  it('rejects thin guidance and text from another catalog version', () => {
    const { structure, text } = tiny();
    text.items['4.1'] = { ...text.items['4.1']!, questions: [longText] };
    text.catalogVersion = '2.0.0';
    expect(codes(() => buildCatalog(structure, text))).toEqual(expect.arrayContaining(['guidance-too-thin:4.1', 'version-mismatch:en']));
  });

  it('rejects a pick-list entry without text', () => {
    const { structure, text } = tiny();
    structure.pickLists.riskSources!.push({ id: 'automation-level' });
    expect(codes(() => buildCatalog(structure, text))).toEqual(['pick-list-text-missing:riskSources/automation-level']);
  });

  it('refuses unknown keys and malformed ids in catalog files', () => {
    const { structure } = tiny();
    expect(catalogStructureSchema.safeParse({ ...structure, extra: 1 }).success).toBe(false);
    expect(catalogStructureSchema.safeParse({ ...structure, items: [{ id: 'A.x', kind: 'control', parent: null }] }).success).toBe(false);
  });
});

describe('neighbours', () => {
  const c = shippedCatalog();
  it('crosses from the last clause to the first control', () => {
    expect(neighbours(c, '10.2').next?.id).toBe('A.2.2');
    expect(neighbours(c, 'A.2.2').prev?.id).toBe('10.2');
  });
  it('has no previous at the start and no next at the end', () => {
    expect(neighbours(c, '4.1').prev).toBeNull();
    expect(neighbours(c, 'A.10.4').next).toBeNull();
    expect(neighbours(c, 'nope')).toEqual({ prev: null, next: null });
  });
});
