import { isAssessed, reviewOverdue, riskTreatment } from './readiness-risks';
import { evaluateRisk } from './risk-evaluation';
import type { RiskMatrix } from './risk-matrix';
import type { Risk } from './risk-schema';
import { riskControls, type TreatmentLink } from './soa-links';
import type { DashboardSummary } from './dashboard';
import type { RiskDigests } from './risk-digest-codec';
import { keepFirst, riskTask, riskTaskDates, taskStateOn, type Task } from './tasks';

export type { RiskDigests } from './risk-digest-codec';

/*
 * What the dashboard needs of each risk, worked out once per risk and kept between visits: with
 * 50,000 risks, reading and working out every risk again took seconds after any change, while a
 * change touches a few. The dashboard's figures are sums over these digests (dashboard-view.ts),
 * so after a change only the risks written since are read and digested again
 * (dashboard-read-direct.ts). A digest holds for one matrix and one set of own controls
 * (`RiskDigestContext`), on any day: what depends on the day is worked out from its dates when the
 * figures are summed (`riskFigures`), so yesterday's digests still do. The same per-risk rules as the readiness checks, the SoA and My tasks
 * decide it (readiness-risks.ts, soa-links.ts, tasks.ts).
 */

export interface RiskDigestContext {
  matrix: RiskMatrix;
  /** The workspace's own control ids (a treatment through an unknown one does not count). */
  known: ReadonlySet<string>;
  /** Own control id → the Annex A controls it implements (soa-links.ts ownControlAnnexA). */
  viaOwn: ReadonlyMap<string, readonly string[]>;
}

/** Flag bits of a digest. */
export const OPEN = 1;
export const ASSESSED = 2;
/** Open, with a residual level above the threshold and no recorded acceptance. */
export const AWAITING = 4;
/** Open and assessed, with a treatment behind it (6.1.3, 8.3). */
export const TREATED = 16;
/** Open and assessed, untreated above the threshold or not accepted (6.1.3, 8.3). */
export const TREATMENT_GAP = 32;

const COLUMNS = ['id', 'ref', 'title', 'owner', 'flags', 'inherent', 'residual', 'controls', 'treatmentDue', 'nextReview'] as const;

export function emptyDigests(): RiskDigests {
  return { id: [], ref: [], title: [], owner: [], flags: [], inherent: [], residual: [], controls: [], treatmentDue: [], nextReview: [] };
}

/** Puts the digest of `risk` at index `i` of `d` (i = length appends it). */
function digestInto(d: RiskDigests, i: number, risk: Risk, ctx: RiskDigestContext): void {
  const ev = evaluateRisk(risk, ctx.matrix);
  const open = risk.status !== 'closed';
  const assessed = isAssessed(risk, ctx.matrix);
  let flags = (open ? OPEN : 0) | (assessed ? ASSESSED : 0);
  if (open) {
    if (ev.flags.includes('acceptance-missing')) flags |= AWAITING;
    if (assessed) {
      const t = riskTreatment(risk, ctx.known, ctx.matrix);
      if (t.treated) flags |= TREATED;
      if (t.gap) flags |= TREATMENT_GAP;
    }
  }
  const dates = riskTaskDates(risk);
  d.id[i] = risk.id;
  d.ref[i] = String(risk.ref);
  d.title[i] = typeof risk.title === 'string' ? risk.title : '';
  d.owner[i] = typeof risk.owner === 'string' ? risk.owner : '';
  d.flags[i] = flags;
  d.inherent[i] = ev.inherent ? ev.inherent.index : -1;
  d.residual[i] = ev.residual ? ev.residual.index : -1;
  d.controls[i] = open ? [...riskControls(risk, ctx.viaOwn)] : [];
  d.treatmentDue[i] = dates.treatmentDue;
  d.nextReview[i] = dates.nextReview;
}

/** The digests of every risk. */
export function digestRisks(risks: readonly Risk[], ctx: RiskDigestContext): RiskDigests {
  const d = emptyDigests();
  for (let i = 0; i < risks.length; i++) digestInto(d, i, risks[i]!, ctx);
  return d;
}

/**
 * `d` after some risks were written or deleted: each changed id with the risk as it is now
 * (undefined: gone, or not this workspace's) replaces, adds or removes its digest. Order is not kept
 * (no figure depends on it).
 */
export function updateDigests(d: RiskDigests, changed: ReadonlyMap<string, Risk | undefined>, ctx: RiskDigestContext): void {
  if (!changed.size) return;
  const at = new Map<string, number>();
  for (let i = 0; i < d.id.length; i++) if (changed.has(d.id[i]!)) at.set(d.id[i]!, i);
  for (const [id, risk] of changed) {
    const i = at.get(id);
    if (risk) {
      const j = i ?? d.id.length;
      digestInto(d, j, risk, ctx);
      at.set(id, j);
    } else if (i !== undefined) {
      // The last digest moves into the gap.
      const last = d.id.length - 1;
      if (i !== last) {
        for (const c of COLUMNS) (d[c] as unknown[])[i] = (d[c] as unknown[])[last];
        // The moved digest's place, if it is one of the changed (its own change comes later in the loop).
        if (at.has(d.id[i]!)) at.set(d.id[i]!, i);
      }
      for (const c of COLUMNS) (d[c] as unknown[]).length = last;
      at.delete(id);
    }
  }
}

/** The risk tile's counts, as the dashboard summary declares them. */
type RiskCounts = DashboardSummary['risks'];

/** What the dashboard's figures take from the risk register, summed over its digests: the risk tile's counts, and more. */
export interface RiskFigures extends RiskCounts {
  /** Whether the readiness checks the risk register decides are met (readiness-risks.ts). */
  checks: { 'risk-criteria': boolean; 'risk-results': boolean; 'risk-treatment': boolean };
  /** Control id → the open risks whose treatment relies on it (not in register order). */
  links: Map<string, TreatmentLink[]>;
  /** The risks' tasks overdue and due soon (tasks.ts taskStateOn), and the first `shown` overdue ones in My tasks' order. */
  tasks: { overdue: number; soon: number; first: Task[] };
}

export function riskFigures(d: RiskDigests, matrix: RiskMatrix, today: string, shown: number): RiskFigures {
  const levels = matrix.risk.length;
  const f: RiskFigures = {
    open: 0,
    inherent: new Array<number>(levels).fill(0),
    residual: new Array<number>(levels).fill(0),
    unratedInherent: 0,
    unratedResidual: 0,
    awaitingAcceptance: 0,
    checks: { 'risk-criteria': false, 'risk-results': false, 'risk-treatment': false },
    links: new Map(),
    tasks: { overdue: 0, soon: 0, first: [] },
  };
  let anyOpen = false;
  let resultsGap = false;
  let anyRated = false;
  let treatmentGap = false;
  const stateOf = taskStateOn(today);
  const task = (i: number, what: 'treatmentDue' | 'nextReview', date: string | null) => {
    if (date === null) return;
    const state = stateOf({ date });
    if (state === 'soon') f.tasks.soon += 1;
    if (state !== 'overdue') return;
    f.tasks.overdue += 1;
    // Only a task that could be among the first is made (the first are ordered by date first).
    const last = f.tasks.first[shown - 1];
    if (shown > 0 && (!last || date <= last.date))
      keepFirst(f.tasks.first, riskTask({ id: d.id[i]!, ref: d.ref[i]!, title: d.title[i]!, owner: d.owner[i]! }, what, date), shown);
  };
  for (let i = 0; i < d.id.length; i++) {
    const flags = d.flags[i]!;
    if (flags & ASSESSED) f.checks['risk-criteria'] = true;
    task(i, 'treatmentDue', d.treatmentDue[i]!);
    task(i, 'nextReview', d.nextReview[i]!);
    if (!(flags & OPEN)) continue;
    anyOpen = true;
    f.open += 1;
    const inh = d.inherent[i]!;
    const res = d.residual[i]!;
    if (inh >= 0) f.inherent[inh]! += 1;
    else f.unratedInherent += 1;
    if (res >= 0) f.residual[res]! += 1;
    else f.unratedResidual += 1;
    if (flags & AWAITING) f.awaitingAcceptance += 1;
    // 8.2 (readiness-risks.ts riskResultsGap): unrated, or past its planned review on `today` (an open
    // risk's review task date is its planned review: the schema keeps it a real date or none).
    if (!(flags & ASSESSED) || reviewOverdue(d.nextReview[i], today)) resultsGap = true;
    if (flags & ASSESSED) anyRated = true;
    if (flags & TREATMENT_GAP) treatmentGap = true;
    for (const c of d.controls[i]!) {
      const list = f.links.get(c);
      const link = { riskId: d.id[i]!, ref: d.ref[i]! };
      if (list) list.push(link);
      else f.links.set(c, [link]);
    }
  }
  f.checks['risk-results'] = anyOpen && !resultsGap;
  f.checks['risk-treatment'] = anyRated && !treatmentGap;
  return f;
}
