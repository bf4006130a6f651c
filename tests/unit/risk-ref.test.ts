import { describe, expect, it } from 'vitest';
import { nextRiskRef, riskRefSchema } from '../../src/domain/risk-schema';

describe('nextRiskRef', () => {
  it('starts at R-001', () => {
    expect(nextRiskRef([])).toBe('R-001');
  });

  it('continues after the highest number in use, not after the count', () => {
    expect(nextRiskRef(['R-001', 'R-002'])).toBe('R-003');
    expect(nextRiskRef(['R-007', 'R-002'])).toBe('R-008');
    // A deleted risk's number is not reused while a higher one exists.
    expect(nextRiskRef(['R-001', 'R-003'])).toBe('R-004');
  });

  it('grows past three digits and reads wider padding', () => {
    expect(nextRiskRef(['R-999'])).toBe('R-1000');
    expect(nextRiskRef(['R-1000', 'R-999'])).toBe('R-1001');
    expect(nextRiskRef(['R-00042'])).toBe('R-043');
    expect(nextRiskRef(['R-10000'])).toBe('R-10001');
  });

  it('ignores refs that are not R-<number>', () => {
    expect(nextRiskRef(['X-900', 'R-12a', 'r-500', '', 'R-', 'R-005'])).toBe('R-006');
  });

  it('accepts any iterable', () => {
    expect(nextRiskRef(new Set(['R-010']))).toBe('R-011');
  });

  it('produces refs the schema accepts', () => {
    for (const existing of [[], ['R-998'], ['R-99999']]) expect(riskRefSchema.parse(nextRiskRef(existing))).toBe(nextRiskRef(existing));
  });
});

describe('riskRefSchema', () => {
  it.each(['R-001', 'R-1000', 'R-00001'])('accepts %s', (ref) => {
    expect(riskRefSchema.safeParse(ref).success).toBe(true);
  });
  it.each(['R-1', 'R-01', 'r-001', 'R001', 'R-001 ', ' R-001', 'RISK-001', 'R-0x1'])('refuses %j', (ref) => {
    expect(riskRefSchema.safeParse(ref).success).toBe(false);
  });
});

describe('register order', () => {
  it('sorts R-2 before R-10 and R-999 before R-1000', async () => {
    const { compareRefs } = await import('../../src/domain/risk-schema');
    const refs = ['R-10', 'R-2', 'R-1000', 'R-999', 'R-001'].map((ref) => ({ ref }));
    expect(refs.sort(compareRefs).map((r) => r.ref)).toEqual(['R-001', 'R-2', 'R-10', 'R-999', 'R-1000']);
  });
});
