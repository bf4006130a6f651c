import { describe, expect, it } from 'vitest';
import { blankAssessment } from '../../src/domain/assessment-schema';
import { soaApplicable, soaCompleteness, soaGaps } from '../../src/domain/progress';
import { refsText, treatmentLinks } from '../../src/domain/soa-links';
import { shippedCatalog } from '../support/catalog';

const risk = (id: string, ref: string, annexAControls: string[], ownControlIds: string[] = [], status = 'treating') => ({
  id,
  ref,
  annexAControls,
  ownControlIds,
  status: status as 'treating',
});

describe('risk treatment links to the SoA (6.1.3)', () => {
  it('maps each control to the risks that name it, directly or through an own control', () => {
    const links = treatmentLinks(
      [risk('r3', 'R-010', ['A.6.2.4']), risk('r1', 'R-002', ['A.6.2.4'], ['own1']), risk('r2', 'R-003', [], ['own1'])],
      [{ id: 'own1', annexAControls: ['A.6.2.5', 'A.6.2.4'] }],
    );
    expect(links.get('A.6.2.4')?.map((l) => l.ref)).toEqual(['R-002', 'R-003', 'R-010']);
    expect(links.get('A.6.2.5')?.map((l) => l.ref)).toEqual(['R-002', 'R-003']);
    expect(refsText(links.get('A.6.2.5')!)).toBe('R-002, R-003');
    expect(links.has('A.2.2')).toBe(false);
  });

  it('ignores closed risks', () => {
    expect(treatmentLinks([risk('r1', 'R-001', ['A.2.2'], [], 'closed')], []).size).toBe(0);
  });

  it('makes a treated control applicable and complete without further input', () => {
    const links = [{ riskId: 'r1', ref: 'R-001' }];
    expect(soaApplicable(undefined, links)).toBe(true);
    expect(soaGaps(undefined, links)).toEqual([]);
  });

  it('flags a treated control the user excluded', () => {
    const a = {
      ...blankAssessment('ws', 'A.6.2.4', 'x', '2026-01-01T00:00:00.000Z'),
      applicable: false,
      justificationCategory: 'other' as const,
      justification: 'not needed',
    };
    expect(soaApplicable(a, [{ riskId: 'r1', ref: 'R-001' }])).toBe(false);
    expect(soaGaps(a, [{ riskId: 'r1', ref: 'R-001' }])).toEqual(['excluded-but-treating']);
  });

  it('counts treated controls in the SoA summary', () => {
    const catalog = shippedCatalog();
    const links = new Map([['A.6.2.4', [{ riskId: 'r1', ref: 'R-001' }]]]);
    const s = soaCompleteness(catalog, new Map(), links);
    expect(s.complete).toBe(1);
    expect(s.applicable).toBe(1);
    expect(s.undecided).toBe(37);
  });
});
