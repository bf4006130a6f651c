import { listTrash } from '../db/trash-repo';
import { t } from '../i18n/i18n';
import { app } from './app.svelte';
import { restoreTrashEntry } from './history.svelte';
import { router } from './router.svelte';
import type { Route } from './routes';

/**
 * After a record moved to the trash: a toast that says so, with Undo. Undo restores the record's
 * newest trash entry (everything the delete took and unlinked comes back, as from the Trash page)
 * and opens the record again. A refusal (the entry is gone, a link cannot come back) is reported.
 */
export function announceTrashed(label: string, workspaceId: string, recordId: string, back: Route): void {
  app.announce(t('registerUi.movedToTrash', { label }), {
    label: t('registerUi.undo'),
    run: async () => {
      if (await undoDelete(workspaceId, recordId)) {
        app.announce(t('registerUi.restored', { label }));
        router.go(back);
      }
    },
  });
}

/** Restores the newest trash entry of one deleted record; false when there is none or the restore was refused. */
export async function undoDelete(workspaceId: string, recordId: string): Promise<boolean> {
  const entry = (await listTrash(workspaceId)).find((e) => e.recordId === recordId);
  if (!entry) {
    app.announce(t('registerUi.undoGone'));
    return false;
  }
  const r = await restoreTrashEntry(entry.id);
  if (r && !r.ok) app.announce(t('registerUi.undoRefused', { label: entry.label }));
  return r?.ok === true;
}
