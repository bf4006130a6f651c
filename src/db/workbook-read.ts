import type { Catalog } from '../domain/catalog-model';
import type { WorkbookData } from '../io/sheets/workbook-data';
import { database } from './database';

/**
 * Everything a workbook shows of one workspace, read in one read transaction (a consistent view).
 * The spreadsheet worker calls it itself, so 10,000 records are never cloned between threads.
 */
export async function readWorkbookData(workspaceId: string, catalog: Catalog): Promise<WorkbookData> {
  const db = database();
  return db.transaction('r', [db.workspaces, db.assessments, db.aiSystems, db.risks, db.ownControls, db.impactAssessments, db.cycleRecords], async () => {
    // All requests at once: IndexedDB answers them in order, without a round trip between them.
    const [workspace, assessments, aiSystems, risks, ownControls, impactAssessments, cycleRecords] = await Promise.all([
      db.workspaces.get(workspaceId),
      db.assessments.where('workspaceId').equals(workspaceId).toArray(),
      db.aiSystems.where('workspaceId').equals(workspaceId).toArray(),
      db.risks.where('workspaceId').equals(workspaceId).toArray(),
      db.ownControls.where('workspaceId').equals(workspaceId).toArray(),
      db.impactAssessments.where('workspaceId').equals(workspaceId).toArray(),
      db.cycleRecords.where('workspaceId').equals(workspaceId).toArray(),
    ]);
    if (!workspace) throw new Error(`workspace ${workspaceId} not found`);
    return { catalog, workspace, assessments, aiSystems, risks, ownControls, impactAssessments, cycleRecords };
  });
}
