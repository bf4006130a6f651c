import { countRecordHistory, listRecordHistory, listWorkspaceHistory } from '../db/history-repo';
import { deleteTrashEntry, emptyTrash, listTrash, restoreFromTrash, type RestoreCode, type Restored, type TrashEntry } from '../db/trash-repo';
import type { HistoryEntry } from '../domain/history';
import type { Result } from '../domain/result';
import { app } from './app.svelte';
import { live, type Live } from './live.svelte';

export type { TrashEntry, Restored, RestoreCode };

/** One record's change history, newest first, kept current. Create during component initialisation. */
export function liveRecordHistory(recordId: () => string): Live<HistoryEntry[]> {
  return live(recordId, listRecordHistory, [] as HistoryEntry[]);
}

/** How many entries one record's history holds, kept current. */
export function liveRecordHistoryCount(recordId: () => string): Live<number> {
  return live(recordId, countRecordHistory, 0);
}

/** A workspace's whole change history, newest first. */
export function liveWorkspaceHistory(workspaceId: () => string): Live<HistoryEntry[]> {
  return live(workspaceId, listWorkspaceHistory, [] as HistoryEntry[]);
}

/** What waits in a workspace's trash, newest first. */
export function liveTrash(workspaceId: () => string): Live<TrashEntry[]> {
  return live(workspaceId, listTrash, [] as TrashEntry[]);
}

/** Restores an entry; a refusal is a code for the page, an unexpected failure is reported (undefined). */
export async function restoreTrashEntry(id: string): Promise<Result<Restored, RestoreCode> | undefined> {
  try {
    return await restoreFromTrash(id);
  } catch (e) {
    app.report(e);
    return undefined;
  }
}

export async function deleteForever(id: string): Promise<boolean> {
  try {
    await deleteTrashEntry(id);
    return true;
  } catch (e) {
    app.report(e);
    return false;
  }
}

export async function emptyWorkspaceTrash(workspaceId: string): Promise<number | null> {
  try {
    return await emptyTrash(workspaceId);
  } catch (e) {
    app.report(e);
    return null;
  }
}
