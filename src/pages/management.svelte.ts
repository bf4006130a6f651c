import { listAiSystems } from '../db/ai-systems-repo';
import { listAssessments } from '../db/assessments-repo';
import { listCycleRecords } from '../db/cycle-repo';
import { listEvidence } from '../db/evidence-repo';
import { listImpactAssessments } from '../db/impact-assessments-repo';
import { listOwnControls } from '../db/own-controls-repo';
import { listRisks } from '../db/risks-repo';
import type { AiSystem } from '../domain/ai-system-schema';
import type { Assessment } from '../domain/assessment-schema';
import type { Catalog } from '../domain/catalog-model';
import { collectTasks, type Task } from '../domain/tasks';
import type { CycleRecord } from '../domain/cycle/registry';
import type { Evidence } from '../domain/evidence-schema';
import type { ImpactAssessment } from '../domain/impact-assessment-schema';
import type { OwnControl } from '../domain/own-control-schema';
import type { ReadinessLink } from '../domain/readiness';
import type { Risk } from '../domain/risk-schema';
import { live } from '../state/live.svelte';
import type { Route } from '../state/routes';

/** Everything the dashboard, tasks and readiness views read, as one live query (it re-runs when any of these tables changes). */
export interface WorkspaceRecords {
  assessments: Assessment[];
  evidence: Evidence[];
  cycle: CycleRecord[];
  risks: Risk[];
  ownControls: OwnControl[];
  impactAssessments: ImpactAssessment[];
  aiSystems: AiSystem[];
}

const EMPTY: WorkspaceRecords = { assessments: [], evidence: [], cycle: [], risks: [], ownControls: [], impactAssessments: [], aiSystems: [] };

export function liveWorkspaceRecords(ws: () => string) {
  return live(
    ws,
    async (w): Promise<WorkspaceRecords> => {
      const [assessments, evidence, cycle, risks, ownControls, impactAssessments, aiSystems] = await Promise.all([
        listAssessments(w),
        listEvidence(w),
        listCycleRecords(w),
        listRisks(w),
        listOwnControls(w),
        listImpactAssessments(w),
        listAiSystems(w),
      ]);
      return { assessments, evidence, cycle, risks, ownControls, impactAssessments, aiSystems };
    },
    EMPTY,
  );
}

/**
 * Every open dated thing of the workspace: the one list behind My tasks, the dashboard's overdue
 * and due-soon counts and the calendar file, so they always count the same things.
 */
export function workspaceTasks(records: WorkspaceRecords, catalog: Catalog): Task[] {
  const names = new Map(records.aiSystems.map((s) => [s.id, s.name]));
  return collectTasks({
    cycle: records.cycle,
    risks: records.risks,
    assessments: records.assessments,
    itemTitle: (id) => `${id} ${catalog.byId.get(id)?.title ?? ''}`.trim(),
    impactAssessments: records.impactAssessments,
    systemName: (id) => names.get(id) ?? '',
  });
}

/** Where a task is done: the record, risk, assessment version or walkthrough item it comes from. */
export function taskRoute(ws: string, task: Task): Route {
  const s = task.source;
  if (s.register === 'cycle') return { name: 'record', ws, kind: s.kind, id: s.recordId };
  if (s.register === 'risk') return { name: 'risk', ws, id: s.recordId };
  if (s.register === 'assessment') return { name: 'assessment', ws, id: s.recordId };
  return { name: 'item', ws, itemId: s.itemId };
}

/** A task as a list names it: "R-003 Title", "DOC-001 Title", an item's "4.1 Title", an assessed system's name. */
export function taskLabel(task: Task): string {
  const ref = task.source.register === 'cycle' || task.source.register === 'risk' ? task.source.ref : '';
  return [ref, task.title].filter(Boolean).join(' ');
}

/** Where a readiness check points, as an app route. */
export function readinessRoute(ws: string, link: ReadinessLink): Route {
  switch (link.page) {
    case 'cycle-record':
      return { name: 'record', ws, kind: link.kind, id: link.id };
    case 'cycle-register':
      return { name: 'register', ws, kind: link.kind };
    case 'assessment':
      return { name: 'assessment', ws, id: link.id };
    case 'risk':
      return { name: 'risk', ws, id: link.id };
    case 'system':
      return { name: 'system', ws, id: link.id };
    case 'item':
      return { name: 'item', ws, itemId: link.itemId };
    default:
      return { name: link.page, ws };
  }
}
