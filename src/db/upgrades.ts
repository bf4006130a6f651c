import { presetMatrix, DEFAULT_PRESET } from '../domain/risk-matrix-presets';

/**
 * Per-record upgrade functions, one per schema version that changes data. Pure, so each has
 * its own unit test; database.ts wires them into Dexie's `.upgrade()`.
 */

/** v1 → v2: every workspace gets risk criteria, starting from the default preset. */
export function workspaceV1toV2(ws: Record<string, unknown>): Record<string, unknown> {
  if (ws.riskMatrix) return ws;
  return { ...ws, riskMatrix: presetMatrix(DEFAULT_PRESET) };
}

export const upgrades: Record<number, Partial<Record<string, (row: Record<string, unknown>) => Record<string, unknown>>>> = {
  2: { workspaces: workspaceV1toV2 },
};
