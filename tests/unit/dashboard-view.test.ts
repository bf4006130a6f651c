import { describe, expect, it } from 'vitest';
import { dashboardSummary } from '../../src/domain/dashboard';
import { dashboardView, type DashboardViewInput } from '../../src/domain/dashboard-view';
import { readiness } from '../../src/domain/readiness';
import { DEFAULT_PRESET, presetMatrix } from '../../src/domain/risk-matrix-presets';
import { workspaceTasks } from '../../src/domain/workspace-records';
import { shippedCatalog } from '../support/catalog';
import { buildCycleRecord, makeAiSystem, makeAssessment, makeRisk } from '../support/factories';

const WS = crypto.randomUUID();
const TODAY = '2026-03-01';
const catalog = shippedCatalog();
const matrix = presetMatrix(DEFAULT_PRESET);
const ref = (n: number) => `R-${String(n).padStart(3, '0')}`;

/** A workspace with more overdue tasks and uncovered systems than the dashboard names, and a risk that treats A.2.2. */
function workspace(): DashboardViewInput {
  // Eight risks being treated, overdue on 2026-01-08, 01-07 … 01-01 (stored in reverse date order).
  const risks = Array.from({ length: 8 }, (_, i) =>
    makeRisk(WS, { ref: ref(i + 1), title: `Risk ${i + 1}`, status: 'treating', treatmentDue: `2026-01-0${8 - i}` }),
  );
  risks.push(makeRisk(WS, { ref: ref(9), annexAControls: ['A.2.2'], residualLikelihood: 4, residualImpact: 4 }));
  risks.push(makeRisk(WS, { ref: ref(10), status: 'closed', annexAControls: ['A.3.2'] }));
  return {
    catalog,
    matrix,
    today: TODAY,
    risks,
    assessments: [makeAssessment(WS, { itemId: '4.1', targetDate: '2025-12-31' })],
    cycle: [buildCycleRecord(WS, 'nonconformity', { status: 'open', due: '2026-03-05' })],
    aiSystems: Array.from({ length: 8 }, (_, i) => makeAiSystem(WS, { name: `System ${i + 1}` })),
    impactAssessments: [],
    evidence: [],
    ownControls: [],
  };
}

describe('dashboard view (what the dashboard worker hands the page)', () => {
  it('counts the overdue tasks and names the first six in My tasks order, item titles from the catalog given', () => {
    const v = dashboardView(workspace());
    expect(v.overdue.count).toBe(9);
    expect(v.tasks).toEqual({ overdue: 9, soon: 1 });
    expect(v.overdue.shown.map((t) => t.date)).toEqual(['2025-12-31', '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05']);
    expect(v.overdue.shown[0]!.title).toBe(`4.1 ${catalog.byId.get('4.1')!.title}`);
    expect(v.overdue.shown[1]).toMatchObject({ title: 'Risk 8', what: 'risk.treatmentDue', source: { register: 'risk', ref: 'R-008' } });
  });

  it('counts the systems without a current assessment and names the first six', () => {
    const v = dashboardView(workspace());
    expect(v.systems.inScope).toBe(8);
    expect(v.systems.current).toBe(0);
    expect(v.systems.without).toBe(8);
    expect(v.systems.shown).toHaveLength(6);
    expect(v.systems.shown[0]).toMatchObject({ state: 'none' });
  });

  it("counts the SoA with the open risks' treatments: a treated control is applicable and complete, a closed risk's is not", () => {
    const v = dashboardView(workspace());
    const total = catalog.controls.length;
    expect(v.soa).toEqual({
      total,
      complete: 1,
      applicable: 1,
      excluded: 0,
      undecided: total - 1,
      percent: Math.round((1 / total) * 100),
      incomplete: total - 1,
    });
  });

  it('gives the same risk counts and readiness score as the functions the other pages use', () => {
    const input = workspace();
    const v = dashboardView(input);
    const summary = dashboardSummary({ ...input, tasks: workspaceTasks(input, catalog) });
    expect(v.risks).toEqual(summary.risks);
    expect(v.risks.open).toBe(9);
    expect(v.risks.awaitingAcceptance).toBe(1);
    expect(v.nonconformities).toEqual({ open: 1 });
    const ready = readiness(input);
    expect(v.readiness).toEqual({ met: ready.met, total: 14 });
  });

  it('is small enough to post: plain data, a few hundred bytes whatever the number of risks', () => {
    const input = workspace();
    for (let i = 11; i <= 300; i++) input.risks.push(makeRisk(WS, { ref: ref(i), status: 'treating', treatmentDue: '2026-02-01' }));
    const v = dashboardView(input);
    expect(v.overdue.count).toBe(299);
    expect(structuredClone(v)).toEqual(v);
    expect(JSON.stringify(v).length).toBeLessThan(4000);
  });
});
