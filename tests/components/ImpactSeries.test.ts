import { describe, expect, it } from 'vitest';
import { blankAiSystem, type AiSystem } from '../../src/domain/ai-system-schema';
import { blankImpact, blankImpactAssessment, type ImpactAssessment } from '../../src/domain/impact-assessment-schema';
import { groupSeries } from '../../src/pages/impact-assessments.svelte';

const TS = '2025-01-15T10:00:00.000Z';
const system = (id: string, name: string): AiSystem => blankAiSystem({ id, workspaceId: 'ws', createdAt: TS, updatedAt: TS }, name);
function version(id: string, aiSystemId: string, seriesId: string, n: number, overrides: Partial<ImpactAssessment> = {}): ImpactAssessment {
  return { ...blankImpactAssessment({ id, workspaceId: 'ws', createdAt: TS, updatedAt: TS, aiSystemId }), seriesId, version: n, ...overrides };
}

describe('groupSeries', () => {
  const systems = [system('s-z', 'Zeta scorer'), system('s-a', 'Alpha bot')];
  const approved = { state: 'approved' as const, decision: 'proceed' as const, approver: 'C', approvedOn: '2025-03-01' };

  it('groups versions into series under their AI system, systems by name', () => {
    const groups = groupSeries(
      [
        version('a1', 's-z', 'a1', 1, { ...approved, nextReview: '2026-01-01' }),
        version('a2', 's-z', 'a1', 2, { impacts: [blankImpact('i1'), blankImpact('i2')] }),
        version('b1', 's-a', 'b1', 1),
      ],
      systems,
      '2025-06-01',
    );
    expect(groups.map((g) => [g.name, g.series.length])).toEqual([
      ['Alpha bot', 1],
      ['Zeta scorer', 1],
    ]);
    const zeta = groups[1]!.series[0]!;
    expect(zeta.latest.id).toBe('a2');
    expect(zeta.latest.impacts).toHaveLength(2);
    // The decision and review date that count are the approved version's, not the draft's.
    expect(zeta.inForce?.id).toBe('a1');
    expect(zeta.reviewOverdue).toBe(false);
    expect(groups[0]!.series[0]!.inForce).toBeUndefined();
  });

  it('uses the newest approved version and flags its review as overdue once the date has passed', () => {
    const [group] = groupSeries(
      [version('v1', 's-a', 'v1', 1, { ...approved, nextReview: '2030-01-01' }), version('v2', 's-a', 'v1', 2, { ...approved, nextReview: '2025-05-31' })],
      systems,
      '2025-06-01',
    );
    const row = group!.series[0]!;
    expect(row.inForce?.version).toBe(2);
    expect(row.latest.version).toBe(2);
    expect(row.reviewOverdue).toBe(true);
    // Due today is not overdue yet.
    const dueToday = groupSeries([version('v2', 's-a', 'v1', 2, { ...approved, nextReview: '2025-06-01' })], systems, '2025-06-01');
    expect(dueToday[0]!.series[0]!.reviewOverdue).toBe(false);
  });

  it('keeps two series of one system apart, the older first', () => {
    const [group] = groupSeries(
      [version('n1', 's-a', 'n1', 1, { createdAt: '2025-05-01T00:00:00.000Z' }), version('o1', 's-a', 'o1', 1, { createdAt: '2025-01-01T00:00:00.000Z' })],
      systems,
      '2025-06-01',
    );
    expect(group!.series.map((s) => s.seriesId)).toEqual(['o1', 'n1']);
  });

  it('still lists a series whose AI system is missing, with no name', () => {
    const groups = groupSeries([version('x1', 'gone', 'x1', 1)], systems, '2025-06-01');
    expect(groups).toEqual([expect.objectContaining({ systemId: 'gone', name: null })]);
  });
});
