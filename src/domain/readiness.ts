import type { MessageKey } from '../i18n/messages-en';
import { AI_POLICY_TITLE } from './cycle/document-type';
import { registerOf, type CycleKind, type CycleRecord, type CycleRecordOf } from './cycle/registry';
import { servesItem, type Evidence } from './evidence-schema';
import { countStatuses, soaCompleteness } from './progress';
import { impactCheck, riskCriteriaCheck, riskResultsCheck, riskTreatmentCheck, soaCheck, type CheckResult } from './readiness-risks';
import { compareRefs } from './risk-schema';
import { treatmentLinks, type TreatmentLink } from './soa-links';

/**
 * Certification readiness: the documented information an auditor expects to see (ISO/IEC 42001
 * clauses 4–10), checked against the records the workspace really holds. A check is green only
 * when a real record satisfies it; nothing is inferred from walkthrough statuses.
 */

export * from './readiness-types';
import {
  readinessCheckIds,
  type GapParam,
  type Readiness,
  type ReadinessCheck,
  type ReadinessCheckId,
  type ReadinessCoverage,
  type ReadinessGap,
  type ReadinessGapCode,
  type ReadinessInput,
  type ReadinessLink,
  type ReadinessWhy,
} from './readiness-types';

const CHECK_ITEMS: Record<ReadinessCheckId, readonly string[]> = {
  scope: ['4.3'],
  'ai-policy': ['5.2'],
  'risk-criteria': ['6.1.2'],
  'risk-results': ['8.2'],
  'risk-treatment': ['6.1.3', '8.3'],
  soa: ['6.1.3'],
  impact: ['6.1.4', '8.4'],
  objectives: ['6.2'],
  competence: ['7.2'],
  operation: ['8.1'],
  monitoring: ['9.1'],
  audit: ['9.2.1', '9.2.2'],
  review: ['9.3.3'],
  nonconformity: ['10.2'],
};

/** Non-blank text; anything that is not a string (a malformed record) counts as blank. */
const filled = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const rowsOf = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? (v.filter((r) => r && typeof r === 'object') as Record<string, unknown>[]) : []);
const itemsOf = (r: { itemIds?: unknown }): readonly unknown[] => (Array.isArray(r.itemIds) ? r.itemIds : []);

function ofKind<K extends CycleKind>(cycle: readonly CycleRecord[], kind: K): CycleRecordOf<K>[] {
  return cycle
    .filter((r) => r && typeof r === 'object' && r.kind === kind && typeof r.id === 'string')
    .sort((a, b) => compareRefs({ ref: String(a.ref) }, { ref: String(b.ref) })) as CycleRecordOf<K>[];
}

const recordLink = (kind: CycleKind, id: string): ReadinessLink => ({ page: 'cycle-record', kind, id });
const registerLink = (kind: CycleKind): ReadinessLink => ({ page: 'cycle-register', kind });
const named = (r: { ref: unknown; title: unknown }) => ({ ref: String(r.ref), title: String(r.title ?? '') });
const gapOn = (code: ReadinessGapCode, kind: CycleKind, r: CycleRecord, params: Record<string, GapParam> = {}): ReadinessGap => ({
  code,
  params: { ...named(r), ...params },
  link: recordLink(kind, r.id),
});
const emptyGap = (code: ReadinessGapCode, kind: CycleKind): ReadinessGap => ({ code, params: {}, link: registerLink(kind) });

type Draft = Omit<ReadinessCheck, 'id' | 'items' | 'label'>;

const met = (count: number, link: ReadinessLink): Draft => ({ met: true, why: null, link, count, gaps: [] });
/** Not met: the summary code, and every gap (the first one's link is where to act). */
const unmet = (why: ReadinessWhy, gaps: ReadinessGap[], count = 0): Draft => ({ met: false, why, link: gaps[0]!.link, count, gaps });
const fromResult = (r: CheckResult, why: ReadinessWhy): Draft =>
  r.met ? met(r.count, r.link) : { met: false, why, link: r.link, count: r.count, gaps: r.gaps };

/** A document in force: any status but retired. */
const inForce = (d: CycleRecordOf<'document'>) => d.status !== 'retired';

function scopeCheck(cycle: readonly CycleRecord[]): Draft {
  const scopes = ofKind(cycle, 'scope');
  const good = scopes.filter((s) => filled(s.statement));
  if (good.length) return met(good.length, recordLink('scope', good[0]!.id));
  return scopes.length ? unmet('no-statement', [gapOn('scope-no-statement', 'scope', scopes[0]!)]) : unmet('missing', [emptyGap('scope-missing', 'scope')]);
}

function aiPolicyCheck(docs: CycleRecordOf<'document'>[]): Draft {
  const policies = docs.filter((d) => d.type === 'ai-policy' && inForce(d));
  const approved = policies.filter((d) => d.status === 'approved');
  if (approved.length) return met(approved.length, recordLink('document', approved[0]!.id));
  const gaps = policies.map((d) => gapOn('policy-not-approved', 'document', d, { status: { option: 'cycle.document.status', value: d.status } }));
  // An AI policy filed under another type is the usual reason for "nothing recorded": say so.
  for (const d of docs)
    if (d.type !== 'ai-policy' && inForce(d) && AI_POLICY_TITLE.test(String(d.title)))
      gaps.push(gapOn('policy-misfiled', 'document', d, { type: { option: 'cycle.document.type', value: d.type } }));
  if (!gaps.length) gaps.push(emptyGap('policy-missing', 'document'));
  return unmet(policies.length ? 'not-approved' : 'missing', gaps);
}

function objectivesCheck(cycle: readonly CycleRecord[]): Draft {
  const objectives = ofKind(cycle, 'objective').filter((o) => o.status !== 'dropped');
  const good = objectives.filter((o) => filled(o.measure) && isNumber(o.target));
  if (good.length) return met(good.length, recordLink('objective', good[0]!.id));
  return objectives.length
    ? unmet(
        'no-target',
        objectives.map((o) => gapOn('objective-no-target', 'objective', o)),
      )
    : unmet('none-recorded', [emptyGap('objectives-none', 'objective')]);
}

function competenceCheck(cycle: readonly CycleRecord[]): Draft {
  const records = ofKind(cycle, 'competence');
  const good = records.filter((c) => filled(c.evidence));
  if (good.length) return met(good.length, recordLink('competence', good[0]!.id));
  return records.length
    ? unmet(
        'no-evidence',
        records.map((c) => gapOn('competence-no-evidence', 'competence', c)),
      )
    : unmet('none-recorded', [emptyGap('competence-none', 'competence')]);
}

function operationCheck(docs: CycleRecordOf<'document'>[], evidence: readonly Evidence[]): Draft {
  const planning = docs.filter((d) => inForce(d) && itemsOf(d).includes('8.1'));
  const files = evidence.filter((e) => servesItem(e, '8.1'));
  const count = planning.length + files.length;
  const link: ReadinessLink = planning[0] ? recordLink('document', planning[0].id) : { page: 'item', itemId: '8.1' };
  return count ? met(count, link) : unmet('no-evidence', [{ code: 'operation-none', params: {}, link }]);
}

function monitoringCheck(cycle: readonly CycleRecord[]): Draft {
  const metrics = ofKind(cycle, 'metric');
  const good = metrics.filter((m) => rowsOf(m.readings).some((r) => isNumber(r.value)));
  if (good.length) return met(good.length, recordLink('metric', good[0]!.id));
  return metrics.length
    ? unmet(
        'no-readings',
        metrics.map((m) => gapOn('metric-no-readings', 'metric', m)),
      )
    : unmet('none-recorded', [emptyGap('metrics-none', 'metric')]);
}

function auditCheck(cycle: readonly CycleRecord[]): Draft {
  const audits = ofKind(cycle, 'audit');
  const done = audits.filter((a) => a.status === 'completed');
  if (done.length) return met(done.length, recordLink('audit', done[0]!.id));
  if (!audits.length) return unmet('none-recorded', [emptyGap('audits-none', 'audit')]);
  const running = audits.filter((a) => a.status === 'in-progress' || a.status === 'planned');
  return unmet(
    'not-completed',
    (running.length ? running : audits).map((a) =>
      gapOn('audit-not-completed', 'audit', a, { status: { option: 'cycle.audit.status', value: String(a.status) } }),
    ),
  );
}

function reviewCheck(cycle: readonly CycleRecord[]): Draft {
  const reviews = ofKind(cycle, 'review');
  const held = reviews.filter((r) => r.status === 'held');
  const good = held.filter((r) => filled(r.minutes) || filled(r.decisions));
  if (good.length) return met(good.length, recordLink('review', good[0]!.id));
  if (held.length)
    return unmet(
      'no-minutes',
      held.map((r) => gapOn('review-no-minutes', 'review', r)),
    );
  return reviews.length
    ? unmet(
        'not-held',
        reviews.map((r) => gapOn('review-not-held', 'review', r)),
      )
    : unmet('none-recorded', [emptyGap('reviews-none', 'review')]);
}

function nonconformityCheck(cycle: readonly CycleRecord[], today: string): Draft {
  const ncs = ofKind(cycle, 'nonconformity');
  if (!ncs.length) return unmet('none-recorded', [emptyGap('ncs-none', 'nonconformity')]);
  const closed = registerOf('nonconformity').closed;
  const overdue = ncs
    .filter((n) => typeof n.due === 'string' && n.due < today && !closed(n as unknown as Record<string, unknown>))
    .sort((a, b) => String(a.due).localeCompare(String(b.due)) || compareRefs(a, b));
  if (overdue.length)
    return unmet(
      'overdue',
      overdue.map((n) => gapOn('nc-overdue', 'nonconformity', n, { date: { date: String(n.due) } })),
      ncs.length,
    );
  return met(ncs.length, registerLink('nonconformity'));
}

/** The checks the risk register decides (worked out from every risk, or from the dashboard's digests of them). */
type RiskCheckId = 'risk-criteria' | 'risk-results' | 'risk-treatment';

/** Walkthrough coverage, the SoA's completeness and every check the risk register does not decide. */
function withoutRisks(input: Omit<ReadinessInput, 'risks'>, links: ReadonlyMap<string, readonly TreatmentLink[]>) {
  const { catalog } = input;
  const answers = new Map(input.assessments.map((a) => [a.itemId, a]));
  const counts = countStatuses(catalog.assessable, answers);
  const total = catalog.assessable.length;
  const coverage: ReadinessCoverage = {
    answered: total - counts['not-started'],
    implemented: counts.implemented,
    notApplicable: counts['not-applicable'],
    total,
    percent: total ? Math.round(((counts.implemented + counts['not-applicable']) / total) * 100) : 0,
  };
  const soa = soaCompleteness(catalog, answers, links);
  const docs = ofKind(input.cycle, 'document');
  const drafts: Record<Exclude<ReadinessCheckId, RiskCheckId>, Draft> = {
    scope: scopeCheck(input.cycle),
    'ai-policy': aiPolicyCheck(docs),
    soa: fromResult(soaCheck(catalog, answers, links), 'incomplete'),
    impact: fromResult(impactCheck(input.aiSystems, input.impactAssessments, input.today), 'systems-uncovered'),
    objectives: objectivesCheck(input.cycle),
    competence: competenceCheck(input.cycle),
    operation: operationCheck(docs, input.evidence),
    monitoring: monitoringCheck(input.cycle),
    audit: auditCheck(input.cycle),
    review: reviewCheck(input.cycle),
    nonconformity: nonconformityCheck(input.cycle, input.today),
  };
  return { coverage, soa, drafts };
}

/** Walkthrough coverage and the documented-information checklist, in clause order. */
export function readiness(input: ReadinessInput): Readiness {
  const links = treatmentLinks(input.risks, input.ownControls);
  const { coverage, soa, drafts: others } = withoutRisks(input, links);
  const drafts: Record<ReadinessCheckId, Draft> = {
    ...others,
    'risk-criteria': fromResult(riskCriteriaCheck(input.risks, input.matrix), 'not-rated'),
    'risk-results': fromResult(riskResultsCheck(input.risks, input.matrix, input.today), input.risks.length ? 'not-rated' : 'none-recorded'),
    'risk-treatment': fromResult(riskTreatmentCheck(input.risks, input.ownControls, input.matrix), input.risks.length ? 'no-treatment' : 'none-recorded'),
  };
  const checks: ReadinessCheck[] = readinessCheckIds.map((id) => ({
    id,
    items: CHECK_ITEMS[id],
    label: `readiness.check.${id}` as MessageKey,
    ...drafts[id],
  }));
  return { coverage, soa, checks, met: checks.filter((c) => c.met).length, total: checks.length };
}

/**
 * The checklist's score and the SoA's completeness as `readiness` works them out, with the risk
 * register's part given: whether each of its checks is met, and the controls its treatments rely
 * on (`links`; only how many risks rely on each control counts here). The dashboard's figures come
 * from digests of the risks kept between visits (risk-digest.ts), not from the risks themselves.
 */
export function readinessScore(
  input: Omit<ReadinessInput, 'risks'>,
  risks: Record<RiskCheckId, boolean>,
  links: ReadonlyMap<string, readonly TreatmentLink[]>,
): Pick<Readiness, 'soa' | 'met' | 'total'> {
  const { soa, drafts } = withoutRisks(input, links);
  const met = Object.values(drafts).filter((d) => d.met).length + Object.values(risks).filter(Boolean).length;
  return { soa, met, total: readinessCheckIds.length };
}
