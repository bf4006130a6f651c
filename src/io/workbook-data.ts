import type { AiSystem } from '../domain/ai-system-schema';
import { blankAssessment, type Assessment } from '../domain/assessment-schema';
import type { Catalog } from '../domain/catalog-model';
import type { ImpactAssessment } from '../domain/impact-assessment-schema';
import type { OwnControl } from '../domain/own-control-schema';
import type { Risk } from '../domain/risk-schema';
import { treatmentLinks } from '../domain/soa-links';
import type { Workspace } from '../domain/workspace-schema';
import type { SheetContext } from './sheet-registers';

/** Everything a workbook shows of one workspace. */
export interface WorkbookData {
  catalog: Catalog;
  workspace: Workspace;
  assessments: Assessment[];
  aiSystems: AiSystem[];
  risks: Risk[];
  ownControls: OwnControl[];
  impactAssessments: ImpactAssessment[];
}

function names(records: readonly { id: string; name: string }[]) {
  return {
    byId: new Map(records.map((r) => [r.id, r.name])),
    byName: new Map(records.map((r) => [r.name.trim().toLowerCase(), r.id])),
  };
}

export function sheetContext(d: WorkbookData): SheetContext {
  return {
    catalog: d.catalog,
    matrix: d.workspace.riskMatrix,
    systems: names(d.aiSystems),
    ownControls: names(d.ownControls),
    links: treatmentLinks(d.risks, d.ownControls),
  };
}

/** One answer per catalog item, blank where nothing was recorded yet (the sheet lists every item). */
export function answersFor(d: WorkbookData, controls: boolean): Assessment[] {
  const byItem = new Map(d.assessments.map((a) => [a.itemId, a]));
  const items = controls ? d.catalog.controls : d.catalog.clauseItems;
  return items.map((item) => byItem.get(item.id) ?? blankAssessment(d.workspace.id, item.id, `new:${item.id}`, d.workspace.updatedAt));
}
