import { describe, expect, it } from 'vitest';
import type { CycleRecord } from '../../src/domain/cycle/registry';
import { readiness, readinessCheckIds, readinessGapCodes, readinessWhyCodes, type ReadinessCheck, type ReadinessInput } from '../../src/domain/readiness';
import { DEFAULT_PRESET, presetMatrix } from '../../src/domain/risk-matrix-presets';
import { shippedCatalog } from '../support/catalog';
import {
  buildCycleRecord,
  cycleRow,
  makeAiSystem,
  makeAssessment,
  makeImpactAssessment,
  makeLinkEvidence,
  makeOwnControl,
  makeRisk,
} from '../support/factories';

const catalog = shippedCatalog();
const WS = crypto.randomUUID();
const TODAY = '2026-03-01';

const MATRIX = presetMatrix(DEFAULT_PRESET);

function run(input: Partial<Omit<ReadinessInput, 'catalog'>> = {}) {
  return readiness({
    catalog,
    assessments: [],
    cycle: [],
    risks: [],
    ownControls: [],
    impactAssessments: [],
    evidence: [],
    aiSystems: [],
    matrix: MATRIX,
    today: TODAY,
    ...input,
  });
}

function check(id: ReadinessCheck['id'], input: Partial<Omit<ReadinessInput, 'catalog'>> = {}): ReadinessCheck {
  const found = run(input).checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

const cycle = (...records: CycleRecord[]) => ({ cycle: records });
const doc = (overrides: Parameters<typeof buildCycleRecord<'document'>>[2]) => buildCycleRecord(WS, 'document', overrides);

/** Every Annex A control included with a reason. */
function fullSoa(skip: string[] = []) {
  return catalog.controls
    .filter((c) => !skip.includes(c.id))
    .map((c) => makeAssessment(WS, { itemId: c.id, applicable: true, justificationCategory: 'business-practice', justification: 'Needed for our AI systems' }));
}

describe('readiness: shape', () => {
  it('lists the fourteen documented-information checks in clause order, all red for an empty workspace', () => {
    const r = run();
    expect(r.checks.map((c) => c.id)).toEqual([...readinessCheckIds]);
    expect(r.total).toBe(14);
    expect(r.met).toBe(0);
    for (const c of r.checks) {
      expect(c.met).toBe(false);
      expect(c.count).toBe(0);
      expect(c.label).toBe(`readiness.check.${c.id}`);
      expect(readinessWhyCodes).toContain(c.why);
    }
    expect(new Set(r.checks.map((c) => c.id)).size).toBe(14);
  });

  it('words every gap code in both languages, with the parameters its rule gives', async () => {
    const en: Record<string, string> = (await import('../../src/i18n/messages-en')).en;
    const zh: Record<string, string | undefined> = (await import('../../src/i18n/messages-zh-CN')).zhCN;
    for (const code of readinessGapCodes) {
      expect(en[`readiness.gap.${code}`], code).toBeTypeOf('string');
      expect(zh[`readiness.gap.${code}`], code).toBeTypeOf('string');
    }
    for (const code of readinessWhyCodes) expect(en[`readiness.why.${code}`], code).toBeTypeOf('string');
  });

  it('names only assessable catalog items as the clauses a check evidences', () => {
    const assessable = new Set(catalog.assessable.map((i) => i.id));
    for (const c of run().checks) {
      expect(c.items.length).toBeGreaterThan(0);
      for (const item of c.items) expect(assessable.has(item), `${c.id}: ${item}`).toBe(true);
    }
    const items = Object.fromEntries(run().checks.map((c) => [c.id, c.items]));
    expect(items['risk-treatment']).toEqual(['6.1.3', '8.3']);
    expect(items.impact).toEqual(['6.1.4', '8.4']);
  });

  it('counts met checks', () => {
    const r = run({ ...cycle(buildCycleRecord(WS, 'scope', { statement: 'All AI systems of the claims unit' })), risks: [makeRisk(WS)] });
    expect(r.checks.filter((c) => c.met).map((c) => c.id)).toEqual(['scope', 'risk-criteria', 'risk-results']);
    expect(r.met).toBe(3);
  });
});

describe('readiness: walkthrough coverage', () => {
  it('counts answered, implemented and not-applicable items via the effective status', () => {
    const assessments = [
      makeAssessment(WS, { itemId: '4.1', status: 'implemented', applicable: null, justificationCategory: null }),
      makeAssessment(WS, { itemId: '4.2', status: 'in-progress', applicable: null, justificationCategory: null }),
      makeAssessment(WS, { itemId: '4.3', status: 'not-started', applicable: null, justificationCategory: null }),
      // An excluded control is not applicable whatever its stored status.
      makeAssessment(WS, { itemId: 'A.2.2', status: 'implemented', applicable: false }),
      makeAssessment(WS, { itemId: 'A.2.3', status: 'not-started', applicable: false }),
    ];
    const { coverage } = run({ assessments });
    const total = catalog.assessable.length;
    expect(coverage).toEqual({ answered: 4, implemented: 1, notApplicable: 2, total, percent: Math.round((3 / total) * 100) });
  });

  it('is 100% when everything is implemented or excluded', () => {
    const assessments = catalog.assessable.map((i) =>
      makeAssessment(WS, { itemId: i.id, status: 'implemented', applicable: i.isControl ? i.id !== 'A.2.2' : null }),
    );
    const { coverage } = run({ assessments });
    expect(coverage.percent).toBe(100);
    expect(coverage.notApplicable).toBe(1);
    expect(coverage.answered).toBe(coverage.total);
  });

  it('ignores answers for items the catalog does not have', () => {
    expect(run({ assessments: [makeAssessment(WS, { itemId: 'A.99.1', status: 'implemented' })] }).coverage.answered).toBe(0);
  });
});

describe('scope (4.3)', () => {
  it('is red without a scope record, with an empty statement, and green with a statement', () => {
    expect(check('scope')).toMatchObject({ met: false, why: 'missing', link: { page: 'cycle-register', kind: 'scope' } });
    const blank = buildCycleRecord(WS, 'scope', { boundaries: 'Claims unit', statement: '   ' });
    expect(check('scope', cycle(blank))).toMatchObject({ met: false, why: 'no-statement', link: { page: 'cycle-record', kind: 'scope', id: blank.id } });
    const scope = buildCycleRecord(WS, 'scope', { statement: 'The AIMS covers the claims triage model.' });
    expect(check('scope', cycle(scope))).toEqual(
      expect.objectContaining({ met: true, why: null, count: 1, link: { page: 'cycle-record', kind: 'scope', id: scope.id } }),
    );
  });
});

describe('AI policy (5.2)', () => {
  it('needs an approved document of type ai-policy', () => {
    expect(check('ai-policy')).toMatchObject({
      met: false,
      why: 'missing',
      link: { page: 'cycle-register', kind: 'document' },
      gaps: [{ code: 'policy-missing' }],
    });
    const draft = doc({ type: 'ai-policy', status: 'draft' });
    expect(check('ai-policy', cycle(draft))).toMatchObject({ met: false, why: 'not-approved', link: { page: 'cycle-record', kind: 'document', id: draft.id } });
    expect(check('ai-policy', cycle(draft)).gaps).toEqual([
      {
        code: 'policy-not-approved',
        params: { ref: draft.ref, title: draft.title, status: { option: 'cycle.document.status', value: 'draft' } },
        link: { page: 'cycle-record', kind: 'document', id: draft.id },
      },
    ]);
    const inReview = doc({ type: 'ai-policy', status: 'in-review' });
    expect(check('ai-policy', cycle(inReview)).why).toBe('not-approved');
    const otherPolicy = doc({ type: 'policy', status: 'approved', itemIds: ['5.2'], title: 'Information security policy' });
    expect(check('ai-policy', cycle(otherPolicy))).toMatchObject({ why: 'missing', gaps: [{ code: 'policy-missing' }] });
    const retired = doc({ type: 'ai-policy', status: 'retired' });
    expect(check('ai-policy', cycle(retired))).toMatchObject({ met: false, why: 'missing' });
    const approved = doc({ ref: 'DOC-002', type: 'ai-policy', status: 'approved', approvedOn: '2026-01-10' });
    expect(check('ai-policy', cycle(draft, approved))).toEqual(
      expect.objectContaining({ met: true, why: null, count: 1, gaps: [], link: { page: 'cycle-record', kind: 'document', id: approved.id } }),
    );
  });

  it('names an approved "AI Policy" filed under another type instead of saying nothing is recorded', () => {
    for (const title of ['AI Policy', 'Responsible AI use policy', '人工智能政策', 'AI 方针']) {
      const misfiled = doc({ ref: 'DOC-003', type: 'policy', status: 'approved', title });
      const c = check('ai-policy', cycle(misfiled));
      expect(c.met, title).toBe(false);
      expect(c.gaps, title).toEqual([
        {
          code: 'policy-misfiled',
          params: { ref: 'DOC-003', title, type: { option: 'cycle.document.type', value: 'policy' } },
          link: { page: 'cycle-record', kind: 'document', id: misfiled.id },
        },
      ]);
    }
    expect(check('ai-policy', cycle(doc({ type: 'policy', status: 'approved', title: 'Privacy policy' }))).gaps.map((g) => g.code)).toEqual(['policy-missing']);
  });
});

describe('risk assessment process and criteria (6.1.2)', () => {
  it('is met by the defined risk criteria plus a risk assessed against them', () => {
    expect(check('risk-criteria')).toMatchObject({
      met: false,
      link: { page: 'risks' },
      gaps: [{ code: 'criteria-no-assessed-risk', params: { matrix: MATRIX.name } }],
    });
    const unrated = makeRisk(WS, { inherentLikelihood: null, inherentImpact: null });
    expect(check('risk-criteria', { risks: [unrated] }).met).toBe(false);
    const outside = makeRisk(WS, { ref: 'R-002', inherentLikelihood: 6, inherentImpact: 1 });
    expect(check('risk-criteria', { risks: [outside] }).met, 'a rating the 5x5 matrix does not hold is not an assessment').toBe(false);
    const rated = makeRisk(WS, { ref: 'R-003' });
    expect(check('risk-criteria', { risks: [unrated, rated] })).toMatchObject({ met: true, count: 1, gaps: [], link: { page: 'criteria' } });
  });

  it('is met for the nine assessed risks of a 5×5 matrix without any process document (the reported false "nothing recorded")', () => {
    const risks = Array.from({ length: 9 }, (_, i) => makeRisk(WS, { ref: `R-00${i + 1}`, inherentLikelihood: i % 5, inherentImpact: (i + 2) % 5 }));
    expect(check('risk-criteria', { risks })).toMatchObject({ met: true, count: 9 });
  });
});

describe('risk assessment results (8.2)', () => {
  it('needs every open risk assessed, and names each one that is not', () => {
    expect(check('risk-results')).toMatchObject({ met: false, why: 'none-recorded', link: { page: 'risks' }, gaps: [{ code: 'risks-none' }] });
    const unrated = makeRisk(WS, { inherentLikelihood: null, inherentImpact: null, status: 'identified' });
    expect(check('risk-results', { risks: [unrated] })).toMatchObject({
      why: 'not-rated',
      gaps: [{ code: 'risk-unrated', params: { ref: 'R-001', title: unrated.title }, link: { page: 'risk', id: unrated.id } }],
    });
    const half = makeRisk(WS, { ref: 'R-002', inherentLikelihood: 1, inherentImpact: null });
    const rated = makeRisk(WS, { ref: 'R-003', inherentLikelihood: 0, inherentImpact: 0 });
    const r = check('risk-results', { risks: [rated, half, unrated] });
    expect(r).toMatchObject({ met: false, count: 1 });
    expect(r.gaps.map((g) => g.params.ref)).toEqual(['R-001', 'R-002']);
    expect(check('risk-results', { risks: [rated, { ...unrated, status: 'closed' }] })).toMatchObject({ met: true, why: null, count: 1, gaps: [] });
  });

  it('names a risk whose planned review has passed', () => {
    const late = makeRisk(WS, { nextReview: '2026-02-01' });
    expect(check('risk-results', { risks: [late] }).gaps).toEqual([
      { code: 'risk-review-overdue', params: { ref: 'R-001', title: late.title, date: { date: '2026-02-01' } }, link: { page: 'risk', id: late.id } },
    ]);
    expect(check('risk-results', { risks: [{ ...late, nextReview: TODAY }] }).met).toBe(true);
  });
});

describe('risk treatment (6.1.3, 8.3)', () => {
  it('needs a treatment for each risk above the acceptance threshold, with a control, an own control or a plan', () => {
    expect(check('risk-treatment')).toMatchObject({ met: false, why: 'none-recorded', link: { page: 'risks' } });
    const noOption = makeRisk(WS, { treatment: null, annexAControls: ['A.6.2.4'], treatmentPlan: 'Bias testing' });
    expect(check('risk-treatment', { risks: [noOption] })).toMatchObject({
      why: 'no-treatment',
      gaps: [
        { code: 'risk-untreated', params: { ref: 'R-001', title: noOption.title, level: 'High', threshold: 'Low' }, link: { page: 'risk', id: noOption.id } },
      ],
    });
    const nothingBehind = makeRisk(WS, { treatment: 'modify', treatmentPlan: '  ' });
    expect(check('risk-treatment', { risks: [nothingBehind] }).why).toBe('no-treatment');
    const dangling = makeRisk(WS, { treatment: 'modify', ownControlIds: ['no-such-control'] });
    expect(check('risk-treatment', { risks: [dangling] }).why).toBe('no-treatment');

    expect(check('risk-treatment', { risks: [makeRisk(WS, { treatment: 'modify', annexAControls: ['A.6.2.4'] })] })).toMatchObject({
      met: true,
      why: null,
      count: 1,
    });
    const own = makeOwnControl(WS);
    expect(check('risk-treatment', { risks: [makeRisk(WS, { treatment: 'modify', ownControlIds: [own.id] })], ownControls: [own] }).met).toBe(true);
    expect(check('risk-treatment', { risks: [makeRisk(WS, { treatment: 'retain', treatmentPlan: 'Accepted by the board; reviewed yearly' })] }).met).toBe(true);
  });

  it('needs no treatment for a risk within the threshold, but an acceptance for a residual level above it', () => {
    expect(check('risk-treatment', { risks: [makeRisk(WS, { inherentLikelihood: 0, inherentImpact: 0 })] })).toMatchObject({ met: true });
    const residualHigh = makeRisk(WS, { treatment: 'modify', annexAControls: ['A.6.2.4'], residualLikelihood: 3, residualImpact: 3 });
    expect(check('risk-treatment', { risks: [residualHigh] }).gaps).toEqual([
      {
        code: 'risk-not-accepted',
        params: { ref: 'R-001', title: residualHigh.title, level: 'High', threshold: 'Low' },
        link: { page: 'risk', id: residualHigh.id },
      },
    ]);
    expect(check('risk-treatment', { risks: [{ ...residualHigh, acceptedBy: 'Board', acceptedOn: '2026-02-01' }] }).met).toBe(true);
  });
});

describe('Statement of Applicability (6.1.3)', () => {
  it('is green only when every control is decided and justified', () => {
    expect(check('soa')).toMatchObject({ met: false, why: 'incomplete', link: { page: 'soa' }, count: 0 });
    expect(check('soa').gaps).toHaveLength(catalog.controls.length);
    const almost = fullSoa(['A.10.4']);
    expect(check('soa', { assessments: almost })).toMatchObject({ met: false, why: 'incomplete', count: catalog.controls.length - 1 });
    expect(check('soa', { assessments: almost }).gaps).toEqual([
      {
        code: 'soa-control',
        params: {
          id: 'A.10.4',
          title: catalog.byId.get('A.10.4')!.title,
          missing: { options: 'soa.gap', values: ['undecided', 'no-category', 'no-justification'] },
        },
        link: { page: 'soa' },
      },
    ]);
    const unjustified = [...almost, makeAssessment(WS, { itemId: 'A.10.4', applicable: false, justificationCategory: 'other', justification: '' })];
    expect(check('soa', { assessments: unjustified }).met).toBe(false);
    const r = run({ assessments: fullSoa() });
    expect(r.soa.complete).toBe(catalog.controls.length);
    expect(r.checks.find((c) => c.id === 'soa')).toMatchObject({ met: true, why: null, count: catalog.controls.length });
  });

  it('counts a control a risk treatment relies on as decided, through an own control too', () => {
    const almost = fullSoa(['A.10.4', 'A.6.2.4']);
    const own = makeOwnControl(WS, { annexAControls: ['A.10.4'] });
    const risk = makeRisk(WS, { treatment: 'modify', annexAControls: ['A.6.2.4'], ownControlIds: [own.id] });
    expect(check('soa', { assessments: almost, risks: [risk] }).met).toBe(false);
    expect(check('soa', { assessments: almost, risks: [risk], ownControls: [own] }).met).toBe(true);
    expect(check('soa', { assessments: almost, risks: [{ ...risk, status: 'closed' }], ownControls: [own] }).met).toBe(false);
  });
});

describe('impact assessment (6.1.4, 8.4)', () => {
  const system = makeAiSystem(WS, { name: 'ClaimSort' });
  const approvedOf = (s: { id: string }, overrides = {}) =>
    makeImpactAssessment(WS, s.id, { state: 'approved', approver: 'CISO', approvedOn: '2026-02-01', ...overrides });

  it('needs an AI system in scope', () => {
    expect(check('impact')).toMatchObject({ met: false, link: { page: 'systems' }, gaps: [{ code: 'systems-none-in-scope' }] });
    const outOfScope = makeAiSystem(WS, { inScope: 'no' });
    expect(check('impact', { aiSystems: [outOfScope], impactAssessments: [approvedOf(outOfScope)] }).gaps.map((g) => g.code)).toEqual([
      'systems-none-in-scope',
    ]);
  });

  it('needs an approved version for the system', () => {
    expect(check('impact', { aiSystems: [system] })).toMatchObject({
      met: false,
      gaps: [{ code: 'system-no-assessment', params: { name: 'ClaimSort' }, link: { page: 'system', id: system.id } }],
    });
    const draft = makeImpactAssessment(WS, system.id);
    expect(check('impact', { aiSystems: [system], impactAssessments: [draft] })).toMatchObject({
      met: false,
      link: { page: 'assessment', id: draft.id },
      gaps: [{ code: 'system-not-approved', params: { name: 'ClaimSort', version: 1 } }],
    });
    const approved = approvedOf(system);
    expect(check('impact', { aiSystems: [system], impactAssessments: [draft, approved] })).toMatchObject({
      met: true,
      why: null,
      count: 1,
      gaps: [],
      link: { page: 'assessment', id: approved.id },
    });
  });

  it('stays green while a newer draft version is being edited, and links the approved one', () => {
    const v1 = approvedOf(system);
    const v2 = makeImpactAssessment(WS, system.id, { id: crypto.randomUUID(), seriesId: v1.seriesId, version: 2, updatedAt: '2026-02-01T00:00:00.000Z' });
    expect(check('impact', { aiSystems: [system], impactAssessments: [v2, v1] })).toMatchObject({
      met: true,
      count: 1,
      link: { page: 'assessment', id: v1.id },
    });
  });

  it('is red while a second in-scope, high-risk system has none, and says which (the reported false green)', () => {
    const talent = makeAiSystem(WS, { name: 'TalentSift', euAiActCategory: 'high-risk' });
    const c = check('impact', { aiSystems: [system, talent], impactAssessments: [approvedOf(system)] });
    expect(c).toMatchObject({ met: false, why: 'systems-uncovered', count: 1, link: { page: 'system', id: talent.id } });
    expect(c.gaps).toEqual([
      {
        code: 'system-no-assessment-eu',
        params: { name: 'TalentSift', category: { option: 'ai.eu', value: 'high-risk' } },
        link: { page: 'system', id: talent.id },
      },
    ]);
    expect(check('impact', { aiSystems: [system, { ...talent, status: 'retired' }], impactAssessments: [approvedOf(system)] }).met).toBe(true);
  });

  it('is red when the approved version in force is past its next review', () => {
    const late = approvedOf(system, { nextReview: '2026-02-15' });
    expect(check('impact', { aiSystems: [system], impactAssessments: [late] }).gaps).toEqual([
      { code: 'system-review-overdue', params: { name: 'ClaimSort', version: 1, date: { date: '2026-02-15' } }, link: { page: 'assessment', id: late.id } },
    ]);
  });
});

describe('AI objectives (6.2)', () => {
  it('needs an objective with a measure and a target', () => {
    expect(check('objectives')).toMatchObject({ met: false, why: 'none-recorded', link: { page: 'cycle-register', kind: 'objective' } });
    const noTarget = buildCycleRecord(WS, 'objective', { measure: 'Share of decisions reviewed', target: null });
    expect(check('objectives', cycle(noTarget))).toMatchObject({
      met: false,
      why: 'no-target',
      link: { page: 'cycle-record', kind: 'objective', id: noTarget.id },
    });
    const noMeasure = buildCycleRecord(WS, 'objective', { ref: 'OBJ-002', measure: '', target: 95 });
    expect(check('objectives', cycle(noTarget, noMeasure)).why).toBe('no-target');
    const dropped = buildCycleRecord(WS, 'objective', { measure: 'Complaints', target: 0, status: 'dropped' });
    expect(check('objectives', cycle(dropped)).met).toBe(false);
    const good = buildCycleRecord(WS, 'objective', { ref: 'OBJ-003', measure: 'Share of decisions reviewed', target: 0 });
    expect(check('objectives', cycle(noTarget, good))).toMatchObject({
      met: true,
      why: null,
      count: 1,
      link: { page: 'cycle-record', kind: 'objective', id: good.id },
    });
  });
});

describe('competence (7.2)', () => {
  it('needs a competence record with evidence', () => {
    expect(check('competence')).toMatchObject({ met: false, why: 'none-recorded', link: { page: 'cycle-register', kind: 'competence' } });
    const noEvidence = buildCycleRecord(WS, 'competence', { role: 'Data scientist', required: 'Bias testing', evidence: ' ' });
    expect(check('competence', cycle(noEvidence))).toMatchObject({ met: false, why: 'no-evidence', link: { page: 'cycle-record', id: noEvidence.id } });
    const good = buildCycleRecord(WS, 'competence', { ref: 'CMP-002', role: 'Data scientist', evidence: 'Certificate, HR file 2025-114', status: 'competent' });
    expect(check('competence', cycle(noEvidence, good))).toMatchObject({
      met: true,
      why: null,
      count: 1,
      link: { page: 'cycle-record', kind: 'competence', id: good.id },
    });
  });
});

describe('operational planning (8.1)', () => {
  it('needs a document in force linked to 8.1 or evidence on item 8.1', () => {
    expect(check('operation')).toMatchObject({ met: false, why: 'no-evidence', link: { page: 'item', itemId: '8.1' } });
    const retired = doc({ type: 'procedure', status: 'retired', itemIds: ['8.1'] });
    expect(check('operation', cycle(retired)).met).toBe(false);
    expect(check('operation', { evidence: [makeLinkEvidence(WS, { itemId: '8.2' })] }).met).toBe(false);

    expect(check('operation', { evidence: [makeLinkEvidence(WS, { itemId: '8.1' })] })).toMatchObject({
      met: true,
      why: null,
      count: 1,
      link: { page: 'item', itemId: '8.1' },
    });
    const plan = doc({ type: 'plan', status: 'draft', itemIds: ['8.1'] });
    expect(check('operation', { ...cycle(plan), evidence: [makeLinkEvidence(WS, { itemId: '8.1' })] })).toMatchObject({
      met: true,
      count: 2,
      link: { page: 'cycle-record', kind: 'document', id: plan.id },
    });
  });
});

describe('monitoring and measurement (9.1)', () => {
  it('needs a metric with a reading that has a value', () => {
    expect(check('monitoring')).toMatchObject({ met: false, why: 'none-recorded', link: { page: 'cycle-register', kind: 'metric' } });
    const noReadings = buildCycleRecord(WS, 'metric', { monitored: 'Override rate' });
    expect(check('monitoring', cycle(noReadings))).toMatchObject({ met: false, why: 'no-readings', link: { page: 'cycle-record', id: noReadings.id } });
    const emptyReading = buildCycleRecord(WS, 'metric', { readings: [cycleRow({ date: '2026-01-31', value: null, note: 'not measured' })] });
    expect(check('monitoring', cycle(emptyReading)).why).toBe('no-readings');
    const zero = buildCycleRecord(WS, 'metric', { ref: 'MET-002', readings: [cycleRow({ date: '2026-01-31', value: 0, note: '' })] });
    expect(check('monitoring', cycle(noReadings, zero))).toMatchObject({
      met: true,
      why: null,
      count: 1,
      link: { page: 'cycle-record', kind: 'metric', id: zero.id },
    });
  });

  it('does not count objective measurements as monitoring results', () => {
    const objective = buildCycleRecord(WS, 'objective', { measure: 'x', target: 1, readings: [cycleRow({ date: '2026-01-31', value: 3, note: '' })] });
    expect(check('monitoring', cycle(objective)).met).toBe(false);
  });
});

describe('internal audit (9.2)', () => {
  it('needs a completed audit', () => {
    expect(check('audit')).toMatchObject({ met: false, why: 'none-recorded', link: { page: 'cycle-register', kind: 'audit' } });
    const planned = buildCycleRecord(WS, 'audit', { status: 'planned', plannedStart: '2026-04-01' });
    expect(check('audit', cycle(planned))).toMatchObject({ met: false, why: 'not-completed', link: { page: 'cycle-record', kind: 'audit', id: planned.id } });
    const cancelled = buildCycleRecord(WS, 'audit', { status: 'cancelled' });
    expect(check('audit', cycle(cancelled)).why).toBe('not-completed');
    const done = buildCycleRecord(WS, 'audit', { ref: 'IA-002', status: 'completed', conclusion: 'Conforming, two observations' });
    expect(check('audit', cycle(planned, done))).toMatchObject({ met: true, why: null, count: 1, link: { page: 'cycle-record', kind: 'audit', id: done.id } });
  });

  it('is not satisfied by a finding alone', () => {
    expect(check('audit', cycle(buildCycleRecord(WS, 'finding', { status: 'closed', description: 'x' }))).met).toBe(false);
  });
});

describe('management review (9.3)', () => {
  it('needs a held review with minutes or decisions', () => {
    expect(check('review')).toMatchObject({ met: false, why: 'none-recorded', link: { page: 'cycle-register', kind: 'review' } });
    const planned = buildCycleRecord(WS, 'review', { status: 'planned', heldOn: '2026-06-01', minutes: 'Agenda drafted' });
    expect(check('review', cycle(planned))).toMatchObject({ met: false, why: 'not-held', link: { page: 'cycle-record', kind: 'review', id: planned.id } });
    const bare = buildCycleRecord(WS, 'review', { ref: 'MR-002', status: 'held', heldOn: '2026-01-20' });
    expect(check('review', cycle(planned, bare))).toMatchObject({ met: false, why: 'no-minutes', link: { page: 'cycle-record', kind: 'review', id: bare.id } });
    const held = buildCycleRecord(WS, 'review', { ref: 'MR-003', status: 'held', heldOn: '2026-01-20', decisions: 'Fund a second bias audit' });
    expect(check('review', cycle(planned, bare, held))).toMatchObject({
      met: true,
      why: null,
      count: 1,
      link: { page: 'cycle-record', kind: 'review', id: held.id },
    });
    const withMinutes = buildCycleRecord(WS, 'review', { status: 'held', minutes: 'Minutes in the board folder' });
    expect(check('review', cycle(withMinutes)).met).toBe(true);
  });
});

describe('nonconformity and corrective action (10.2)', () => {
  const nc = (overrides: Parameters<typeof buildCycleRecord<'nonconformity'>>[2]) =>
    buildCycleRecord(WS, 'nonconformity', { description: 'Bias test skipped before release', ...overrides });
  const closedFields = { status: 'closed' as const, effective: 'yes' as const, checkedOn: '2026-02-20', effectivenessCheck: 'Next release tested' };

  it('is red with none recorded and green with one that is not overdue', () => {
    expect(check('nonconformity')).toMatchObject({ met: false, why: 'none-recorded', link: { page: 'cycle-register', kind: 'nonconformity' } });
    expect(check('nonconformity', cycle(nc({ due: '2026-04-01' })))).toMatchObject({
      met: true,
      why: null,
      count: 1,
      link: { page: 'cycle-register', kind: 'nonconformity' },
    });
    expect(check('nonconformity', cycle(nc({ due: TODAY }))).met).toBe(true);
    expect(check('nonconformity', cycle(nc({ due: null }))).met).toBe(true);
  });

  it('is red while an open one is overdue, and green once it is closed', () => {
    const overdue = nc({ due: '2026-02-28', status: 'action-planned' });
    expect(check('nonconformity', cycle(overdue))).toMatchObject({
      met: false,
      why: 'overdue',
      count: 1,
      link: { page: 'cycle-record', kind: 'nonconformity', id: overdue.id },
    });
    const closed = nc({ due: '2026-02-28', ...closedFields });
    expect(check('nonconformity', cycle(closed))).toMatchObject({ met: true, why: null });
  });

  it('links the longest overdue one', () => {
    const late = nc({ ref: 'NC-001', due: '2026-02-01' });
    const later = nc({ ref: 'NC-002', due: '2026-01-01' });
    const fine = nc({ ref: 'NC-003', due: '2026-05-01' });
    expect(check('nonconformity', cycle(late, fine, later))).toMatchObject({ met: false, why: 'overdue', count: 3, link: { id: later.id } });
  });
});

describe('readiness: robustness', () => {
  it('ignores records of other kinds and malformed records without throwing', () => {
    const incident = buildCycleRecord(WS, 'incident', { status: 'closed', itemIds: ['8.1', '10.2'] });
    const improvement = buildCycleRecord(WS, 'improvement', { status: 'done', itemIds: ['10.2'] });
    const alien = { id: 'x', kind: 'mystery', ref: 'X-001', title: 'x', owner: '', itemIds: ['8.1'], statement: 'scope' } as unknown as CycleRecord;
    const broken = { id: 'y', kind: 'metric', ref: 'MET-009', title: 'y', readings: 'not a list' } as unknown as CycleRecord;
    const brokenDoc = { id: 'z', kind: 'document', ref: 'DOC-009', title: 'z', type: 'process', status: 'approved' } as unknown as CycleRecord;
    const r = run(cycle(incident, improvement, alien, broken, brokenDoc));
    expect(r.met).toBe(0);
    expect(r.checks.find((c) => c.id === 'monitoring')?.why).toBe('no-readings');
  });

  it('is fully green for a workspace that holds every piece of documented information', () => {
    const system = makeAiSystem(WS);
    const own = makeOwnControl(WS);
    const r = run({
      assessments: fullSoa(),
      risks: [makeRisk(WS, { treatment: 'modify', ownControlIds: [own.id] })],
      ownControls: [own],
      impactAssessments: [makeImpactAssessment(WS, system.id, { state: 'approved' })],
      aiSystems: [system],
      evidence: [makeLinkEvidence(WS, { itemId: '8.1' })],
      cycle: [
        buildCycleRecord(WS, 'scope', { statement: 'Claims unit' }),
        doc({ ref: 'DOC-001', type: 'ai-policy', status: 'approved' }),
        doc({ ref: 'DOC-002', type: 'process', status: 'approved', itemIds: ['6.1.2'] }),
        buildCycleRecord(WS, 'objective', { measure: 'Reviewed decisions', target: 95 }),
        buildCycleRecord(WS, 'competence', { evidence: 'Training record' }),
        buildCycleRecord(WS, 'metric', { readings: [cycleRow({ date: '2026-01-31', value: 4, note: '' })] }),
        buildCycleRecord(WS, 'audit', { status: 'completed' }),
        buildCycleRecord(WS, 'review', { status: 'held', minutes: 'Minutes' }),
        buildCycleRecord(WS, 'nonconformity', { due: '2026-03-15' }),
      ],
    });
    expect(r.checks.filter((c) => !c.met).map((c) => `${c.id}:${c.why}`)).toEqual([]);
    expect(r.met).toBe(14);
  });
});
