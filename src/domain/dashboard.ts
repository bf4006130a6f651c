import type { AiSystem } from './ai-system-schema';
import { registerOf, type CycleRecord } from './cycle/registry';
import type { ImpactAssessment } from './impact-assessment-schema';
import { inScopeSystems, systemAssessmentState, type SystemAssessmentState } from './readiness-risks';
import { evaluateRisk } from './risk-evaluation';
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
  const levels = input.matrix.risk.length;
  const risks = {
    open: 0,
    inherent: new Array<number>(levels).fill(0),
    residual: new Array<number>(levels).fill(0),
    unratedInherent: 0,
    unratedResidual: 0,
    awaitingAcceptance: 0,
  };
  for (const r of input.risks) {
    if (r.status === 'closed') continue;
    risks.open += 1;
    const ev = evaluateRisk(r, input.matrix);
    if (ev.inherent) risks.inherent[ev.inherent.index]! += 1;
    else risks.unratedInherent += 1;
    if (ev.residual) risks.residual[ev.residual.index]! += 1;
    else risks.unratedResidual += 1;
    if (ev.flags.includes('acceptance-missing')) risks.awaitingAcceptance += 1;
  }

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

  const tasks = { overdue: 0, soon: 0 };
  const stateOn = taskStateOn(input.today);
  for (const task of input.tasks) {
    const state = stateOn(task);
    if (state === 'overdue') tasks.overdue += 1;
    else if (state === 'soon') tasks.soon += 1;
  }

  return {
    risks,
    nonconformities: { open: ncOpen },
    incidents: { open: incidentsOpen },
    systems: { inScope: scoped.length, current: scoped.length - without.length, without },
    objectives,
    tasks,
  };
}
