import { describe, expect, it } from 'vitest';
import { blankAssessment, type Assessment } from '../../src/domain/assessment-schema';
import { groupProgress, percentDone, soaCompleteness, soaGaps } from '../../src/domain/progress';
import { shippedCatalog } from '../support/catalog';

const catalog = shippedCatalog();
const NOW = '2026-03-01T00:00:00.000Z';

function answers(entries: [string, Partial<Assessment>][]): Map<string, Assessment> {
  return new Map(entries.map(([itemId, patch], i) => [itemId, { ...blankAssessment('ws', itemId, `id-${i}`, NOW), ...patch }]));
}

describe('group progress', () => {
  it('counts statuses per clause and per Annex A objective', () => {
    const a = answers([
      ['4.1', { status: 'implemented' }],
      ['4.2', { status: 'in-progress' }],
      ['A.2.2', { status: 'implemented', applicable: true }],
      ['A.2.3', { applicable: false }],
    ]);
    const byId = new Map(groupProgress(catalog, a).map((g) => [g.group.id, g]));
    expect(byId.get('4')?.counts).toEqual({ 'not-started': 2, 'in-progress': 1, implemented: 1, 'not-applicable': 0 });
    expect(byId.get('4')?.percentDone).toBe(25);
    // Not-applicable controls leave the denominator: 1 implemented of 2 applicable.
    expect(byId.get('A.2')?.counts['not-applicable']).toBe(1);
    expect(byId.get('A.2')?.percentDone).toBe(50);
    expect(byId.get('A.6')?.total).toBe(9);
    expect([...byId.keys()]).toEqual(['4', '5', '6', '7', '8', '9', '10', 'A.2', 'A.3', 'A.4', 'A.5', 'A.6', 'A.7', 'A.8', 'A.9', 'A.10']);
  });

  it('calls a group with everything excluded 100% done', () => {
    expect(percentDone({ 'not-started': 0, 'in-progress': 0, implemented: 0, 'not-applicable': 3 })).toBe(100);
  });
});

describe('Statement of Applicability completeness', () => {
  it('needs a decision, a category and a justification for inclusion and exclusion alike', () => {
    expect(soaGaps(undefined)).toEqual(['undecided', 'no-category', 'no-justification']);
    const excluded = answers([['A.2.2', { applicable: false, justificationCategory: 'other', justification: '   ' }]]);
    expect(soaGaps(excluded.get('A.2.2'))).toEqual(['no-justification']);
    const included = answers([['A.2.2', { applicable: true, justification: 'Treats R-001' }]]);
    expect(soaGaps(included.get('A.2.2'))).toEqual(['no-category']);
  });

  it('summarises how complete the SoA is', () => {
    const a = answers([
      ['A.2.2', { applicable: true, justificationCategory: 'risk-treatment', justification: 'R-001' }],
      ['A.2.3', { applicable: false, justificationCategory: 'business-practice', justification: 'No other policies exist' }],
      ['A.2.4', { applicable: true }],
    ]);
    const s = soaCompleteness(catalog, a);
    expect(s).toMatchObject({ total: 38, complete: 2, applicable: 2, excluded: 1, undecided: 35, percent: 5 });
    expect(s.incomplete.map((c) => c.id)).toContain('A.2.4');
    expect(s.incomplete.map((c) => c.id)).not.toContain('A.2.2');
  });
});
