import { describe, expect, it } from 'vitest';
import { matrixChange } from '../../src/domain/risk-matrix-diff';
import type { RiskMatrix } from '../../src/domain/risk-matrix';
import { presetMatrix } from '../../src/domain/risk-matrix-presets';

/** The 5×5 preset with one cell set by hand, as a user would in the grid. */
function edited(likelihood: number, impact: number, level: number): RiskMatrix {
  const m = presetMatrix('5x5');
  m.grid[likelihood]![impact] = level;
  return m;
}

const names = (c: ReturnType<typeof matrixChange>) =>
  c.cells.map((x) => `${x.likelihood.name} × ${x.impact.name}: ${x.before?.name ?? '—'} → ${x.after?.name ?? '—'}`);

describe('matrixChange: what a replacement changes', () => {
  it('shows a cell the user edited as a change, though no level changes', () => {
    // Rare × Severe is "Medium" in the preset; the user made it "Very high".
    const c = matrixChange(edited(0, 4, 4), presetMatrix('5x5'));
    expect(c.changed).toBe(0);
    expect(c.cellsChanged).toBe(1);
    expect(c.cellsTotal).toBe(25);
    expect(names(c)).toEqual(['Rare × Severe: Very high → Medium']);
    expect(c.levels).toEqual([]);
    expect(c.threshold).toBeNull();
    expect(c.any).toBe(true);
  });

  it('finds nothing between equal matrices', () => {
    const c = matrixChange(presetMatrix('4x4'), presetMatrix('4x4'));
    expect(c).toMatchObject({ changed: 0, cellsChanged: 0, levels: [], cells: [], threshold: null, any: false });
  });

  it('lists every level that changes, by name, with what changed in it', () => {
    const m = presetMatrix('4x4');
    const after = {
      ...m,
      impact: m.impact.map((l, i) => (i === 2 ? { ...l, name: 'Big' } : l)),
      risk: m.risk.map((l, i) => (i === 0 ? { ...l, hexcolor: '#000000', description: 'Keep.' } : l)),
    };
    const c = matrixChange(m, after);
    expect(c.changed).toBe(2);
    expect(c.levels.map((l) => ({ scale: l.scale, before: l.before?.name, after: l.after?.name, fields: l.fields }))).toEqual([
      { scale: 'impact', before: 'Major', after: 'Big', fields: ['name'] },
      { scale: 'risk', before: 'Low', after: 'Low', fields: ['description', 'hexcolor'] },
    ]);
    // Cells keep their level: a renamed impact level does not change what any cell says.
    expect(c.cells).toEqual([]);
  });

  it('names the cells of a renamed risk level as changed: they read differently afterwards', () => {
    const m = presetMatrix('3x3');
    const after = { ...m, risk: m.risk.map((l, i) => (i === 2 ? { ...l, name: 'Severe' } : l)) };
    const c = matrixChange(m, after);
    // In the grid's reading order: highest likelihood first.
    expect(names(c)).toEqual(['Likely × Significant: High → Severe', 'Likely × Severe: High → Severe', 'Possible × Severe: High → Severe']);
  });

  it('lists levels and cells that go and come when a scale changes length', () => {
    const c = matrixChange(presetMatrix('5x5'), presetMatrix('3x3'));
    expect(c.total).toBe(15);
    expect(c.changed).toBe(15);
    expect([c.probability, c.impact, c.risk]).toEqual([
      { from: 5, to: 3 },
      { from: 5, to: 3 },
      { from: 5, to: 3 },
    ]);
    expect(c.shrinks).toBe(true);
    const removed = c.levels.filter((l) => l.after === null);
    expect(removed.map((l) => `${l.scale} ${l.before?.name}`)).toEqual([
      'probability Likely',
      'probability Almost certain',
      'impact Major',
      'impact Severe',
      'risk High',
      'risk Very high',
    ]);
    expect(c.cellsTotal).toBe(25);
    expect(c.cells.filter((x) => x.after === null)).toHaveLength(16);
    expect(names(c)).toContain('Almost certain × Severe: Very high → —');
    expect(names(c)).toContain('Rare × Negligible: Very low → Low');
    // "Low" at position 2 of five and "Low" at position 1 of three read the same: not a change, never "Low → Low".
    expect(names(c).filter((n) => /: (.+) → \1$/.test(n))).toEqual([]);
    expect(names(c)).not.toContain('Unlikely × Negligible: Low → Low');
    expect(c.cellsChanged).toBe(23);
    expect(c.threshold).toBeNull();

    const grown = matrixChange(presetMatrix('3x3'), presetMatrix('5x5'));
    expect(grown.shrinks).toBe(false);
    expect(grown.cells.filter((x) => x.before === null)).toHaveLength(16);
    // A cell that is new is named by the new scales.
    expect(names(grown)).toContain('Almost certain × Severe: — → Very high');
  });

  it('reports a moved acceptance threshold by level name', () => {
    const m = presetMatrix('5x5');
    const c = matrixChange(m, { ...m, acceptanceThreshold: 2 });
    expect(c.threshold).toEqual({ before: m.risk[1], after: m.risk[2] });
    expect(c.any).toBe(true);
  });
});
