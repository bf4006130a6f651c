import { describe, expect, it } from 'vitest';
import { evaluateRisk } from '../../src/domain/risk-evaluation';
import { presetMatrix } from '../../src/domain/risk-matrix-presets';
import { filterRisks, NO_RISK_FILTER } from '../../src/domain/risk-filter';
import { applyRowDelta, buildRiskList, riskRow, rowDelta, rowEvaluation, type RiskRow } from '../../src/domain/risk-row';
import { blankRisk, type Risk } from '../../src/domain/risk-schema';

const NOW = '2026-01-01T00:00:00.000Z';
const matrix = presetMatrix('5x5');
function risk(n: number, patch: Partial<Risk> = {}): Risk {
  return { ...blankRisk({ id: `r${n}`, workspaceId: 'ws', createdAt: NOW, updatedAt: NOW, ref: `R-${String(n).padStart(3, '0')}` }, `Risk ${n}`), ...patch };
}

describe('the risk list rows made off the page', () => {
  it('keep what the list shows and filters by, rated and with its search text, and leave the rest out', () => {
    const r = risk(7, { description: 'Model DRIFT', owner: 'Ana', inherentLikelihood: 4, inherentImpact: 4, treatmentPlan: 'retrain monthly' });
    const row = riskRow(r, matrix);
    expect(row).toMatchObject({ id: 'r7', ref: 'R-007', title: 'Risk 7', owner: 'Ana', inherentLikelihood: 4, inherentImpact: 4 });
    expect(row.inherentIndex).toBe(evaluateRisk(r, matrix).inherent?.index);
    expect(row.residualIndex).toBeNull();
    expect(row.search).toBe('r-007\nrisk 7\nmodel drift\nana');
    expect(row).not.toHaveProperty('treatmentPlan');
    expect(row).not.toHaveProperty('workspaceId');
  });

  it('carry what the filters need of the evaluation: each level and every flag', () => {
    const risks = [
      risk(1, { inherentLikelihood: 4, inherentImpact: 4, residualLikelihood: 4, residualImpact: 4 }),
      risk(2, { inherentLikelihood: 6, inherentImpact: 1, residualLikelihood: 0, residualImpact: 9 }),
      risk(3, { inherentLikelihood: 0, inherentImpact: 0, residualLikelihood: 4, residualImpact: 4, acceptedBy: 'Board', acceptedOn: '2026-01-02' }),
      risk(4),
    ];
    for (const r of risks) {
      const ev = evaluateRisk(r, matrix);
      const got = rowEvaluation(riskRow(r, matrix));
      expect(got.flags).toEqual(ev.flags);
      expect([got.inherent?.index, got.residual?.index, got.current?.index]).toEqual([ev.inherent?.index, ev.residual?.index, ev.current?.index]);
    }
    expect(rowEvaluation(riskRow(risks[1]!, matrix)).flags).toEqual(['inherent-out-of-scale', 'residual-out-of-scale']);
    // The list filters its rows as it filtered whole risks.
    const rows = buildRiskList(risks, matrix).rows;
    const evals = new Map(risks.map((r) => [r.id, evaluateRisk(r, matrix)]));
    for (const f of [{ flaggedOnly: true }, { awaitingAcceptance: true }, { level: '0' }, { rating: 'residual' as const, level: 'unrated' }]) {
      const want = filterRisks(risks, evals, { ...NO_RISK_FILTER, ...f }).map((r) => r.ref);
      expect(filterRisks(rows, rowEvaluation, { ...NO_RISK_FILTER, ...f }, (r) => r.search).map((r) => r.ref)).toEqual(want);
    }
  });

  it('come in register order (R-2 before R-10) with the heat map of both ratings and the owners', () => {
    const risks = [
      risk(10, { owner: ' Bo ', inherentLikelihood: 0, inherentImpact: 1 }),
      risk(2, { owner: 'Ana', inherentLikelihood: 0, inherentImpact: 1, residualLikelihood: 2, residualImpact: 3 }),
      risk(1, { owner: 'Bo' }),
    ].map((r, i) => (i === 0 ? { ...r, ref: 'R-10' } : i === 1 ? { ...r, ref: 'R-2' } : r));
    const { rows, summary } = buildRiskList(risks, matrix, 'en');
    expect(rows.map((r) => r.ref)).toEqual(['R-001', 'R-2', 'R-10']);
    expect(summary.total).toBe(3);
    expect(summary.owners).toEqual(['Ana', 'Bo']);
    expect(summary.heat.inherent[0]![1]).toBe(2);
    expect(summary.heat.residual[2]![3]).toBe(1);
    expect(summary.heat.residual.flat().reduce((a, b) => a + b, 0)).toBe(1);
  });
});

describe('the changes sent to the page', () => {
  const rowsOf = (risks: Risk[]) => buildRiskList(risks, matrix).rows;
  const base = [risk(1), risk(2), risk(3), risk(4)];

  it('send only the rows that changed, and the page rebuilds exactly the new list', () => {
    const before = rowsOf([...base.slice(0, 3), risk(4, { aiSystemIds: ['s1'] })]);
    const after = rowsOf([risk(1), risk(2, { title: 'Renamed' }), risk(3, { aiSystemIds: ['s1'] }), risk(4, { aiSystemIds: ['s2'] })]);
    const { from, fresh } = rowDelta(before, after);
    expect(fresh.map((r) => r.ref)).toEqual(['R-002', 'R-003', 'R-004']);
    expect([...from]).toEqual([0, -1, -1, -1]);
    const rebuilt = applyRowDelta(before, from, fresh);
    expect(rebuilt).toEqual(after);
    // Unchanged rows are the page's own objects, not copies.
    expect(rebuilt[0]).toBe(before[0]);
  });

  it('follow creates and deletes, and send every row when nothing is shown yet', () => {
    const before = rowsOf(base);
    const after = rowsOf([risk(1), risk(3), risk(4), risk(5)]);
    const { from, fresh } = rowDelta(before, after);
    expect(fresh.map((r) => r.ref)).toEqual(['R-005']);
    expect(applyRowDelta(before, from, fresh)).toEqual(after);
    const all = rowDelta(null, after);
    expect(all.fresh).toEqual(after);
    expect(applyRowDelta([], all.from, all.fresh)).toEqual(after);
  });

  it('send nothing when nothing changed, and refuse an update that does not fit the rows it is applied to', () => {
    const before = rowsOf(base);
    const same = rowDelta(before, rowsOf(base));
    expect(same.fresh).toEqual([]);
    expect([...same.from]).toEqual([0, 1, 2, 3]);
    expect(() => applyRowDelta(before.slice(0, 2), same.from, [])).toThrow(/does not fit/);
    expect(() => applyRowDelta(before, same.from, [before[0] as RiskRow])).toThrow(/too many/);
  });
});
