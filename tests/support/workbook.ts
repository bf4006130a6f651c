import { readWorkspaceSnapshot } from '../../src/db/snapshot';
import type { WorkbookData } from '../../src/io/sheets/workbook-data';
import { catalog } from './bundles';

/** What a spreadsheet export or check reads of a workspace (with the shipped catalog), read through the app's snapshot. */
export async function workbookDataOf(workspaceId: string): Promise<WorkbookData> {
  const s = await readWorkspaceSnapshot(workspaceId, ['assessments', 'aiSystems', 'risks', 'ownControls', 'impactAssessments', 'cycleRecords'], false);
  const t = s.tables as never as Omit<WorkbookData, 'catalog' | 'workspace'>;
  return {
    catalog,
    workspace: s.workspace,
    assessments: t.assessments,
    aiSystems: t.aiSystems,
    risks: t.risks,
    ownControls: t.ownControls,
    impactAssessments: t.impactAssessments,
    cycleRecords: t.cycleRecords,
  };
}
