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
  /** An existing record's value that the import would empty: the preview lists these apart. */
  clear?: true;
  /** A new record's value its cell left empty: the register's blank record gives it, as a record made in the app gets it. */
  byDefault?: true;
}

/**
 * A new row whose name is that of a record the workspace holds (ignoring case and spaces): the
 * preview lets the user link the row to that record (it then updates it) or create another.
 */
export interface NameMatch {
  /** The choice's key in `PlanOptions.link`. */
  key: string;
  sheet: string;
  sheetKey: SheetKey;
  row: number;
  /** The name as the row writes it. */
  name: string;
  /** The existing record's id (named through `WorkbookPlan.names`). */
  id: string;
  /** The names are the same, character for character: linking is the default. */
  exact: boolean;
  linked: boolean;
}

/** The choices the preview offers; a new plan is made when one changes. */
export interface PlanOptions {
  /** Empty cells clear values (off: an empty cell leaves the value as it is, except a cell emptied in a full export). */
  blankClears?: boolean;
  /** Per `NameMatch.key`: true links the row to the existing record, false creates a new one; absent: link when the match is exact. */
  link?: Readonly<Record<string, boolean>>;
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
  /** For a row that creates: the new record's id, chosen by the plan so that other rows of the file can refer to it. */
  newId?: string;
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
  /** What the workbook says it is (its About sheet): a blank template, a full export, or anything else. */
  origin?: 'template' | 'export' | 'other';
  /** New rows named like an existing record, and whether each is linked to it. */
  matches?: NameMatch[];
  /** The choices this plan was made with. */
  options?: PlanOptions;
}

export type SheetCheck = { ok: true; plan: WorkbookPlan; warnings: IoProblem[] } | { ok: false; problems: IoProblem[] };
