import type { Workspace } from '../../domain/workspace-schema';
import type { BundleTable } from './bundle-format';

/**
 * What a bundle export is made from: the workspace, the chosen tables, the files. Declared here, by
 * the export that takes it; the database layer reads one (db/snapshot) without io reading the database.
 */

/** Tables a bundle can carry besides the workspace record and its history, as chosen for an export. */
export type SnapshotTable = Exclude<BundleTable, 'workspaces' | 'history'>;

export interface WorkspaceSnapshot {
  workspace: Workspace;
  /** The chosen tables, and `history` when the workspace or a chosen table has any. */
  tables: Partial<Record<SnapshotTable | 'history', Record<string, unknown>[]>>;
  files: { id: string; blob: Blob }[];
  /** The exportedAt of the bundle this workspace last came from or merged with (see db/snapshot). */
  basedOn: string | null;
}
