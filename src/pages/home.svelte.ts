import { createWorkspace, deleteWorkspace, duplicateWorkspace, listWorkspaces, renameWorkspace, setLastWorkspaceId } from '../db/workspaces-repo';
import { DEFAULT_PRESET } from '../domain/risk-matrix-presets';
import type { Workspace } from '../domain/workspace-schema';
import { t, type MessageKey } from '../i18n/i18n';
import { app } from '../state/app.svelte';
import { live } from '../state/live.svelte';
import { router } from '../state/router.svelte';

/** Workspace list commands. The page only wires these to buttons. */
export function homeState() {
  const workspaces = live(() => null, listWorkspaces, [] as Workspace[]);
  // The refused name's message key: worded where read, so it follows a language switch.
  let createError = $state<MessageKey | null>(null);
  let renameError = $state<MessageKey | null>(null);

  async function guarded<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (e) {
      app.report(e);
      return undefined;
    }
  }

  return {
    get workspaces() {
      return workspaces.current;
    },
    get loaded() {
      return workspaces.loaded;
    },
    get createError() {
      return createError && t(createError);
    },
    get renameError() {
      return renameError && t(renameError);
    },
    async create(name: string): Promise<boolean> {
      // The default risk criteria in the language shown (a Chinese workspace printed "Very high"); loaded on use, not with the start page.
      const r = await guarded(async () =>
        createWorkspace(name, app.catalog?.catalogVersion ?? '', new Date(), (await import('../i18n/preset-wordings')).localPreset(DEFAULT_PRESET)),
      );
      if (!r) return false;
      if (!r.ok) {
        createError = `validation.${r.code}` as MessageKey;
        return false;
      }
      createError = null;
      app.announce(t('workspaces.created', { name: r.value.name }));
      // Ask once there is something worth keeping; browsers may grant it silently.
      void app.askPersistence();
      // Stored before the dashboard shows, so a reload right away reopens it (the shell's own write comes later).
      await guarded(() => setLastWorkspaceId(r.value.id));
      router.go({ name: 'dashboard', ws: r.value.id });
      return true;
    },
    async rename(id: string, name: string): Promise<boolean> {
      const r = await guarded(() => renameWorkspace(id, name));
      if (!r) return false;
      renameError = r.ok ? null : (`validation.${r.code}` as MessageKey);
      return r.ok;
    },
    clearRenameError() {
      renameError = null;
    },
    async duplicate(ws: Workspace): Promise<void> {
      const name = t('workspaces.copyName', { name: ws.name }).slice(0, 120);
      const r = await guarded(() => duplicateWorkspace(ws.id, name));
      if (r?.ok) app.announce(t('workspaces.duplicated', { name: r.value.name }));
    },
    async remove(ws: Workspace): Promise<void> {
      await guarded(() => deleteWorkspace(ws.id));
      app.announce(t('workspaces.deleted', { name: ws.name }));
    },
  };
}
