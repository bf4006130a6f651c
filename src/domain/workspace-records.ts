import type { AiSystem } from './ai-system-schema';
import type { Assessment } from './assessment-schema';
import type { Catalog } from './catalog-model';
import type { CycleRecord } from './cycle/registry';
import type { Evidence } from './evidence-schema';
import type { ImpactAssessment } from './impact-assessment-schema';
import type { OwnControl } from './own-control-schema';
import type { Risk } from './risk-schema';
import { collectTasks, collectTasksUnordered, type Task } from './tasks';

/** Everything the dashboard, tasks and readiness views read of a workspace. */
export interface WorkspaceRecords {
  assessments: Assessment[];
  evidence: Evidence[];
  cycle: CycleRecord[];
  risks: Risk[];
  ownControls: OwnControl[];
  impactAssessments: ImpactAssessment[];
  aiSystems: AiSystem[];
}

/**
 * Every open dated thing of the workspace: the one list behind My tasks, the dashboard's overdue
 * and due-soon counts and the calendar file, so they always count the same things. In My tasks'
 * order (date, then title), or, with `ordered` false, as found (for counts and `firstTasks`).
 */
export function workspaceTasks(records: Readonly<WorkspaceRecords>, catalog: Catalog, ordered = true): Task[] {
  const names = new Map(records.aiSystems.map((s) => [s.id, s.name]));
  return (ordered ? collectTasks : collectTasksUnordered)({
    cycle: records.cycle,
    risks: records.risks,
    assessments: records.assessments,
    itemTitle: (id) => `${id} ${catalog.byId.get(id)?.title ?? ''}`.trim(),
    impactAssessments: records.impactAssessments,
    systemName: (id) => names.get(id) ?? '',
  });
}
