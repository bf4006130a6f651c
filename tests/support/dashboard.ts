import type { AimsDatabase } from '../../src/db/database';
import type { WorkspaceRecords } from '../../src/domain/workspace-records';

/** Every record of a workspace the dashboard's figures come from, read through Dexie (what a full read must match). */
export async function workspaceRecordsOf(db: AimsDatabase, workspaceId: string): Promise<WorkspaceRecords> {
  const of = <T>(t: string) => db.table<T>(t).where('workspaceId').equals(workspaceId).toArray();
  return {
    assessments: await of('assessments'),
    evidence: await of('evidence'),
    cycle: await of('cycleRecords'),
    risks: await of('risks'),
    ownControls: await of('ownControls'),
    impactAssessments: await of('impactAssessments'),
    aiSystems: await of('aiSystems'),
  };
}
