import { blankAiSystem } from '../../domain/ai-system-schema';
import { blankAssessment } from '../../domain/assessment-schema';
import { blankOwnControl } from '../../domain/own-control-schema';
import { blankRisk } from '../../domain/risk-schema';
import { blankCycleRecord } from '../../domain/cycle/records';
import { cycleKindOf, type SheetKey } from './sheet-registers';
import { answersFor, type WorkbookData } from './workbook-data';

/** The records a sheet lists, and the blank one a new row is checked against. */

export function records(d: WorkbookData, key: SheetKey): Record<string, unknown>[] {
  switch (key) {
    case 'clauses':
      return answersFor(d, false) as never[];
    case 'soa':
      return answersFor(d, true) as never[];
    case 'aiSystems':
    case 'risks':
    case 'ownControls':
      return d[key] as never[];
    default: {
      const kind = cycleKindOf(key);
      return d.cycleRecords.filter((r) => r.kind === kind) as never[];
    }
  }
}

/** A valid id for placeholder records and rows (the write assigns real ones). */
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

/** A blank record to validate a new row against (ids are placeholders; the write assigns real ones). */
export function blankFor(d: WorkbookData, key: SheetKey, id: string | null): Record<string, unknown> {
  const base = { id: 'new', workspaceId: d.workspace.id, createdAt: d.workspace.updatedAt, updatedAt: d.workspace.updatedAt };
  switch (key) {
    case 'clauses':
    case 'soa':
      return blankAssessment(d.workspace.id, id ?? '', 'new', d.workspace.updatedAt) as never;
    // The register's blank record (the defaults a record made in the app starts with), but no name: a new row must give one.
    case 'aiSystems':
      return { ...blankAiSystem(base, 'New AI system'), name: '' } as never;
    case 'risks':
      return { ...blankRisk({ ...base, ref: 'R-000' }, 'New risk'), title: '' } as never;
    case 'ownControls':
      return { ...blankOwnControl(base, 'New control'), name: '' } as never;
    default: {
      // The kind's defaults (catalog items, starting rows); the title must come from the row.
      const record = blankCycleRecord(cycleKindOf(key), { ...base, id: PLACEHOLDER_ID }, 'New record', [], () => PLACEHOLDER_ID);
      return { ...record, title: '' };
    }
  }
}
