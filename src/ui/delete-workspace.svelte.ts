import { formatBytes, t } from '../i18n/i18n';
import { app } from '../state/app.svelte';
import { BACKUP_TABLES, startExport, type Running } from '../state/bundles';
import { downloadBlob } from '../state/download';

/**
 * The "export a backup first" of the delete dialog: the same full bundle as Export / import with
 * every register and the evidence files (so it counts as the workspace's last backup), downloaded.
 */
export function backupExport(workspaceId: string) {
  let running = $state<Running<{ blob: Blob; fileName: string }> | null>(null);
  let progress = $state(0);
  // How to word the status: worded where read, so it follows a language switch.
  let status = $state<(() => string) | null>(null);

  return {
    get running() {
      return running !== null;
    },
    get progress() {
      return progress;
    },
    get status() {
      return status?.() ?? '';
    },
    async start(): Promise<void> {
      const catalog = app.catalog;
      if (running || !catalog) return;
      progress = 0;
      status = () => t('export.progress');
      const job = startExport(workspaceId, catalog, { tables: [...BACKUP_TABLES], attachments: true }, (f) => (progress = f));
      running = job;
      try {
        const { blob, fileName } = await job.done;
        downloadBlob(blob, fileName);
        status = () => t('deleteWorkspace.backupDone', { file: fileName, size: formatBytes(blob.size) });
      } catch (e) {
        if (e instanceof DOMException && e.name === 'AbortError') status = () => t('export.cancelled');
        else {
          status = null;
          app.report(e);
        }
      } finally {
        running = null;
      }
    },
    cancel(): void {
      running?.cancel();
    },
  };
}
