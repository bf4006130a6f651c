import type { Problem } from '../../domain/problem';
import type { RecordNames } from '../../domain/record-names';
import type { RiskMatrix } from '../../domain/risk-matrix';
import type { IoProblem } from '../problems';
import type { SheetKey } from './sheet-registers';

/** What checking an edited workbook against a workspace produces: per sheet and row, what would change. */

/** A problem of a row or a cell (domain/problem.ts): its sheet, its 1-based row, and the column's header as `field`. */
export type SheetProblem = Problem & { sheet: string; row: number; field: string };

/**
 * One cell that would change a record, as stored values: the page words them (`ui/value-text`,
 * from the register's declaration) and names the record from `WorkbookPlan.names`.
 */
export interface CellChange {
  /** The sheet as the file names it. */
  sheet: string;
  key: SheetKey;
  /** 1-based, as the spreadsheet shows it. */
  row: number;
  /** The record's id (the catalog item's on the walkthrough and SoA sheets); null for a row that creates one. */
  id: string | null;
  /** The record's field. */
  field: string;
  /** The column's header, in the UI's language. */
  column: string;
  from: unknown;
  to: unknown;
}

export interface SheetPart {
  key: SheetKey;
  name: string;
  create: number;
  update: number;
  unchanged: number;
  /** Ids of the records in the app that the sheet no longer lists: reported, never deleted. */
  missing: string[];
  problems: SheetProblem[];
  /** About the sheet as a whole (a column it does not know). */
  warnings: Problem[];
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
  /** The names of the records the changes and missing rows name or point to (`domain/record-names`). */
  names: RecordNames;
  /** The workspace's risk criteria, for ratings' level names. */
  matrix?: RiskMatrix;
}

export type SheetCheck = { ok: true; plan: WorkbookPlan; warnings: IoProblem[] } | { ok: false; problems: IoProblem[] };
