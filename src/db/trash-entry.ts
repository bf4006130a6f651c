import type { HistoryTable } from '../domain/history';

/** A table a deleted row comes back to: the registers, plus the bytes of evidence files. */
export type TrashTable = Exclude<HistoryTable, 'workspaces'> | 'evidenceFiles';

/**
 * A link another record held to the deleted one, cleared by the delete. Restore puts it back when
 * that record still exists: an id back into a list (`ownControlIds`), or a single link set again
 * while it is still empty (`auditId`, `sourceImpact`). `within` names an element of a list of
 * objects (an impact of an impact assessment) whose `field` held the link.
 */
export interface TrashUnlink {
  table: Exclude<TrashTable, 'evidenceFiles'>;
  id: string;
  field: string;
  value: unknown;
  within?: { list: string; id: string };
  /** Where the id stood in the list, so it goes back to the same place. */
  index?: number;
  /** The linking record's updatedAt before the delete, when the delete moved it (restored while unchanged since). */
  updatedAt?: string;
}

/** One delete, waiting in the trash: the rows it removed and the links it cleared. */
export interface TrashEntry {
  id: string;
  workspaceId: string;
  deletedAt: string;
  user: string;
  /** The deleted record's human name. */
  label: string;
  /** The table of the record the user deleted (the first row). */
  table: Exclude<TrashTable, 'evidenceFiles'>;
  recordId: string;
  rows: { table: TrashTable; row: Record<string, unknown> }[];
  unlinks: TrashUnlink[];
  /** The workspace's updatedAt before the delete, when the delete moved it. */
  workspaceUpdatedAt?: string;
}
