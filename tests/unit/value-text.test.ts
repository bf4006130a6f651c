import { describe, expect, it } from 'vitest';
import { historyTables } from '../../src/domain/history';
import { valueField, valueFields } from '../../src/domain/register-values';
import { DEFAULT_PRESET, presetMatrix } from '../../src/domain/risk-matrix-presets';
import { fieldLabelOf, fieldValueText, rowChanges, type ValueContext } from '../../src/ui/value-text';

const SYSTEM = '3f1c2d4e-0000-4000-8000-000000000001';
const GONE = '3f1c2d4e-0000-4000-8000-000000000002';
const RISK = '3f1c2d4e-0000-4000-8000-000000000003';
const ctx: ValueContext = {
  matrix: presetMatrix(DEFAULT_PRESET),
  nameOf: (target, id) => ({ [SYSTEM]: 'TalentSift', [RISK]: 'R-002 Resume model discriminates' })[id] ?? (target === 'items' ? `${id} Item title` : undefined),
};
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/i;

describe('values as a person knows them, from the one declaration', () => {
  it('shows a rating by its level number (from 1) and name, never the stored index', () => {
    expect(fieldValueText('risks', 'inherentLikelihood', 2, ctx)).toBe('3 Possible');
    expect(fieldValueText('risks', 'residualImpact', 0, ctx)).toBe('1 Negligible');
  });

  it('shows references by the other record’s name, and a deleted one as deleted, never its id', () => {
    expect(fieldValueText('risks', 'aiSystemIds', [SYSTEM], ctx)).toBe('TalentSift');
    expect(fieldValueText('risks', 'aiSystemIds', [SYSTEM, GONE], ctx)).toBe('TalentSift and (deleted)');
    expect(fieldValueText('risks', 'annexAControls', ['A.6.2.4'], ctx)).toBe('A.6.2.4 Item title');
    expect(fieldValueText('impactAssessments', 'aiSystemId', SYSTEM, ctx)).toBe('TalentSift');
  });

  it('names the copied-from-system marks by the fields’ labels, not their keys', () => {
    expect(fieldValueText('impactAssessments', 'copiedFromSystem', ['intendedUse', 'dataUsed'], ctx)).toBe('Intended use and Data used');
  });

  it('shows choices by their labels', () => {
    expect(fieldValueText('risks', 'status', 'treating', ctx)).toBe('Being treated');
    expect(fieldValueText('cycleRecords', 'type', 'ai-policy', ctx)).toBe('AI policy');
    expect(fieldValueText('impactAssessments', 'state', 'approved', ctx)).toBe('Approved');
  });

  it('summarises nested rows row by row, with each field’s change as labels', () => {
    const field = valueField('impactAssessments', 'impacts')!;
    const before = [{ id: 'i1', area: 'fairness', severity: 'major', description: 'Older applicants refused', riskId: null }];
    const after = [
      { id: 'i1', area: 'fairness', severity: 'severe', description: 'Older applicants refused', riskId: RISK },
      { id: 'i2', area: 'safety', severity: 'minor', description: 'Delayed care', riskId: null },
    ];
    const lines = rowChanges(field, before, after, ctx);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('Major → Severe');
    expect(lines[0]).toContain('R-002 Resume model discriminates');
    expect(lines[1]).toMatch(/added/);
    for (const line of lines) {
      expect(line).not.toMatch(UUID);
      expect(line).not.toMatch(/[{[]"/);
    }
    expect(rowChanges(field, after, before, ctx).at(-1)).toMatch(/removed/);
  });

  it('labels every declared field of every register, and shows no value as JSON', () => {
    for (const table of historyTables) {
      for (const f of valueFields(table)) {
        expect(fieldLabelOf(table, f.key), `${table}.${f.key}`).not.toBe(f.key);
        expect(fieldValueText(table, f.key, [{ id: 'x', a: 1 }], ctx)).not.toMatch(/[{[]"/);
      }
    }
  });
});
