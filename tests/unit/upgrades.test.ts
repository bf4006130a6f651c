import { describe, expect, it } from 'vitest';
import { upgrades, workspaceV1toV2, workspaceV4toV5 } from '../../src/db/upgrades';
import { riskMatrixSchema } from '../../src/domain/risk-matrix';
import { DEFAULT_PRESET, presetMatrix } from '../../src/domain/risk-matrix-presets';
import { workspaceSchema } from '../../src/domain/workspace-schema';
import fixtureV1 from '../fixtures/db-v1/workspace.json';

const v1Workspace = (): Record<string, unknown> => structuredClone(fixtureV1.tables.workspaces[0]!);

describe('workspaceV1toV2', () => {
  it('adds the default 5×5 risk criteria to a v1 workspace, making it valid today (with the later upgrades)', () => {
    const before = v1Workspace();
    expect(() => workspaceSchema.parse(before)).toThrow();
    const after = workspaceV1toV2(before);
    expect(after.riskMatrix).toEqual(presetMatrix(DEFAULT_PRESET));
    expect(riskMatrixSchema.parse(after.riskMatrix)).toEqual(after.riskMatrix);
    const today = workspaceV4toV5(after);
    expect(workspaceSchema.parse(today)).toEqual(today);
  });

  it('keeps every other field exactly, updatedAt included', () => {
    const before = v1Workspace();
    const { riskMatrix, ...rest } = workspaceV1toV2(before);
    expect(riskMatrix).toBeDefined();
    expect(rest).toEqual(v1Workspace());
  });

  it('is pure: the input is not changed and each call gives its own matrix', () => {
    const before = v1Workspace();
    const snapshot = structuredClone(before);
    const a = workspaceV1toV2(before);
    const b = workspaceV1toV2(before);
    expect(before).toEqual(snapshot);
    expect(before).not.toHaveProperty('riskMatrix');
    expect(a).not.toBe(before);
    expect(a).toEqual(b);
    expect(a.riskMatrix).not.toBe(b.riskMatrix);
  });

  it('leaves a workspace that already has criteria alone', () => {
    const matrix = presetMatrix('3x3');
    const ws = { ...v1Workspace(), riskMatrix: matrix };
    const after = workspaceV1toV2(ws);
    expect(after.riskMatrix).toBe(matrix);
    expect(after).toEqual(ws);
  });

  it('is wired to the workspaces table for version 2, and only there', () => {
    expect(upgrades[2]?.workspaces).toBe(workspaceV1toV2);
    expect(Object.keys(upgrades[2] ?? {})).toEqual(['workspaces']);
  });
});

describe('workspaceV4toV5', () => {
  it('adds the logo, colour and ISO/IEC 27001 flag defaults to the profile and keeps everything else', () => {
    const before = workspaceV1toV2(v1Workspace());
    const snapshot = structuredClone(before);
    const after = workspaceV4toV5(before);
    expect(before).toEqual(snapshot);
    expect(after).toEqual({ ...before, profile: { ...(before.profile as object), logo: null, colour: null, isms27001: false } });
  });

  it('keeps values already there', () => {
    const before = { ...workspaceV1toV2(v1Workspace()), profile: { organizationName: 'Acme', colour: 'teal', isms27001: true } };
    expect(workspaceV4toV5(before).profile).toEqual({ organizationName: 'Acme', colour: 'teal', isms27001: true, logo: null });
  });

  it('is wired to the workspaces table for version 5', () => {
    expect(upgrades[5]?.workspaces).toBe(workspaceV4toV5);
  });
});
