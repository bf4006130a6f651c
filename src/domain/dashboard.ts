import type { AiSystem } from './ai-system-schema';
import { registerOf, type CycleRecord } from './cycle/registry';
import type { ImpactAssessment } from './impact-assessment-schema';
import { inScopeSystems, systemAssessmentState, type SystemAssessmentState } from './readiness-risks';
import { digestRisks, riskFigures, type RiskFigures } from './risk-digest';
import type { RiskMatrix } from './risk-matrix';
import type { Risk } from './risk-schema';
import { taskStateOn, type Task } from './tasks';

/**
 * What the dashboard shows a client beyond walkthrough progress, in one pass over the records:
 * every figure is a count of real records, and each tile links to the filtered list behind it.
 */
export interface DashboardSummary {
  risks: {
    /** Open risks (not closed). */
    open: number;
    /** Open risks per level of the matrix (index = level), by inherent and by residual rating. */
    inherent: number[];
    residual: number[];
    unratedInherent: number;
    unratedResidual: number;
    /** Residual level above the acceptance threshold with no recorded acceptance (6.1.3). */
    awaitingAcceptance: number;
  };
  nonconformities: { open: number };
  incidents: { open: number };
  systems: { inScope: number; current: number; without: { id: string; name: string; state: Exclude<SystemAssessmentState, 'current'> }[] };
  objectives: { onTrack: number; offTrack: number; notMeasured: number };
  /** The same tasks as My tasks: overdue, and due within the next 14 days. */
  tasks: { overdue: number; soon: number };
}

export interface DashboardInput {
  risks: readonly Risk[];
  matrix: RiskMatrix;
  cycle: readonly CycleRecord[];
  aiSystems: readonly AiSystem[];
  impactAssessments: readonly ImpactAssessment[];
  tasks: readonly Task[];
  /** YYYY-MM-DD */
  today: string;
}

const field = (r: CycleRecord, key: string): unknown => (r as unknown as Record<string, unknown>)[key];

function objectiveState(o: CycleRecord, today: string): 'on' | 'off' | 'not-measured' | null {
  const status = field(o, 'status');
  if (status === 'dropped') return null;
  if (status === 'achieved') return 'on';
  const due = field(o, 'due');
  if (status === 'at-risk' || (typeof due === 'string' && due < today)) return 'off';
  return status === 'on-track' ? 'on' : 'not-measured';
}

export function dashboardSummary(input: DashboardInput): DashboardSummary {
  // The risks' part as the dashboard works it out from their digests (own controls play no part in these counts).
  const digests = digestRisks(input.risks, { matrix: input.matrix, known: new Set(), viaOwn: new Map() });
  return { risks: riskSummary(riskFigures(digests, input.matrix, input.today, 0)), ...otherSummary(input), tasks: taskCounts(input.tasks, input.today) };
}

/** The risk tile's counts from the risks' figures (risk-digest.ts). */
export function riskSummary(f: RiskFigures): DashboardSummary['risks'] {
  const { open, inherent, residual, unratedInherent, unratedResidual, awaitingAcceptance } = f;
  return { open, inherent, residual, unratedInherent, unratedResidual, awaitingAcceptance };
}

/** Overdue and due-soon counts of `tasks`. */
export function taskCounts(tasks: readonly Task[], today: string): DashboardSummary['tasks'] {
  const counts = { overdue: 0, soon: 0 };
  const stateOn = taskStateOn(today);
  for (const task of tasks) {
    const state = stateOn(task);
    if (state === 'overdue') counts.overdue += 1;
    else if (state === 'soon') counts.soon += 1;
  }
  return counts;
}

/** Everything but the risks and the tasks. */
export function otherSummary(
  input: Pick<DashboardInput, 'cycle' | 'aiSystems' | 'impactAssessments' | 'today'>,
): Pick<DashboardSummary, 'nonconformities' | 'incidents' | 'systems' | 'objectives'> {
  let ncOpen = 0;
  let incidentsOpen = 0;
  const objectives = { onTrack: 0, offTrack: 0, notMeasured: 0 };
  const ncClosed = registerOf('nonconformity').closed;
  const incidentClosed = registerOf('incident').closed;
  for (const r of input.cycle) {
    const fields = r as unknown as Record<string, unknown>;
    if (r.kind === 'nonconformity' && !ncClosed(fields)) ncOpen += 1;
    else if (r.kind === 'incident' && !incidentClosed(fields)) incidentsOpen += 1;
    else if (r.kind === 'objective') {
      const s = objectiveState(r, input.today);
      if (s === 'on') objectives.onTrack += 1;
      else if (s === 'off') objectives.offTrack += 1;
      else if (s === 'not-measured') objectives.notMeasured += 1;
    }
  }

  const bySystem = new Map<string, ImpactAssessment[]>();
  for (const a of input.impactAssessments) bySystem.set(a.aiSystemId, [...(bySystem.get(a.aiSystemId) ?? []), a]);
  const scoped = inScopeSystems(input.aiSystems);
  const without: DashboardSummary['systems']['without'] = [];
  for (const s of scoped) {
    const { state } = systemAssessmentState(bySystem.get(s.id) ?? [], input.today);
    if (state !== 'current') without.push({ id: s.id, name: s.name, state });
  }

  return {
    nonconformities: { open: ncOpen },
    incidents: { open: incidentsOpen },
    systems: { inScope: scoped.length, current: scoped.length - without.length, without },
    objectives,
  };
}
