import type { AiSystem } from './ai-system-schema';
import type { Catalog } from './catalog-model';
import type { ImpactAssessment } from './impact-assessment-schema';
import type { OwnControl } from './own-control-schema';
import { soaGaps, type AssessmentLookup } from './progress';
import type { ReadinessGap, ReadinessLink } from './readiness-types';
import { evaluateRisk } from './risk-evaluation';
import { ratingOutOfScale, type RiskMatrix } from './risk-matrix';
import { inRefOrder } from './ref-order';
import type { Risk } from './risk-schema';
import type { TreatmentLink } from './soa-links';

/**
 * The readiness rules that read the risk register, the SoA and the AI system inventory
 * (6.1.2, 6.1.3, 6.1.4, 8.2, 8.3, 8.4). Each returns every gap it finds, so the page can say
 * exactly what is missing; docs/management-system.md words the same rules for people.
 */

export interface CheckResult {
  met: boolean;
  count: number;
  link: ReadinessLink;
  gaps: ReadinessGap[];
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const filled = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';
const riskLink = (r: Risk): ReadinessLink => ({ page: 'risk', id: r.id });
const named = (r: Risk) => ({ ref: r.ref, title: r.title });

/** Both inherent ratings set and inside the current matrix: the risk has been assessed against the criteria. */
export function isAssessed(r: Risk, matrix: RiskMatrix): boolean {
  return isNumber(r.inherentLikelihood) && isNumber(r.inherentImpact) && !ratingOutOfScale(matrix, r.inherentLikelihood, r.inherentImpact);
}

const open = (risks: readonly Risk[]) => inRefOrder(risks.filter((r) => r.status !== 'closed'));

/** 6.1.2: criteria are defined (the workspace matrix with its acceptance threshold) and risks are assessed against them. */
export function riskCriteriaCheck(risks: readonly Risk[], matrix: RiskMatrix): CheckResult {
  const assessed = risks.filter((r) => isAssessed(r, matrix));
  if (assessed.length) return { met: true, count: assessed.length, link: { page: 'criteria' }, gaps: [] };
  return {
    met: false,
    count: 0,
    link: { page: 'risks' },
    gaps: [{ code: 'criteria-no-assessed-risk', params: { matrix: matrix.name }, link: { page: 'risks' } }],
  };
}

/** A planned review (YYYY-MM-DD, or none) that is past on `today`. */
export const reviewOverdue = (nextReview: string | null | undefined, today: string): boolean => Boolean(nextReview) && nextReview! < today;

/** 8.2 for one open risk: unrated, or past its planned review (null: neither). */
export function riskResultsGap(r: Risk, matrix: RiskMatrix, today: string): ReadinessGap | null {
  if (!isAssessed(r, matrix)) return { code: 'risk-unrated', params: named(r), link: riskLink(r) };
  if (r.nextReview && reviewOverdue(r.nextReview, today))
    return { code: 'risk-review-overdue', params: { ...named(r), date: { date: r.nextReview } }, link: riskLink(r) };
  return null;
}

/** 8.2: every open risk has been assessed, and none is past its planned review. */
export function riskResultsCheck(risks: readonly Risk[], matrix: RiskMatrix, today: string): CheckResult {
  const list = open(risks);
  if (!list.length) return { met: false, count: 0, link: { page: 'risks' }, gaps: [{ code: 'risks-none', params: {}, link: { page: 'risks' } }] };
  const gaps: ReadinessGap[] = [];
  for (const r of list) {
    const gap = riskResultsGap(r, matrix, today);
    if (gap) gaps.push(gap);
  }
  const count = list.filter((r) => isAssessed(r, matrix)).length;
  return { met: gaps.length === 0, count, link: gaps[0]?.link ?? { page: 'risks' }, gaps };
}

/**
 * 6.1.3 and 8.3: every open risk whose level is above the acceptance threshold has a treatment
 * option with controls, own controls or a plan behind it; every residual level above the threshold
 * is accepted, with who and when.
 */
export function riskTreatmentCheck(risks: readonly Risk[], ownControls: readonly OwnControl[], matrix: RiskMatrix): CheckResult {
  const list = open(risks).filter((r) => isAssessed(r, matrix));
  if (!list.length) return { met: false, count: 0, link: { page: 'risks' }, gaps: [{ code: 'risks-none', params: {}, link: { page: 'risks' } }] };
  const known = new Set(ownControls.map((c) => c.id));
  const gaps: ReadinessGap[] = [];
  let treated = 0;
  for (const r of list) {
    const t = riskTreatment(r, known, matrix);
    if (t.treated) treated += 1;
    if (t.gap) gaps.push(t.gap);
  }
  return { met: gaps.length === 0, count: treated, link: gaps[0]?.link ?? { page: 'risks' }, gaps };
}

/**
 * 6.1.3 and 8.3 for one open, assessed risk: whether a treatment is behind it (an option, with
 * controls, own controls of the workspace (`known`) or a plan), and its gap (null: none).
 */
export function riskTreatment(r: Risk, known: ReadonlySet<string>, matrix: RiskMatrix): { treated: boolean; gap: ReadinessGap | null } {
  const threshold = matrix.risk[matrix.acceptanceThreshold]?.name ?? '';
  const ev = evaluateRisk(r, matrix);
  const treated = r.treatment !== null && (r.annexAControls.length > 0 || r.ownControlIds.some((id) => known.has(id)) || filled(r.treatmentPlan));
  if (ev.inherent && !ev.inherent.acceptable && !treated)
    return { treated, gap: { code: 'risk-untreated', params: { ...named(r), level: ev.inherent.level.name, threshold }, link: riskLink(r) } };
  if (ev.flags.includes('acceptance-missing') && ev.residual)
    return { treated, gap: { code: 'risk-not-accepted', params: { ...named(r), level: ev.residual.level.name, threshold }, link: riskLink(r) } };
  return { treated, gap: null };
}

/** 6.1.3: every Annex A control is decided and justified (see soaGaps). */
export function soaCheck(catalog: Catalog, answers: AssessmentLookup, links: ReadonlyMap<string, readonly TreatmentLink[]>): CheckResult {
  const gaps: ReadinessGap[] = [];
  for (const control of catalog.controls) {
    const missing = soaGaps(answers.get(control.id), links.get(control.id) ?? []);
    if (missing.length)
      gaps.push({
        code: 'soa-control',
        params: { id: control.id, title: control.title, missing: { options: 'soa.gap', values: missing } },
        link: { page: 'soa' },
      });
  }
  const total = catalog.controls.length;
  return { met: total > 0 && gaps.length === 0, count: total - gaps.length, link: { page: 'soa' }, gaps };
}

/** The newest approved version of a system's assessments (any series), or undefined. */
function inForce(versions: readonly ImpactAssessment[]): ImpactAssessment | undefined {
  let best: ImpactAssessment | undefined;
  for (const v of versions)
    if (v.state === 'approved' && (!best || v.updatedAt > best.updatedAt || (v.updatedAt === best.updatedAt && v.version > best.version))) best = v;
  return best;
}

export type SystemAssessmentState = 'current' | 'none' | 'not-approved' | 'review-overdue';

/**
 * Where one AI system stands with its impact assessment (6.1.4, 8.4): `current` when an approved
 * version is in force and its next review has not passed. Shared with the dashboard.
 */
export function systemAssessmentState(
  versions: readonly ImpactAssessment[],
  today: string,
): { state: SystemAssessmentState; version: ImpactAssessment | undefined } {
  const approved = inForce(versions);
  if (approved) return { state: approved.nextReview && approved.nextReview < today ? 'review-overdue' : 'current', version: approved };
  if (!versions.length) return { state: 'none', version: undefined };
  const newest = versions.reduce((a, b) => (b.version > a.version ? b : a));
  return { state: 'not-approved', version: newest };
}

/** The systems the AIMS covers: marked in scope and not retired. */
export const inScopeSystems = (systems: readonly AiSystem[]): AiSystem[] =>
  systems.filter((s) => s.inScope === 'yes' && s.status !== 'retired').sort((a, b) => a.name.localeCompare(b.name));

/** 6.1.4 and 8.4: every AI system in scope has an approved impact assessment in force, reviewed on time. */
export function impactCheck(systems: readonly AiSystem[], assessments: readonly ImpactAssessment[], today: string): CheckResult {
  const scoped = inScopeSystems(systems);
  if (!scoped.length)
    return { met: false, count: 0, link: { page: 'systems' }, gaps: [{ code: 'systems-none-in-scope', params: {}, link: { page: 'systems' } }] };
  const bySystem = new Map<string, ImpactAssessment[]>();
  for (const a of assessments) bySystem.set(a.aiSystemId, [...(bySystem.get(a.aiSystemId) ?? []), a]);
  const gaps: ReadinessGap[] = [];
  let current = 0;
  let firstCurrent: ImpactAssessment | undefined;
  for (const s of scoped) {
    const { state, version } = systemAssessmentState(bySystem.get(s.id) ?? [], today);
    if (state === 'current') {
      current += 1;
      firstCurrent ??= version;
    } else if (state === 'none') {
      const eu = s.euAiActCategory !== 'not-assessed';
      gaps.push({
        code: eu ? 'system-no-assessment-eu' : 'system-no-assessment',
        params: { name: s.name, ...(eu ? { category: { option: 'ai.eu', value: s.euAiActCategory } } : {}) },
        link: { page: 'system', id: s.id },
      });
    } else if (state === 'not-approved') {
      gaps.push({ code: 'system-not-approved', params: { name: s.name, version: version!.version }, link: { page: 'assessment', id: version!.id } });
    } else {
      gaps.push({
        code: 'system-review-overdue',
        params: { name: s.name, version: version!.version, date: { date: version!.nextReview! } },
        link: { page: 'assessment', id: version!.id },
      });
    }
  }
  const link: ReadinessLink = gaps[0]?.link ?? (firstCurrent ? { page: 'assessment', id: firstCurrent.id } : { page: 'assessments' });
  return { met: gaps.length === 0, count: current, link, gaps };
}
