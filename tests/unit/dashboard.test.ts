import { describe, expect, it } from 'vitest';
import { dashboardSummary } from '../../src/domain/dashboard';
import { DEFAULT_PRESET, presetMatrix } from '../../src/domain/risk-matrix-presets';
import { collectTasks, filterTasks } from '../../src/domain/tasks';
import { buildCycleRecord, makeAiSystem, makeAssessment, makeImpactAssessment, makeRisk } from '../support/factories';

const WS = crypto.randomUUID();
const TODAY = '2026-03-01';
const matrix = presetMatrix(DEFAULT_PRESET);

function summary(input: Partial<Parameters<typeof dashboardSummary>[0]> = {}) {
  return dashboardSummary({ risks: [], matrix, cycle: [], aiSystems: [], impactAssessments: [], tasks: [], today: TODAY, ...input });
}

describe('dashboard summary', () => {
  it('counts open risks per level of the matrix, by inherent and by residual rating, and those awaiting acceptance', () => {
    const risks = [
      makeRisk(WS, { ref: 'R-001', inherentLikelihood: 3, inherentImpact: 3, residualLikelihood: 0, residualImpact: 0 }), // High → Very low
      makeRisk(WS, { ref: 'R-002', inherentLikelihood: 4, inherentImpact: 4, residualLikelihood: 3, residualImpact: 3 }), // Very high → High, not accepted
      makeRisk(WS, {
        ref: 'R-003',
        inherentLikelihood: 4,
        inherentImpact: 4,
        residualLikelihood: 3,
        residualImpact: 3,
        acceptedBy: 'Board',
        acceptedOn: '2026-01-10',
      }),
      makeRisk(WS, { ref: 'R-004', inherentLikelihood: null, inherentImpact: null }),
      makeRisk(WS, { ref: 'R-005', status: 'closed', residualLikelihood: 4, residualImpact: 4 }),
    ];
    const { risks: r } = summary({ risks });
    expect(r.open).toBe(4);
    expect(r.inherent).toEqual([0, 0, 0, 1, 2]);
    expect(r.residual).toEqual([1, 0, 0, 2, 0]);
    expect(r.unratedInherent).toBe(1);
    expect(r.unratedResidual).toBe(1);
    expect(r.awaitingAcceptance).toBe(1);
  });

  it('counts open nonconformities and incidents, and objectives on and off track', () => {
    const cycle = [
      buildCycleRecord(WS, 'nonconformity', { status: 'open' }),
      buildCycleRecord(WS, 'nonconformity', { status: 'closed', effective: 'yes', checkedOn: '2026-02-01', effectivenessCheck: 'Retested' }),
      buildCycleRecord(WS, 'incident', { status: 'open' }),
      buildCycleRecord(WS, 'incident', { status: 'resolved' }),
      buildCycleRecord(WS, 'objective', { status: 'on-track', due: '2026-06-30' }),
      buildCycleRecord(WS, 'objective', { status: 'achieved' }),
      buildCycleRecord(WS, 'objective', { status: 'at-risk' }),
      buildCycleRecord(WS, 'objective', { status: 'on-track', due: '2026-02-01' }),
      buildCycleRecord(WS, 'objective', { status: 'planned' }),
      buildCycleRecord(WS, 'objective', { status: 'dropped' }),
    ];
    const s = summary({ cycle });
    expect(s.nonconformities.open).toBe(1);
    expect(s.incidents.open).toBe(1);
    expect(s.objectives).toEqual({ onTrack: 2, offTrack: 2, notMeasured: 1 });
  });

  it('names the AI systems in scope without a current approved impact assessment', () => {
    const covered = makeAiSystem(WS, { name: 'ClaimSort' });
    const talent = makeAiSystem(WS, { name: 'TalentSift', euAiActCategory: 'high-risk' });
    const drafted = makeAiSystem(WS, { name: 'Drafty' });
    const outside = makeAiSystem(WS, { name: 'Outside', inScope: 'no' });
    const s = summary({
      aiSystems: [covered, talent, drafted, outside],
      impactAssessments: [makeImpactAssessment(WS, covered.id, { state: 'approved' }), makeImpactAssessment(WS, drafted.id)],
    });
    expect(s.systems.inScope).toBe(3);
    expect(s.systems.current).toBe(1);
    expect(s.systems.without).toEqual([
      { id: drafted.id, name: 'Drafty', state: 'not-approved' },
      { id: talent.id, name: 'TalentSift', state: 'none' },
    ]);
  });

  it('counts overdue work exactly as My tasks does, across every register (not only walkthrough dates)', () => {
    const system = makeAiSystem(WS, { name: 'ClaimSort' });
    const tasks = collectTasks({
      cycle: [buildCycleRecord(WS, 'document', { nextReview: '2026-01-15' }), buildCycleRecord(WS, 'nonconformity', { due: '2026-03-10' })],
      risks: [makeRisk(WS, { treatmentDue: '2026-02-01', status: 'treating' })],
      assessments: [makeAssessment(WS, { itemId: '4.1', targetDate: '2026-02-10' })],
      itemTitle: (id) => id,
      impactAssessments: [makeImpactAssessment(WS, system.id, { state: 'approved', nextReview: '2026-02-20' })],
      systemName: () => system.name,
    });
    const s = summary({ tasks });
    const mine = filterTasks(tasks, { states: ['overdue'] }, TODAY);
    expect(mine.map((t) => t.source.register).sort()).toEqual(['assessment', 'cycle', 'item', 'risk']);
    expect(s.tasks.overdue).toBe(mine.length);
    expect(s.tasks.soon).toBe(filterTasks(tasks, { states: ['soon'] }, TODAY).length);
    expect(s.tasks.soon).toBe(1);
  });
});
