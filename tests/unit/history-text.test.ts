import { describe, expect, it } from 'vitest';
import { historyEntry, type HistoryEntry } from '../../src/domain/history';
import { DEFAULT_PRESET, presetMatrix } from '../../src/domain/risk-matrix-presets';
import { changeLines, recordText, registerText } from '../../src/ui/history-text';
import type { ValueContext } from '../../src/ui/value-text';

const SYSTEM = '3f1c2d4e-0000-4000-8000-000000000001';
const IA = '3f1c2d4e-0000-4000-8000-000000000004';
const ctx: ValueContext = {
  matrix: presetMatrix(DEFAULT_PRESET),
  nameOf: (target, id) =>
    ({ [SYSTEM]: 'TalentSift', [IA]: 'Impact assessment: TalentSift, version 2' })[id] ?? (target === 'items' ? `${id} Item title` : undefined),
};

function entry(overrides: Partial<HistoryEntry>): HistoryEntry {
  return historyEntry({
    id: 'e',
    workspaceId: 'ws',
    table: 'risks',
    recordId: 'r1',
    label: 'R-001 Bias',
    at: '2026-03-01T10:00:00.000Z',
    user: 'Dana',
    action: 'update',
    ...overrides,
  });
}

describe('history text', () => {
  it('names the register, a management-system record by its kind, and records as people know them', () => {
    expect(registerText(entry({ table: 'cycleRecords', label: 'NC-002 Model card missing' }))).toBe('Nonconformity');
    expect(registerText(entry({}))).toBe('Risk');
    expect(recordText(entry({ table: 'assessments', label: 'A.6.2.4' }), ctx)).toBe('A.6.2.4 Item title');
    expect(recordText(entry({ table: 'impactAssessments', recordId: IA, label: 'v2' }), ctx)).toBe('Impact assessment: TalentSift, version 2');
    expect(recordText(entry({ table: 'impactAssessments', recordId: 'gone', label: 'v3' }), ctx)).toBe('Version 3');
  });

  it('words walkthrough answers, SoA decisions, the profile and the risk criteria by their labels', () => {
    const lines = changeLines(
      entry({
        table: 'assessments',
        label: 'A.6.2.4',
        changes: [
          { field: 'status', before: 'not-started', after: 'in-progress' },
          { field: 'applicable', before: null, after: true },
        ],
      }),
      ctx,
    );
    expect(lines).toEqual(['Status: Not started → In progress', 'Applicable: (empty) → Yes']);
    const ws = changeLines(
      entry({ table: 'workspaces', label: 'Acme', changes: [{ field: 'riskMatrix', before: presetMatrix('3x3'), after: presetMatrix(DEFAULT_PRESET) }] }),
      ctx,
    );
    expect(ws[0]).toMatch(/^Risk criteria: .+\(3×3, \d levels\) → .+\(5×5, \d levels\)$/);
  });

  it('says a value was too long to keep instead of showing the JSON it was cut from; a cut text reads as its beginning', () => {
    const lines = changeLines(
      entry({
        table: 'impactAssessments',
        label: 'v1',
        changes: [
          { field: 'impacts', before: [], after: { $truncated: '[{"id":"3f1c2d4e-0000-4000-8000-000000000009","area":"fairness"' } },
          { field: 'intendedUse', before: '', after: { $truncated: 'Triage of' } },
        ],
      }),
      ctx,
    );
    expect(lines).toEqual(['Impacts: (empty) → (too long to keep in the history)', 'Intended use: (empty) → Triage of…']);
  });

  it('reads a field a kind shares with others by that kind’s own choices', () => {
    const audit = changeLines(
      entry({ table: 'cycleRecords', label: 'IA-001 Audit', changes: [{ field: 'status', before: 'planned', after: 'in-progress' }] }),
      ctx,
    );
    const objective = changeLines(
      entry({ table: 'cycleRecords', label: 'OBJ-001 Cards', changes: [{ field: 'status', before: 'planned', after: 'on-track' }] }),
      ctx,
    );
    expect(audit).toEqual(['Status: Planned → In progress']);
    expect(objective).toEqual(['Status: Planned → On track']);
  });
});
