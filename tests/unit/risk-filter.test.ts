import { describe, expect, it } from 'vitest';
import { colourTextTests } from './risk-filter.helpers';
import { evaluateRisk } from '../../src/domain/risk-evaluation';
import { filterRisks, heatCounts, NO_RISK_FILTER, riskSearchText } from '../../src/domain/risk-filter';
import { presetMatrix } from '../../src/domain/risk-matrix-presets';
import { blankRisk, type Risk } from '../../src/domain/risk-schema';
import { textOn } from '../../src/domain/colour';

const NOW = '2026-01-01T00:00:00.000Z';
const matrix = presetMatrix('5x5');
function risk(n: number, patch: Partial<Risk>): Risk {
  return { ...blankRisk({ id: `r${n}`, workspaceId: 'ws', createdAt: NOW, updatedAt: NOW, ref: `R-${String(n).padStart(3, '0')}` }, `Risk ${n}`), ...patch };
}
const risks = [
  risk(1, { inherentLikelihood: 3, inherentImpact: 3, owner: 'Ana', aiSystemIds: ['s1'], status: 'treating' }),
  risk(2, { inherentLikelihood: 0, inherentImpact: 0, residualLikelihood: 0, residualImpact: 0, owner: 'Bo', title: 'Data drift' }),
  risk(3, { inherentLikelihood: 6, inherentImpact: 1 }),
];
const evals = new Map(risks.map((r) => [r.id, evaluateRisk(r, matrix)]));

describe('risk filters', () => {
  it('filters by the level of one rating (inherent or residual), as the dashboard tiles link to', () => {
    expect(filterRisks(risks, evals, { ...NO_RISK_FILTER, rating: 'inherent', level: '3' }).map((r) => r.ref)).toEqual(['R-001']);
    expect(filterRisks(risks, evals, { ...NO_RISK_FILTER, rating: 'inherent', level: '0' }).map((r) => r.ref)).toEqual(['R-002']);
    expect(filterRisks(risks, evals, { ...NO_RISK_FILTER, rating: 'residual', level: '0' }).map((r) => r.ref)).toEqual(['R-002']);
    expect(filterRisks(risks, evals, { ...NO_RISK_FILTER, rating: 'residual', level: 'unrated' }).map((r) => r.ref)).toEqual(['R-001', 'R-003']);
  });

  it('keeps only the risks awaiting acceptance of a residual level above the threshold', () => {
    const waiting = risk(4, { inherentLikelihood: 4, inherentImpact: 4, residualLikelihood: 3, residualImpact: 3 });
    const accepted = risk(5, {
      inherentLikelihood: 4,
      inherentImpact: 4,
      residualLikelihood: 3,
      residualImpact: 3,
      acceptedBy: 'Board',
      acceptedOn: '2026-01-02',
    });
    const all = [...risks, waiting, accepted];
    const ev = new Map(all.map((r) => [r.id, evaluateRisk(r, matrix)]));
    expect(filterRisks(all, ev, { ...NO_RISK_FILTER, awaitingAcceptance: true }).map((r) => r.ref)).toEqual(['R-004']);
  });

  it('filters by text, owner, system and status', () => {
    expect(filterRisks(risks, evals, { ...NO_RISK_FILTER, query: 'drift' }).map((r) => r.ref)).toEqual(['R-002']);
    expect(filterRisks(risks, evals, { ...NO_RISK_FILTER, query: 'r-003' }).map((r) => r.ref)).toEqual(['R-003']);
    expect(filterRisks(risks, evals, { ...NO_RISK_FILTER, owner: 'Ana' }).map((r) => r.ref)).toEqual(['R-001']);
    expect(filterRisks(risks, evals, { ...NO_RISK_FILTER, system: 's1' }).map((r) => r.ref)).toEqual(['R-001']);
    expect(filterRisks(risks, evals, { ...NO_RISK_FILTER, status: 'treating' }).map((r) => r.ref)).toEqual(['R-001']);
  });

  it('searches the precomputed texts when given (ref, title, description, owner), and not across two fields', () => {
    const texts = new Map(risks.map((r) => [r.id, riskSearchText(r)]));
    expect(filterRisks(risks, evals, { ...NO_RISK_FILTER, query: 'DRIFT' }, texts).map((r) => r.ref)).toEqual(['R-002']);
    expect(filterRisks(risks, evals, { ...NO_RISK_FILTER, query: 'bo' }, texts).map((r) => r.ref)).toEqual(['R-002']);
    expect(filterRisks(risks, evals, { ...NO_RISK_FILTER, query: 'r-001 risk' }, texts)).toEqual([]);
    // The texts are what is searched: a stale one would be found, so they must follow the data.
    expect(filterRisks(risks, evals, { ...NO_RISK_FILTER, query: 'elsewhere' }, new Map([['r3', 'elsewhere']])).map((r) => r.ref)).toEqual(['R-003']);
  });

  it('gives the same list back when nothing filters', () => {
    expect(filterRisks(risks, evals, NO_RISK_FILTER)).toBe(risks);
  });

  it('filters by current level, unrated, flagged, and heat-map cell', () => {
    const high = String(evals.get('r1')!.current!.index);
    expect(filterRisks(risks, evals, { ...NO_RISK_FILTER, level: high }).map((r) => r.ref)).toEqual(['R-001']);
    expect(filterRisks(risks, evals, { ...NO_RISK_FILTER, level: 'unrated' }).map((r) => r.ref)).toEqual(['R-003']);
    expect(filterRisks(risks, evals, { ...NO_RISK_FILTER, flaggedOnly: true }).map((r) => r.ref)).toEqual(['R-003']);
    expect(filterRisks(risks, evals, { ...NO_RISK_FILTER, cell: { kind: 'inherent', likelihood: 3, impact: 3 } }).map((r) => r.ref)).toEqual(['R-001']);
    expect(filterRisks(risks, evals, { ...NO_RISK_FILTER, cell: { kind: 'residual', likelihood: 3, impact: 3 } })).toEqual([]);
  });

  it("reads the filter's fields once, not once per risk (the page's filter is reactive state, each read a proxy's)", () => {
    const many = Array.from({ length: 300 }, (_, i) => risk(i + 10, { owner: i % 2 ? 'Ana' : 'Bo', inherentLikelihood: 3, inherentImpact: 3 }));
    const manyEvals = new Map(many.map((r) => [r.id, evaluateRisk(r, matrix)]));
    let reads = 0;
    const filter = { ...NO_RISK_FILTER, query: 'risk', owner: 'Ana', flaggedOnly: true, cell: { kind: 'inherent' as const, likelihood: 3, impact: 3 } };
    const counted = new Proxy(filter, { get: (target, key) => (reads++, Reflect.get(target, key)) });
    const plain = filterRisks(many, manyEvals, filter).map((r) => r.ref);
    expect(filterRisks(many, manyEvals, counted).map((r) => r.ref)).toEqual(plain);
    expect(reads).toBeLessThan(30);
  });

  it('counts risks per cell and leaves out ratings outside the grid', () => {
    const grid = heatCounts(risks, 'inherent', 5, 5);
    expect(grid[3]![3]).toBe(1);
    expect(grid[0]![0]).toBe(1);
    expect(grid.flat().reduce((a, b) => a + b, 0)).toBe(2);
    expect(
      heatCounts(risks, 'residual', 5, 5)
        .flat()
        .reduce((a, b) => a + b, 0),
    ).toBe(1);
  });
});

describe('text colour on level colours', () => {
  it.each(colourTextTests)('%s takes %s text', (bg, fg) => {
    expect(textOn(bg)).toBe(fg);
  });
});
