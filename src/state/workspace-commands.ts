import { saveProfile, saveRiskMatrix, saveSoaMeta } from '../db/workspaces-repo';
import type { RiskMatrix } from '../domain/risk-matrix';
import type { Profile, SoaMeta } from '../domain/workspace-schema';
import { app } from './app.svelte';
import { queueSave } from './autosave';

const report = (e: unknown) => app.report(e);

/** How a save is made again on the next start, should the tab close before it is written (see save-replay.ts). */
const journal = (key: string, op: string, workspaceId: string, patch: Record<string, unknown>) => () => ({ key, op, target: [workspaceId], patch });

export function saveProfileField(workspaceId: string, key: keyof Profile, value: unknown): void {
  const k = `${workspaceId}|profile|${key}`;
  void queueSave(k, (v) => saveProfile(workspaceId, { [key]: v } as Partial<Profile>), value, report, journal(k, 'profile', workspaceId, { [key]: value }));
}

export function saveSoaMetaField(workspaceId: string, key: keyof SoaMeta, value: unknown): void {
  const k = `${workspaceId}|soa|${key}`;
  void queueSave(k, (v) => saveSoaMeta(workspaceId, { [key]: v } as Partial<SoaMeta>), value, report, journal(k, 'soaMeta', workspaceId, { [key]: value }));
}

/** Saves a whole matrix; callers validate first (riskMatrixSchema) and show problems themselves. */
export function saveMatrix(workspaceId: string, matrix: RiskMatrix): Promise<void> {
  const k = `${workspaceId}|riskMatrix`;
  return queueSave(k, (m: RiskMatrix) => saveRiskMatrix(workspaceId, m), matrix, report, journal(k, 'riskMatrix', workspaceId, { matrix }));
}
