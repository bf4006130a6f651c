import { saveProfile, saveSoaMeta } from '../db/workspaces-repo';
import type { Profile, SoaMeta } from '../domain/workspace-schema';
import { app } from './app.svelte';
import { AutosaveQueue } from './autosave';

const queues = new Map<string, AutosaveQueue<unknown>>();

/** One queue per workspace field: typing fast never reorders writes. */
function queued(key: string, write: (value: unknown) => Promise<unknown>, value: unknown): void {
  let q = queues.get(key);
  if (!q) {
    q = new AutosaveQueue<unknown>(write, (e) => app.report(e));
    queues.set(key, q);
  }
  void q.push(value);
}

export function saveProfileField(workspaceId: string, key: keyof Profile, value: unknown): void {
  queued(`${workspaceId}|profile|${key}`, (v) => saveProfile(workspaceId, { [key]: v } as Partial<Profile>), value);
}

export function saveSoaMetaField(workspaceId: string, key: keyof SoaMeta, value: unknown): void {
  queued(`${workspaceId}|soa|${key}`, (v) => saveSoaMeta(workspaceId, { [key]: v } as Partial<SoaMeta>), value);
}
