import type { Catalog } from './catalog-model';
import { dashboardSummary, type DashboardSummary } from './dashboard';
import type { SoaCompleteness } from './progress';
import { readiness } from './readiness';
import type { RiskMatrix } from './risk-matrix';
import { filterTasks, firstTasks, type Task } from './tasks';
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
  // Counted, and only the first few overdue put in order.
  const tasks = workspaceTasks(input, input.catalog, false);
  const summary = dashboardSummary({ ...input, tasks });
  const ready = readiness(input);
  const overdue = filterTasks(tasks, { states: ['overdue'] }, input.today);
  const { incomplete, ...soa } = ready.soa;
  const { without, ...systems } = summary.systems;
  return {
    ...summary,
    systems: { ...systems, without: without.length, shown: without.slice(0, shown) },
    readiness: { met: ready.met, total: ready.total },
    soa: { ...soa, incomplete: incomplete.length },
    overdue: { count: overdue.length, shown: firstTasks(overdue, shown) },
  };
}
