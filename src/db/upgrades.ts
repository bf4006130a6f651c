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

/**
 * v4 → v5: the profile's new fields get their defaults, written out here (never read from today's
 * schema: an upgrade must mean the same thing for ever). Without them a stored workspace would differ
 * from the same workspace parsed from a bundle, and its first profile save would log the defaults
 * as changes. Values already there are kept.
 */
export function workspaceV4toV5(ws: Record<string, unknown>): Record<string, unknown> {
  const profile = (typeof ws.profile === 'object' && ws.profile !== null ? ws.profile : {}) as Record<string, unknown>;
  return { ...ws, profile: { logo: null, colour: null, isms27001: false, ...profile } };
}

export const upgrades: Record<number, Partial<Record<string, (row: Record<string, unknown>) => Record<string, unknown>>>> = {
  2: { workspaces: workspaceV1toV2 },
  5: { workspaces: workspaceV4toV5 },
};
