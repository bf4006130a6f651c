import type { Catalog } from './catalog-model';
import { otherSummary, riskSummary, taskCounts, type DashboardSummary } from './dashboard';
import type { SoaCompleteness } from './progress';
import { readinessScore } from './readiness';
import { digestRisks, riskFigures, type RiskDigestContext, type RiskDigests } from './risk-digest';
import type { RiskMatrix } from './risk-matrix';
import { ownControlAnnexA } from './soa-links';
import { filterTasks, firstTasks, keepFirst, type Task } from './tasks';

export { digestRisks, updateDigests } from './risk-digest';
import { workspaceTasks, type WorkspaceRecords } from './workspace-records';

/** How many overdue tasks and systems without an assessment the dashboard names (the rest are counted). */
export const DASHBOARD_SHOWN = 6;

/**
 * Every figure the dashboard shows that needs the workspace's records, and nothing more: worked out
 * in the dashboard worker from all the records (50,000 risks) and handed to the page as these few
 * counts, the overdue tasks it names and the systems it lists. Words come later, on the page: tasks
 * carry message keys, systems their assessment state.
 */
export interface DashboardView extends Omit<DashboardSummary, 'systems'> {
  systems: {
    inScope: number;
    current: number;
    /** How many systems in scope have no current approved impact assessment … */
    without: number;
    /** … and the first of them. */
    shown: DashboardSummary['systems']['without'];
  };
  /** The readiness checklist's score. */
  readiness: { met: number; total: number };
  /** The SoA's completeness, risk treatments included (the incomplete controls counted, not listed). */
  soa: Omit<SoaCompleteness, 'incomplete'> & { incomplete: number };
  /** The overdue tasks in My tasks' order: how many, and the first. */
  overdue: { count: number; shown: Task[] };
}

export interface DashboardViewInput extends WorkspaceRecords {
  catalog: Catalog;
  matrix: RiskMatrix;
  /** YYYY-MM-DD, the user's local date. */
  today: string;
}

/** The dashboard's figures from the workspace's records: the same functions as My tasks, readiness and the SoA. */
export function dashboardView(input: DashboardViewInput, shown = DASHBOARD_SHOWN): DashboardView {
  return dashboardFromDigests({ ...input, digests: digestRisks(input.risks, digestContext(input)) }, shown);
}

/** What a risk's digest is worked out with, besides the risk (risk-digest.ts). */
export function digestContext(input: Pick<DashboardViewInput, 'matrix' | 'ownControls'>): RiskDigestContext {
  return { matrix: input.matrix, known: new Set(input.ownControls.map((c) => c.id)), viaOwn: ownControlAnnexA(input.ownControls) };
}

/**
 * The dashboard's figures from the risks' digests (kept between visits, or just made from every
 * risk) and every other record: the risks' counts, checks, SoA links and tasks summed over the
 * digests, the rest as readiness, My tasks and the summary work it out.
 */
export function dashboardFromDigests(input: Omit<DashboardViewInput, 'risks'> & { digests: RiskDigests }, shown = DASHBOARD_SHOWN): DashboardView {
  const f = riskFigures(input.digests, input.matrix, input.today, shown);
  // Every task but the risks' (theirs come from the digests), counted, and only the first few overdue put in order.
  const others = workspaceTasks({ ...input, risks: [] }, input.catalog, false);
  const counts = taskCounts(others, input.today);
  const overdue = filterTasks(others, { states: ['overdue'] }, input.today);
  const first = firstTasks(overdue, shown);
  for (const t of f.tasks.first) keepFirst(first, t, shown);
  const ready = readinessScore(input, f.checks, f.links);
  const other = otherSummary(input);
  const { without, ...systems } = other.systems;
  const { incomplete, ...soa } = ready.soa;
  return {
    risks: riskSummary(f),
    ...other,
    tasks: { overdue: counts.overdue + f.tasks.overdue, soon: counts.soon + f.tasks.soon },
    systems: { ...systems, without: without.length, shown: without.slice(0, shown) },
    readiness: { met: ready.met, total: ready.total },
    soa: { ...soa, incomplete: incomplete.length },
    overdue: { count: overdue.length + f.tasks.overdue, shown: first },
  };
}
