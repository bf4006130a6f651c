import { describe, expect, it } from 'vitest';
import { evaluateRisk } from '../../src/domain/risk-evaluation';
import { defaultGrid, levelOf, ratingOutOfScale, reshapeGrid, riskMatrixSchema, type RiskMatrix } from '../../src/domain/risk-matrix';
import { presetMatrix, presetNames } from '../../src/domain/risk-matrix-presets';
import { blankRisk, type Risk } from '../../src/domain/risk-schema';

const TS = '2025-01-15T10:00:00.000Z';

function makeRisk(overrides: Partial<Risk> = {}): Risk {
  return { ...blankRisk({ id: crypto.randomUUID(), workspaceId: 'ws-1', createdAt: TS, updatedAt: TS, ref: 'R-001' }, 'Biased shortlist'), ...overrides };
}

describe('levelOf', () => {
  const m = presetMatrix('5x5');

  it('reads grid[likelihood][impact] and marks levels at or below the threshold acceptable', () => {
    // 5×5 preset: threshold 1 (Low); grid[0][0] = Very low, grid[4][4] = Very high.
    expect(levelOf(m, 0, 0)).toMatchObject({ index: 0, acceptable: true, level: { name: 'Very low' } });
    expect(levelOf(m, 4, 4)).toMatchObject({ index: 4, acceptable: false, level: { name: 'Very high' } });
    const cell = levelOf(m, 1, 1)!;
    expect(cell.index).toBe(m.grid[1]![1]);
    expect(cell.acceptable).toBe(cell.index <= m.acceptanceThreshold);
  });

  it('is asymmetric when the grid is: likelihood picks the row, impact the column', () => {
    const skewed: RiskMatrix = { ...m, grid: m.grid.map((row, p) => row.map((_, i) => (p === 4 && i === 0 ? 3 : 0))) };
    expect(levelOf(skewed, 4, 0)?.index).toBe(3);
    expect(levelOf(skewed, 0, 4)?.index).toBe(0);
  });

  it('gives null for a missing rating or one outside the scales', () => {
    expect(levelOf(m, null, 2)).toBeNull();
    expect(levelOf(m, 2, null)).toBeNull();
    expect(levelOf(m, 5, 0)).toBeNull();
    expect(levelOf(m, 0, 7)).toBeNull();
  });
});

describe('ratingOutOfScale', () => {
  const m = presetMatrix('3x3');

  it('flags only indexes beyond the current scales, never a missing rating', () => {
    expect(ratingOutOfScale(m, 2, 2)).toBe(false);
    expect(ratingOutOfScale(m, 3, 0)).toBe(true);
    expect(ratingOutOfScale(m, 0, 3)).toBe(true);
    expect(ratingOutOfScale(m, null, null)).toBe(false);
    expect(ratingOutOfScale(m, null, 4)).toBe(true);
  });
});

describe('defaultGrid', () => {
  it('has one row per likelihood level and one cell per impact level', () => {
    const g = defaultGrid(4, 6, 3);
    expect(g).toHaveLength(4);
    for (const row of g) expect(row).toHaveLength(6);
  });

  it('runs from the lowest level in the bottom-left corner to the highest in the top-right and never decreases', () => {
    const g = defaultGrid(5, 5, 5);
    expect(g[0]![0]).toBe(0);
    expect(g[4]![4]).toBe(4);
    for (let p = 0; p < 5; p++) {
      for (let i = 0; i < 5; i++) {
        if (p > 0) expect(g[p]![i]).toBeGreaterThanOrEqual(g[p - 1]![i]!);
        if (i > 0) expect(g[p]![i]).toBeGreaterThanOrEqual(g[p]![i - 1]!);
      }
    }
  });

  it('uses every level index only within range', () => {
    const cells = defaultGrid(7, 3, 2).flat();
    expect(Math.min(...cells)).toBe(0);
    expect(Math.max(...cells)).toBe(1);
  });
});

describe('reshapeGrid', () => {
  it('keeps every cell that still exists when a scale grows and fills the new ones', () => {
    const m = presetMatrix('3x3');
    const custom = {
      ...m,
      grid: [
        [2, 2, 2],
        [2, 2, 2],
        [2, 2, 2],
      ],
    };
    const grown = { ...custom, probability: [...m.probability, { abbreviation: 'VH', name: 'Very likely', description: '' }] };
    const g = reshapeGrid(grown);
    expect(g).toHaveLength(4);
    expect(g.slice(0, 3)).toEqual(custom.grid);
    expect(g[3]).toEqual(defaultGrid(4, 3, 3)[3]);
  });

  it('drops the cells of removed levels when a scale shrinks', () => {
    const m = presetMatrix('5x5');
    const shrunk = { ...m, probability: m.probability.slice(0, 3), impact: m.impact.slice(0, 4) };
    expect(reshapeGrid(shrunk)).toEqual(m.grid.slice(0, 3).map((row) => row.slice(0, 4)));
  });

  it('replaces a cell naming a removed risk level by the default for that cell', () => {
    const m = presetMatrix('5x5');
    const fewer = { ...m, risk: m.risk.slice(0, 3) };
    const g = reshapeGrid(fewer);
    expect(Math.max(...g.flat())).toBeLessThan(3);
    expect(g[4]![4]).toBe(defaultGrid(5, 5, 3)[4]![4]);
    expect(g[0]![0]).toBe(m.grid[0]![0]);
    expect(riskMatrixSchema.safeParse({ ...fewer, grid: g, acceptanceThreshold: 1 }).success).toBe(true);
  });
});

describe('evaluateRisk', () => {
  it('flags likelihood 4 of a 5×5 matrix once the workspace switches to 3×3, and never changes the stored rating', () => {
    // Ratings are indexes: likelihood level 4 is index 3.
    const risk = makeRisk({ inherentLikelihood: 3, inherentImpact: 2 });
    const before = evaluateRisk(risk, presetMatrix('5x5'));
    expect(before.flags).toEqual([]);
    expect(before.inherent?.level.name).toBe(presetMatrix('5x5').risk[presetMatrix('5x5').grid[3]![2]!]!.name);

    const after = evaluateRisk(risk, presetMatrix('3x3'));
    expect(after.flags).toContain('inherent-out-of-scale');
    expect(after.inherent).toBeNull();
    expect(after.current).toBeNull();
    expect(risk.inherentLikelihood).toBe(3);
    expect(risk.inherentImpact).toBe(2);
  });

  it('flags a residual rating out of scale separately', () => {
    const e = evaluateRisk(makeRisk({ inherentLikelihood: 0, inherentImpact: 0, residualLikelihood: 0, residualImpact: 4 }), presetMatrix('3x3'));
    expect(e.flags).toEqual(['residual-out-of-scale']);
    expect(e.current?.index).toBe(0);
  });

  it('requires recorded acceptance for a residual level above the threshold', () => {
    const m = presetMatrix('3x3');
    const high = { inherentLikelihood: 2, inherentImpact: 2, residualLikelihood: 2, residualImpact: 2 };
    const missing = evaluateRisk(makeRisk(high), m);
    expect(missing.residual?.acceptable).toBe(false);
    expect(missing.acceptanceRequired).toBe(true);
    expect(missing.flags).toEqual(['acceptance-missing']);

    expect(evaluateRisk(makeRisk({ ...high, acceptedBy: 'Dana', acceptedOn: null }), m).flags).toEqual(['acceptance-missing']);
    expect(evaluateRisk(makeRisk({ ...high, acceptedBy: '  ', acceptedOn: '2025-02-01' }), m).flags).toEqual(['acceptance-missing']);
    const accepted = evaluateRisk(makeRisk({ ...high, acceptedBy: 'Dana', acceptedOn: '2025-02-01' }), m);
    expect(accepted.acceptanceRequired).toBe(true);
    expect(accepted.flags).toEqual([]);
  });

  it('needs no acceptance at or below the threshold, nor before the residual rating exists', () => {
    const m = presetMatrix('3x3');
    const low = evaluateRisk(makeRisk({ inherentLikelihood: 2, inherentImpact: 2, residualLikelihood: 0, residualImpact: 0 }), m);
    expect(low.acceptanceRequired).toBe(false);
    expect(low.flags).toEqual([]);
    const unrated = evaluateRisk(makeRisk({ inherentLikelihood: 2, inherentImpact: 2 }), m);
    expect(unrated.acceptanceRequired).toBe(false);
    expect(unrated.current?.index).toBe(2);
  });
});

describe('presets', () => {
  it('are all valid matrices of the size their name says', () => {
    for (const name of presetNames) {
      const m = presetMatrix(name);
      const [p, i] = name.split('x').map(Number);
      expect(riskMatrixSchema.safeParse(m).success, name).toBe(true);
      expect([m.probability.length, m.impact.length]).toEqual([p, i]);
    }
  });

  it('hand out a fresh copy each time, so editing one never changes the preset', () => {
    const a = presetMatrix('4x4');
    a.grid[0]![0] = 3;
    a.probability[0]!.name = 'Edited';
    expect(presetMatrix('4x4').grid[0]![0]).toBe(0);
    expect(presetMatrix('4x4').probability[0]!.name).toBe('Rare');
  });
});
