import { saveProfile, saveRiskMatrix, saveSoaMeta } from '../db/workspaces-repo';
import type { RiskMatrix } from '../domain/risk-matrix';
import type { Profile, SoaMeta } from '../domain/workspace-schema';
import { app } from './app.svelte';
import { queueSave } from './autosave';

const report = (e: unknown) => app.report(e);

export function saveProfileField(workspaceId: string, key: keyof Profile, value: unknown): void {
  void queueSave(`${workspaceId}|profile|${key}`, (v) => saveProfile(workspaceId, { [key]: v } as Partial<Profile>), value, report);
}

export function saveSoaMetaField(workspaceId: string, key: keyof SoaMeta, value: unknown): void {
  void queueSave(`${workspaceId}|soa|${key}`, (v) => saveSoaMeta(workspaceId, { [key]: v } as Partial<SoaMeta>), value, report);
}

/** Saves a whole matrix; callers validate first (riskMatrixSchema) and show problems themselves. */
export function saveMatrix(workspaceId: string, matrix: RiskMatrix): Promise<void> {
  return queueSave(`${workspaceId}|riskMatrix`, (m: RiskMatrix) => saveRiskMatrix(workspaceId, m), matrix, report);
}
