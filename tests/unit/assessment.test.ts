import { describe, expect, it } from 'vitest';
import { assessmentSchema, blankAssessment, effectiveStatus, statusPatch } from '../../src/domain/assessment-schema';

const NOW = '2026-01-01T00:00:00.000Z';

describe('effective status', () => {
  it('is not started when nothing is recorded', () => {
    expect(effectiveStatus(undefined, true)).toBe('not-started');
  });
  it('shows an excluded control as not applicable whatever its stored status', () => {
    expect(effectiveStatus({ status: 'implemented', applicable: false }, true)).toBe('not-applicable');
  });
  it('never shows a clause as not applicable', () => {
    expect(effectiveStatus({ status: 'in-progress', applicable: false }, false)).toBe('in-progress');
  });
});

describe('statusPatch', () => {
  it('excludes a control when "not applicable" is chosen, keeping its stored status', () => {
    expect(statusPatch({ status: 'in-progress', applicable: true }, 'not-applicable', true)).toEqual({ applicable: false });
  });
  it('refuses "not applicable" for a mandatory clause', () => {
    expect(() => statusPatch(undefined, 'not-applicable', false)).toThrow(/mandatory/);
  });
  it('includes a control once work on it starts', () => {
    expect(statusPatch({ status: 'not-started', applicable: null }, 'in-progress', true)).toEqual({ status: 'in-progress', applicable: true });
    expect(statusPatch({ status: 'not-started', applicable: false }, 'implemented', true)).toEqual({ status: 'implemented', applicable: true });
  });
  it('puts an excluded control back to undecided when reset to not started', () => {
    expect(statusPatch({ status: 'in-progress', applicable: false }, 'not-started', true)).toEqual({ status: 'not-started', applicable: null });
    expect(statusPatch({ status: 'in-progress', applicable: true }, 'not-started', true)).toEqual({ status: 'not-started', applicable: true });
  });
  it('only touches status for clauses', () => {
    expect(statusPatch(undefined, 'implemented', false)).toEqual({ status: 'implemented' });
  });
});

describe('assessment schema', () => {
  const base = blankAssessment('ws', '4.1', 'id-1', NOW);
  it('accepts a blank record', () => {
    expect(assessmentSchema.parse(base)).toEqual(base);
  });
  it.each([
    ['status', 'done'],
    ['targetDate', '31/12/2026'],
    ['targetDate', '2026-02-30'],
    ['justificationCategory', 'because'],
    ['notes', 'x'.repeat(20_001)],
    ['applicable', 'yes'],
  ])('rejects %s = %j', (field, value) => {
    expect(assessmentSchema.safeParse({ ...base, [field]: value }).success).toBe(false);
  });
  it('rejects unknown keys such as __proto__ smuggled in JSON', () => {
    const hostile = JSON.parse(`{"__proto__": {"polluted": true}, "extra": 1}`) as object;
    expect(assessmentSchema.safeParse({ ...base, ...hostile }).success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
