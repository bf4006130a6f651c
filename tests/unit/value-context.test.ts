import { describe, expect, it } from 'vitest';
import { recordNames } from '../../src/i18n/value-context';
import { shippedCatalog } from '../support/catalog';

const catalog = shippedCatalog();

describe('recordNames', () => {
  const ctx = recordNames({
    items: catalog.byId,
    risks: [{ id: 'r1', ref: 'R-002', title: 'Resume model discriminates' }],
    aiSystems: [{ id: 's1', name: 'Claims triage' }],
    cycleRecords: [{ id: 'c1', ref: 'DOC-001', title: 'AI policy' }],
    impactAssessments: [{ id: 'i1', aiSystemId: 's1', version: 2 }],
    absent: (target) => `(no ${target})`,
  });

  it('names records as a person knows them', () => {
    expect(ctx.nameOf('risks', 'r1')).toBe('R-002 Resume model discriminates');
    expect(ctx.nameOf('aiSystems', 's1')).toBe('Claims triage');
    expect(ctx.nameOf('cycleRecords', 'c1')).toBe('DOC-001 AI policy');
    expect(ctx.nameOf('items', '4.1')).toBe(`4.1 ${catalog.byId.get('4.1')!.title}`);
    expect(ctx.nameOf('impactAssessments', 'i1')).toBe('Impact assessment: Claims triage, version 2');
  });

  it('leaves a record that is gone unnamed (it reads as deleted), and says so for a register that was not given', () => {
    expect(ctx.nameOf('risks', 'gone')).toBeUndefined();
    expect(ctx.nameOf('ownControls', 'o1')).toBe('(no ownControls)');
  });
});
