import { listAiSystems } from '../db/ai-systems-repo';
import { listAssessments } from '../db/assessments-repo';
import { listCycleRecords } from '../db/cycle-repo';
import { listEvidence } from '../db/evidence-repo';
import { listImpactAssessments } from '../db/impact-assessments-repo';
import { listOwnControls } from '../db/own-controls-repo';
import { listRisks } from '../db/risks-repo';
import type { Task } from '../domain/tasks';
import type { WorkspaceRecords } from '../domain/workspace-records';
import type { ReadinessLink } from '../domain/readiness';
import { live } from '../state/live.svelte';
import type { Route } from '../state/routes';

export { workspaceTasks, type WorkspaceRecords } from '../domain/workspace-records';

const EMPTY: WorkspaceRecords = { assessments: [], evidence: [], cycle: [], risks: [], ownControls: [], impactAssessments: [], aiSystems: [] };

/** The workspace's records as one live query (it re-runs when any of their tables changes): the tasks, readiness and print pages read them. */
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
