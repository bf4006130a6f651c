import { describe, expect, it } from 'vitest';
import structure from '../../catalog/iso42001/structure.json';
import text from '../../catalog/iso42001/en.json';
import { catalogStructureSchema, catalogTextSchema } from '../../src/domain/catalog-schema';
import { shippedCatalog } from '../support/catalog';

// Numbers and titles as verified in the project's ISO/IEC 42001 structure notes.
const CLAUSES: Record<string, string> = {
  '4.1': 'Understanding the organization and its context',
  '4.2': 'Understanding the needs and expectations of interested parties',
  '4.3': 'Determining the scope of the AI management system',
  '4.4': 'AI management system',
  '5.1': 'Leadership and commitment',
  '5.2': 'AI policy',
  '5.3': 'Roles, responsibilities and authorities',
  '6.1.1': 'General',
  '6.1.2': 'AI risk assessment',
  '6.1.3': 'AI risk treatment',
  '6.1.4': 'AI system impact assessment',
  '6.2': 'AI objectives and planning to achieve them',
  '6.3': 'Planning of changes',
  '7.1': 'Resources',
  '7.2': 'Competence',
  '7.3': 'Awareness',
  '7.4': 'Communication',
  '7.5.1': 'General',
  '7.5.2': 'Creating and updating documented information',
  '7.5.3': 'Control of documented information',
  '8.1': 'Operational planning and control',
  '8.2': 'AI risk assessment',
  '8.3': 'AI risk treatment',
  '8.4': 'AI system impact assessment',
  '9.1': 'Monitoring, measurement, analysis and evaluation',
  '9.2.1': 'General',
  '9.2.2': 'Internal audit programme',
  '9.3.1': 'General',
  '9.3.2': 'Management review inputs',
  '9.3.3': 'Management review results',
  '10.1': 'Continual improvement',
  '10.2': 'Nonconformity and corrective action',
};

const CONTROLS: Record<string, string> = {
  'A.2.2': 'AI policy',
  'A.2.3': 'Alignment with other organizational policies',
  'A.2.4': 'Review of the AI policy',
  'A.3.2': 'AI roles and responsibilities',
  'A.3.3': 'Reporting of concerns',
  'A.4.2': 'Resource documentation',
  'A.4.3': 'Data resources',
  'A.4.4': 'Tooling resources',
  'A.4.5': 'System and computing resources',
  'A.4.6': 'Human resources',
  'A.5.2': 'AI system impact assessment process',
  'A.5.3': 'Documentation of AI system impact assessments',
  'A.5.4': 'Assessing AI system impact on individuals or groups of individuals',
  'A.5.5': 'Assessing societal impacts of AI systems',
  'A.6.1.2': 'Objectives for responsible development of AI system',
  'A.6.1.3': 'Processes for responsible AI system design and development',
  'A.6.2.2': 'AI system requirements and specification',
  'A.6.2.3': 'Documentation of AI system design and development',
  'A.6.2.4': 'AI system verification and validation',
  'A.6.2.5': 'AI system deployment',
  'A.6.2.6': 'AI system operation and monitoring',
  'A.6.2.7': 'AI system technical documentation',
  'A.6.2.8': 'AI system recording of event logs',
  'A.7.2': 'Data for development and enhancement of AI system',
  'A.7.3': 'Acquisition of data',
  'A.7.4': 'Quality of data for AI systems',
  'A.7.5': 'Data provenance',
  'A.7.6': 'Data preparation',
  'A.8.2': 'System documentation and information for users',
  'A.8.3': 'External reporting',
  'A.8.4': 'Communication of incidents',
  'A.8.5': 'Information for interested parties',
  'A.9.2': 'Processes for responsible use of AI systems',
  'A.9.3': 'Objectives for responsible use of AI system',
  'A.9.4': 'Intended use of the AI system',
  'A.10.2': 'Allocating responsibilities',
  'A.10.3': 'Suppliers',
  'A.10.4': 'Customers',
};

const GROUPS: Record<string, string> = {
  '4': 'Context of the organization',
  '5': 'Leadership',
  '6': 'Planning',
  '6.1': 'Actions to address risks and opportunities',
  '7': 'Support',
  '7.5': 'Documented information',
  '8': 'Operation',
  '9': 'Performance evaluation',
  '9.2': 'Internal audit',
  '9.3': 'Management review',
  '10': 'Improvement',
  'A.2': 'Policies related to AI',
  'A.3': 'Internal organization',
  'A.4': 'Resources for AI systems',
  'A.5': 'Assessing impacts of AI systems',
  'A.6': 'AI system life cycle',
  'A.6.1': 'Management guidance for AI system development',
  'A.6.2': 'AI system life cycle',
  'A.7': 'Data for AI systems',
  'A.8': 'Information for interested parties of AI systems',
  'A.9': 'Use of AI systems',
  'A.10': 'Third-party and customer relationships',
};

describe('shipped ISO/IEC 42001 catalog', () => {
  const catalog = shippedCatalog();

  it('passes the catalog schemas', () => {
    expect(catalogStructureSchema.safeParse(structure).success).toBe(true);
    expect(catalogTextSchema.safeParse(text).success).toBe(true);
  });

  it('has exactly the clause items, numbers and titles, no more and no fewer', () => {
    const got = Object.fromEntries(catalog.clauseItems.map((i) => [i.id, i.title]));
    expect(got).toEqual(CLAUSES);
    expect(catalog.clauseItems).toHaveLength(32);
  });

  it('has exactly the 38 Annex A controls with their titles', () => {
    const got = Object.fromEntries(catalog.controls.map((i) => [i.id, i.title]));
    expect(got).toEqual(CONTROLS);
    expect(catalog.controls).toHaveLength(38);
  });

  it('has the clause groups, the 9 Annex A objectives and the A.6 sub-groups', () => {
    const got = Object.fromEntries(catalog.items.filter((i) => !i.assessable).map((i) => [i.id, i.title]));
    expect(got).toEqual(GROUPS);
    expect(catalog.items.filter((i) => i.kind === 'objective')).toHaveLength(9);
    expect(catalog.byId.get('A.6.2.4')?.parent).toBe('A.6.2');
    expect(catalog.byId.get('A.6.1.2')?.parent).toBe('A.6.1');
  });

  it('has no ids duplicated anywhere', () => {
    const ids = structure.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('walks clauses first, then Annex A, in document order', () => {
    expect(catalog.assessable.map((i) => i.id)).toEqual([...Object.keys(CLAUSES), ...Object.keys(CONTROLS)]);
  });

  it('gives every assessable item a 2–4 sentence summary, 3–6 questions and 3–6 evidence examples', () => {
    for (const item of catalog.assessable) {
      const sentences = item.summary.split(/(?<=[.!?])\s+(?=[A-Z])/).length;
      expect(sentences, item.id).toBeGreaterThanOrEqual(2);
      expect(sentences, item.id).toBeLessThanOrEqual(4);
      expect(item.questions.length, item.id).toBeGreaterThanOrEqual(3);
      expect(item.questions.length, item.id).toBeLessThanOrEqual(6);
      expect(item.evidence.length, item.id).toBeGreaterThanOrEqual(3);
      expect(item.evidence.length, item.id).toBeLessThanOrEqual(6);
      for (const q of item.questions) expect(q.trim().endsWith('?'), `${item.id}: ${q}`).toBe(true);
    }
  });

  it('links the items a reader needs to see together, both ways', () => {
    const rel = (id: string) => catalog.byId.get(id)!.related;
    for (const a of ['A.5.2', 'A.5.3', 'A.5.4', 'A.5.5']) {
      expect(rel('6.1.4')).toContain(a);
      expect(rel('8.4')).toContain(a);
      expect(rel(a)).toEqual(expect.arrayContaining(['6.1.4', '8.4']));
    }
    expect(rel('5.2')).toContain('A.2.2');
    expect(rel('A.2.2')).toContain('5.2');
    // 6.1.3: the Statement of Applicability compares the chosen controls with all of Annex A.
    for (const c of catalog.controls) {
      expect(rel('6.1.3')).toContain(c.id);
      expect(rel(c.id)).toContain('6.1.3');
    }
  });

  it('records the climate change decision in 4.1 guidance (ISO/IEC 42001:2023)', () => {
    const item = catalog.byId.get('4.1')!;
    expect(`${item.summary} ${item.questions.join(' ')}`.toLowerCase()).toContain('climate change');
  });

  it('offers the Annex C objectives (11) and risk sources (7) as pick-lists', () => {
    expect(catalog.pickLists.aiObjectives).toHaveLength(11);
    expect(catalog.pickLists.riskSources).toHaveLength(7);
    for (const entry of [...catalog.pickLists.aiObjectives!, ...catalog.pickLists.riskSources!]) {
      expect(entry.label.length).toBeGreaterThan(2);
      expect(entry.description.length).toBeGreaterThan(20);
    }
  });

  it('cites the 2023 edition, which has no amendment', () => {
    expect(structure.framework.edition).toBe('2023');
  });

  it('keeps structure and text at the same catalog version', () => {
    expect(structure.catalogVersion).toBe(text.catalogVersion);
    expect(catalog.catalogVersion).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
