import type { IoProblem } from './problems';
import type { SheetKey } from './sheet-registers';

/** What checking an edited workbook against a workspace produces: per sheet and row, what would change. */

export interface SheetProblem {
  sheet: string;
  /** 1-based, as the spreadsheet shows it. */
  row: number;
  column: string;
  message: string;
}

export interface CellChange {
  sheet: string;
  row: number;
  id: string;
  column: string;
  from: string;
  to: string;
}

export interface SheetPart {
  key: SheetKey;
  name: string;
  create: number;
  update: number;
  unchanged: number;
  /** Records in the app that the sheet no longer lists: reported, never deleted. */
  missing: string[];
  problems: SheetProblem[];
  warnings: string[];
}

export interface RowWrite {
  sheet: SheetKey;
  row: number;
  /** Record id, or catalog item id for the walkthrough and SoA sheets; null creates. */
  id: string | null;
  patch: Record<string, unknown>;
}

export interface WorkbookPlan {
  parts: SheetPart[];
  changes: CellChange[];
  writes: RowWrite[];
  rowsWithErrors: number;
  ignoredSheets: string[];
}

export type SheetCheck = { ok: true; plan: WorkbookPlan; warnings: IoProblem[] } | { ok: false; problems: IoProblem[] };
