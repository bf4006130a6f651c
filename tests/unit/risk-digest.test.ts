import { describe, expect, it } from 'vitest';
import { dashboardFromDigests, dashboardView, digestContext, type DashboardViewInput } from '../../src/domain/dashboard-view';
import { generateWorkspace } from '../../src/domain/generate-workspace';
import { readiness } from '../../src/domain/readiness';
import { isAssessed } from '../../src/domain/readiness-risks';
import { digestRisks, updateDigests } from '../../src/domain/risk-digest';
import { ownControlsKey, packDigests, unpackDigests } from '../../src/domain/risk-digest-codec';
import { evaluateRisk } from '../../src/domain/risk-evaluation';
import type { Risk } from '../../src/domain/risk-schema';
import { filterTasks, firstTasks, taskStateOn } from '../../src/domain/tasks';
import { workspaceTasks } from '../../src/domain/workspace-records';
import { shippedCatalog } from '../support/catalog';
import { buildCycleRecord, makeAssessment, makeRisk } from '../support/factories';

const catalog = shippedCatalog();
const TODAY = '2025-07-10';

/** A generated workspace with every kind of risk the figures tell apart: closed, unrated, out of the matrix, unaccepted, treated through unknown own controls, blank plans. */
function workspace(): DashboardViewInput {
  const g = generateWorkspace({ seed: 7, risks: 600, aiSystems: 40, ownControls: 30, impactAssessments: 10, now: '2025-06-30T12:00:00.000Z' });
  const ws = g.workspace.id;
  const risks: Risk[] = g.risks.map((r, i) => {
    switch (i % 9) {
      case 0:
        return { ...r, status: 'closed' };
      case 1:
        return { ...r, inherentLikelihood: null, inherentImpact: null };
      case 2:
        return { ...r, inherentLikelihood: 9, residualImpact: 9 };
      case 3:
        return { ...r, residualLikelihood: 5, residualImpact: 5, acceptedBy: '', acceptedOn: null };
      case 4:
        return { ...r, annexAControls: [], treatmentPlan: '  ', ownControlIds: ['not-an-own-control'] };
      case 5:
        return { ...r, status: 'monitoring', nextReview: TODAY };
      default:
        return r;
    }
  });
  risks.push(makeRisk(ws, { ref: 'R-99999', title: '  Spaces around  ', treatmentDue: '2020-01-01', status: 'treating' }));
  return {
    catalog,
    matrix: g.workspace.riskMatrix,
    today: TODAY,
    risks,
    assessments: [makeAssessment(ws, { itemId: '4.1', targetDate: '2025-01-01' }), makeAssessment(ws, { itemId: 'A.2.2', applicable: true })],
    cycle: [buildCycleRecord(ws, 'nonconformity', { status: 'open', due: '2025-07-01' }), buildCycleRecord(ws, 'objective', { status: 'on-track' })],
    aiSystems: g.aiSystems,
    impactAssessments: g.impactAssessments,
    evidence: [],
    ownControls: g.ownControls,
  };
}

describe('risk digests (what the dashboard keeps of each risk)', () => {
  it('give the figures readiness, My tasks and the risk evaluation give from the risks themselves', () => {
    const input = workspace();
    const v = dashboardView(input);

    const ready = readiness(input);
    expect(v.readiness).toEqual({ met: ready.met, total: ready.total });
    const { incomplete, ...soa } = ready.soa;
    expect(v.soa).toEqual({ ...soa, incomplete: incomplete.length });

    const tasks = workspaceTasks(input, catalog, false);
    const overdue = filterTasks(tasks, { states: ['overdue'] }, TODAY);
    expect(overdue.length).toBeGreaterThan(6);
    expect(v.overdue).toEqual({ count: overdue.length, shown: firstTasks(overdue, 6) });
    const stateOf = taskStateOn(TODAY);
    expect(v.tasks).toEqual({ overdue: overdue.length, soon: tasks.filter((t) => stateOf(t) === 'soon').length });
    expect(v.tasks.soon).toBeGreaterThan(0);

    const open = input.risks.filter((r) => r.status !== 'closed');
    const evs = open.map((r) => evaluateRisk(r, input.matrix));
    const per = (k: 'inherent' | 'residual') => input.matrix.risk.map((_, i) => evs.filter((e) => e[k]?.index === i).length);
    expect(v.risks).toEqual({
      open: open.length,
      inherent: per('inherent'),
      residual: per('residual'),
      unratedInherent: evs.filter((e) => !e.inherent).length,
      unratedResidual: evs.filter((e) => !e.residual).length,
      awaitingAcceptance: evs.filter((e) => e.flags.includes('acceptance-missing')).length,
    });
    expect(v.risks.awaitingAcceptance).toBeGreaterThan(0);
  });

  it('made on one day give the figures of any other day: what depends on the day is read from their dates when summed', () => {
    const input = workspace();
    // Open, rated risks whose review falls between the days asked: 8.2 is met before it, not after.
    const rated = input.risks.filter((r) => r.status !== 'closed' && isAssessed(r, input.matrix)).map((r) => ({ ...r, nextReview: '2025-08-01' }));
    const digests = digestRisks(rated, digestContext(input));
    const results = (today: string) => readiness({ ...input, risks: rated, today }).checks.find((c) => c.id === 'risk-results')!.met;
    expect(results('2025-07-15')).toBe(true);
    expect(results('2025-08-02')).toBe(false);
    for (const today of ['2025-06-30', '2025-07-15', '2025-08-01', '2025-08-02', '2026-03-01'])
      expect(dashboardFromDigests({ ...input, today, digests })).toEqual(dashboardView({ ...input, risks: rated, today }));
  });

  it('kept and brought up to date with the risks written and deleted since give the figures of the risks as they are now', () => {
    const input = workspace();
    const ctx = digestContext(input);
    const kept = digestRisks(input.risks, ctx);

    const now = [...input.risks];
    const changed = new Map<string, Risk | undefined>();
    for (let i = 3; i < now.length; i += 37) {
      now[i] = { ...now[i]!, status: 'closed' === now[i]!.status ? 'treating' : 'closed', title: `Edited ${i}`, treatmentDue: '2025-07-01' };
      changed.set(now[i]!.id, now[i]);
    }
    for (const gone of now.splice(10, 5)) changed.set(gone.id, undefined);
    const added = makeRisk(input.risks[0]!.workspaceId, { ref: 'R-100000', title: 'Added', nextReview: '2025-07-12' });
    now.push(added);
    changed.set(added.id, added);
    changed.set('a risk of another workspace', undefined);

    // Kept as the page keeps them: packed, and copied as IndexedDB copies a value.
    const back = unpackDigests(structuredClone(packDigests(kept)))!;
    updateDigests(back, changed, ctx);
    expect(back.id).toHaveLength(now.length);
    expect(dashboardFromDigests({ ...input, digests: back })).toEqual(dashboardView({ ...input, risks: now }));
    expect(dashboardFromDigests({ ...input, digests: back })).not.toEqual(dashboardView(input));
  });

  it('brought up to date round after round, in any order of edits, deletions and additions, stay the digests of the risks as they are', () => {
    const input = workspace();
    const ctx = digestContext(input);
    let now = input.risks.slice(0, 60);
    const d = digestRisks(now, ctx);
    let seed = 5;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 30; round++) {
      const changed = new Map<string, Risk | undefined>();
      for (let k = rand(6); k >= 0; k--) {
        const op = rand(3);
        if (op === 0 && now.length) {
          const i = rand(now.length);
          changed.set(now[i]!.id, undefined);
          now = now.filter((_, j) => j !== i);
        } else if (op === 1 && now.length) {
          const i = rand(now.length);
          now[i] = { ...now[i]!, status: now[i]!.status === 'closed' ? 'treating' : 'closed', title: `Round ${round}` };
          changed.set(now[i]!.id, now[i]);
        } else {
          const r = makeRisk(input.risks[0]!.workspaceId, { ref: `R-${5000 + round * 10 + k}`, nextReview: '2025-07-01' });
          now.push(r);
          changed.set(r.id, r);
        }
      }
      updateDigests(d, changed, ctx);
      expect([...d.id].sort()).toEqual(now.map((r) => r.id).sort());
      expect(dashboardFromDigests({ ...input, digests: d })).toEqual(dashboardView({ ...input, risks: now }));
    }
  });

  it("move the last digest into a deleted one's place and still take in a change to it later in the same round", () => {
    const input = workspace();
    const ctx = digestContext(input);
    const [a, b, c] = input.risks.slice(0, 3) as [Risk, Risk, Risk];
    const d = digestRisks([a, b, c], ctx);
    const edited = { ...c, title: 'Edited last', status: 'closed' as const };
    updateDigests(
      d,
      new Map<string, Risk | undefined>([
        [a.id, undefined],
        [c.id, edited],
      ]),
      ctx,
    );
    expect(d.id).toEqual([c.id, b.id]);
    expect(d.title).toEqual(['Edited last', b.title]);
  });

  it('read back from anything but packed digests of their shape as nothing (every risk is read again)', () => {
    const input = workspace();
    const d = digestRisks(input.risks.slice(0, 3), digestContext(input));
    const good = packDigests(d);
    expect(unpackDigests(structuredClone(good))).toEqual(d);
    expect(unpackDigests(undefined)).toBeNull();
    expect(unpackDigests('{}')).toBeNull();
    expect(unpackDigests({ ...good, n: 4 })).toBeNull();
    expect(unpackDigests({ ...good, utf8: new TextEncoder().encode(`${new TextDecoder().decode(good.utf8)}x`) })).toBeNull();
    expect(unpackDigests({ ...good, utf8: 'text' })).toBeNull();
    expect(unpackDigests({ ...good, lengths: good.lengths.slice(1) })).toBeNull();
    expect(unpackDigests({ ...good, flags: [...good.flags] })).toBeNull();
    expect(unpackDigests({ ...good, controls: new Uint32Array(3) })).toBeNull();
  });

  it('keep texts of any characters whole, and no task date as none', () => {
    const input = workspace();
    // A title the forms would not take (a damaged or hand-made record): kept as it is.
    const odd: Risk = {
      ...makeRisk(input.risks[0]!.workspaceId, { ref: 'R-077', owner: '', treatmentDue: null, nextReview: null }),
      title: 'a\u0000b,"c"\n名前',
    };
    const d = digestRisks([odd], digestContext(input));
    expect(unpackDigests(structuredClone(packDigests(d)))).toEqual(d);
    expect(d.treatmentDue).toEqual([null]);
    expect(d.title).toEqual(['a\u0000b,"c"\n名前']);
  });

  it("own controls' key changes with what digests depend on, not with their order", () => {
    const a = { id: 'a', annexAControls: ['A.2.2', 'A.3.2'] };
    const b = { id: 'b', annexAControls: [] };
    expect(ownControlsKey([a, b])).toBe(ownControlsKey([b, { ...a, annexAControls: ['A.3.2', 'A.2.2'] }]));
    expect(ownControlsKey([a, b])).not.toBe(ownControlsKey([a]));
    expect(ownControlsKey([a, b])).not.toBe(ownControlsKey([{ ...a, annexAControls: ['A.2.2'] }, b]));
  });
});
