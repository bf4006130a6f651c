import type { MessageKey } from '../i18n/messages-en';
import { registerOf, type CycleKind, type CycleRecord, type CycleRecordOf } from './cycle/registry';
import type { Evidence } from './evidence-schema';
import type { ImpactAssessment } from './impact-assessment-schema';
import type { OwnControl } from './own-control-schema';
import { countStatuses, soaCompleteness } from './progress';
import { compareRefs, type Risk } from './risk-schema';
import { treatmentLinks } from './soa-links';

/**
 * Certification readiness: the documented information an auditor expects to see (ISO/IEC 42001
 * clauses 4–10), checked against the records the workspace really holds. A check is green only
 * when a real record satisfies it; nothing is inferred from walkthrough statuses.
 */

export * from './readiness-types';
import { readinessCheckIds, type Readiness, type ReadinessCheck, type ReadinessCheckId, type ReadinessCoverage, type ReadinessInput, type ReadinessLink, type ReadinessWhy } from './readiness-types';

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
  return cycle.filter((r) => r && typeof r === 'object' && r.kind === kind && typeof r.id === 'string').sort((a, b) => compareRefs({ ref: String(a.ref) }, { ref: String(b.ref) })) as CycleRecordOf<K>[];
}

const recordLink = (kind: CycleKind, id: string): ReadinessLink => ({ page: 'cycle-record', kind, id });
const registerLink = (kind: CycleKind): ReadinessLink => ({ page: 'cycle-register', kind });
/** The first qualifying record, else the first near miss, else the register. */
const bestLink = (kind: CycleKind, ...candidates: readonly { id: string }[][]): ReadinessLink => {
  for (const list of candidates) if (list[0]) return recordLink(kind, list[0].id);
  return registerLink(kind);
};

type Draft = Omit<ReadinessCheck, 'id' | 'items' | 'label'>;

const met = (count: number, link: ReadinessLink): Draft => ({ met: true, why: null, link, count });
const unmet = (why: ReadinessWhy, link: ReadinessLink, count = 0): Draft => ({ met: false, why, link, count });

/** A document in force: any status but retired. */
const inForce = (d: CycleRecordOf<'document'>) => d.status !== 'retired';

function scopeCheck(cycle: readonly CycleRecord[]): Draft {
  const scopes = ofKind(cycle, 'scope');
  const good = scopes.filter((s) => filled(s.statement));
  if (good.length) return met(good.length, recordLink('scope', good[0]!.id));
  return unmet(scopes.length ? 'no-statement' : 'missing', bestLink('scope', scopes));
}

function aiPolicyCheck(docs: CycleRecordOf<'document'>[]): Draft {
  const policies = docs.filter((d) => d.type === 'ai-policy' && inForce(d));
  const approved = policies.filter((d) => d.status === 'approved');
  if (approved.length) return met(approved.length, recordLink('document', approved[0]!.id));
  return unmet(policies.length ? 'not-approved' : 'missing', bestLink('document', policies));
}

/** 6.1.2: the documented risk assessment process (the matrix always exists, so it alone proves nothing). */
function riskCriteriaCheck(docs: CycleRecordOf<'document'>[]): Draft {
  const processes = docs.filter((d) => (d.type === 'process' || d.type === 'procedure') && inForce(d) && itemsOf(d).includes('6.1.2'));
  const good = processes.filter((d) => d.status === 'approved' || d.status === 'in-review');
  if (good.length) return met(good.length, recordLink('document', good[0]!.id));
  return unmet(processes.length ? 'not-approved' : 'missing', bestLink('document', processes));
}

function riskResultsCheck(risks: readonly Risk[]): Draft {
  const rated = risks.filter((r) => isNumber(r.inherentLikelihood) && isNumber(r.inherentImpact));
  if (rated.length) return met(rated.length, { page: 'risks' });
  return unmet(risks.length ? 'not-rated' : 'none-recorded', { page: 'risks' });
}

function riskTreatmentCheck(risks: readonly Risk[], ownControls: readonly OwnControl[]): Draft {
  const known = new Set(ownControls.map((c) => c.id));
  const treated = risks.filter(
    (r) =>
      r.treatment !== null &&
      r.treatment !== undefined &&
      ((Array.isArray(r.annexAControls) && r.annexAControls.length > 0) || (Array.isArray(r.ownControlIds) && r.ownControlIds.some((id) => known.has(id))) || filled(r.treatmentPlan)),
  );
  if (treated.length) return met(treated.length, { page: 'risks' });
  return unmet(risks.length ? 'no-treatment' : 'none-recorded', { page: 'risks' });
}

function impactCheck(assessments: readonly ImpactAssessment[]): Draft {
  const approved = assessments.filter((a) => a.state === 'approved');
  if (approved.length) {
    const series = new Set(approved.map((a) => a.seriesId));
    // Link the newest approved version of the first series (by creation order).
    const first = [...approved].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || b.version - a.version)[0]!;
    const newest = approved.filter((a) => a.seriesId === first.seriesId).sort((a, b) => b.version - a.version)[0]!;
    return met(series.size, { page: 'assessment', id: newest.id });
  }
  if (!assessments.length) return unmet('none-recorded', { page: 'assessments' });
  const draft = [...assessments].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || b.version - a.version)[0]!;
  return unmet('not-approved', { page: 'assessment', id: draft.id });
}

function objectivesCheck(cycle: readonly CycleRecord[]): Draft {
  const objectives = ofKind(cycle, 'objective').filter((o) => o.status !== 'dropped');
  const good = objectives.filter((o) => filled(o.measure) && isNumber(o.target));
  if (good.length) return met(good.length, recordLink('objective', good[0]!.id));
  return unmet(objectives.length ? 'no-target' : 'none-recorded', bestLink('objective', objectives));
}

function competenceCheck(cycle: readonly CycleRecord[]): Draft {
  const records = ofKind(cycle, 'competence');
  const good = records.filter((c) => filled(c.evidence));
  if (good.length) return met(good.length, recordLink('competence', good[0]!.id));
  return unmet(records.length ? 'no-evidence' : 'none-recorded', bestLink('competence', records));
}

function operationCheck(docs: CycleRecordOf<'document'>[], evidence: readonly Evidence[]): Draft {
  const planning = docs.filter((d) => inForce(d) && itemsOf(d).includes('8.1'));
  const files = evidence.filter((e) => e.itemId === '8.1');
  const count = planning.length + files.length;
  const link: ReadinessLink = planning[0] ? recordLink('document', planning[0].id) : { page: 'item', itemId: '8.1' };
  return count ? met(count, link) : unmet('no-evidence', link);
}

function monitoringCheck(cycle: readonly CycleRecord[]): Draft {
  const metrics = ofKind(cycle, 'metric');
  const good = metrics.filter((m) => rowsOf(m.readings).some((r) => isNumber(r.value)));
  if (good.length) return met(good.length, recordLink('metric', good[0]!.id));
  return unmet(metrics.length ? 'no-readings' : 'none-recorded', bestLink('metric', metrics));
}

function auditCheck(cycle: readonly CycleRecord[]): Draft {
  const audits = ofKind(cycle, 'audit');
  const done = audits.filter((a) => a.status === 'completed');
  if (done.length) return met(done.length, recordLink('audit', done[0]!.id));
  const running = audits.filter((a) => a.status === 'in-progress' || a.status === 'planned');
  return unmet(audits.length ? 'not-completed' : 'none-recorded', bestLink('audit', running, audits));
}

function reviewCheck(cycle: readonly CycleRecord[]): Draft {
  const reviews = ofKind(cycle, 'review');
  const held = reviews.filter((r) => r.status === 'held');
  const good = held.filter((r) => filled(r.minutes) || filled(r.decisions));
  if (good.length) return met(good.length, recordLink('review', good[0]!.id));
  const why: ReadinessWhy = held.length ? 'no-minutes' : reviews.length ? 'not-held' : 'none-recorded';
  return unmet(why, bestLink('review', held, reviews));
}

function nonconformityCheck(cycle: readonly CycleRecord[], today: string): Draft {
  const ncs = ofKind(cycle, 'nonconformity');
  if (!ncs.length) return unmet('none-recorded', registerLink('nonconformity'));
  const closed = registerOf('nonconformity').closed;
  const overdue = ncs
    .filter((n) => typeof n.due === 'string' && n.due < today && !closed(n as unknown as Record<string, unknown>))
    .sort((a, b) => String(a.due).localeCompare(String(b.due)) || compareRefs(a, b));
  if (overdue.length) return unmet('overdue', recordLink('nonconformity', overdue[0]!.id), ncs.length);
  return met(ncs.length, registerLink('nonconformity'));
}

/** Walkthrough coverage and the documented-information checklist, in clause order. */
export function readiness(input: ReadinessInput): Readiness {
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
  const soa = soaCompleteness(catalog, answers, treatmentLinks(input.risks, input.ownControls));
  const docs = ofKind(input.cycle, 'document');

  const drafts: Record<ReadinessCheckId, Draft> = {
    scope: scopeCheck(input.cycle),
    'ai-policy': aiPolicyCheck(docs),
    'risk-criteria': riskCriteriaCheck(docs),
    'risk-results': riskResultsCheck(input.risks),
    'risk-treatment': riskTreatmentCheck(input.risks, input.ownControls),
    soa: soa.total > 0 && soa.complete === soa.total ? met(soa.complete, { page: 'soa' }) : unmet('incomplete', { page: 'soa' }, soa.complete),
    impact: impactCheck(input.impactAssessments),
    objectives: objectivesCheck(input.cycle),
    competence: competenceCheck(input.cycle),
    operation: operationCheck(docs, input.evidence),
    monitoring: monitoringCheck(input.cycle),
    audit: auditCheck(input.cycle),
    review: reviewCheck(input.cycle),
    nonconformity: nonconformityCheck(input.cycle, input.today),
  };
  const checks: ReadinessCheck[] = readinessCheckIds.map((id) => ({
    id,
    items: CHECK_ITEMS[id],
    label: `readiness.check.${id}` as MessageKey,
    ...drafts[id],
  }));
  return { coverage, soa, checks, met: checks.filter((c) => c.met).length, total: checks.length };
}
