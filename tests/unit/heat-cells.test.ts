import { describe, expect, it } from 'vitest';
import { presetMatrix } from '../../src/domain/risk-matrix-presets';
import type { RiskMatrix } from '../../src/domain/risk-matrix';
import { heatRows } from '../../src/ui/heat-cells';

describe('heatRows', () => {
  // 3×3 preset, with an asymmetric grid so that swapping likelihood and impact would show.
  const base = presetMatrix('3x3');
  const m: RiskMatrix = { ...base, grid: base.grid.map((row, p) => row.map((_, i) => (p === 2 && i === 0 ? 2 : 0))) };
  const counts = [
    [0, 1, 0],
    [0, 0, 0],
    [4, 0, 0],
  ];

  it('puts the highest likelihood on top and reads grid[likelihood][impact]', () => {
    const rows = heatRows(m, counts);
    expect(rows.map((r) => r.likelihoodLevel.name)).toEqual(m.probability.map((p) => p.name).reverse());
    const top = rows[0]!;
    expect(top.likelihood).toBe(2);
    expect(top.cells.map((c) => c.impactLevel.name)).toEqual(m.impact.map((i) => i.name));
    expect(top.cells[0]).toMatchObject({ impact: 0, count: 4, level: m.risk[2] });
    expect(rows[2]!.cells[1]).toMatchObject({ count: 1, level: m.risk[0] });
  });

  it('fills every cell with its level colour and a readable ink for print', () => {
    for (const cell of heatRows(m, counts).flatMap((r) => r.cells)) {
      expect(cell.background).toBe(cell.level.hexcolor);
      expect(cell.color).toMatch(/^#(000000|ffffff)$/);
    }
  });

  it('on screen lets a cell with no risks recede to a tint in the page text colour', () => {
    const rows = heatRows(m, counts, true);
    const full = rows[0]!.cells[0]!;
    expect(full.background).toBe(full.level.hexcolor);
    expect(full.color).toMatch(/^#(000000|ffffff)$/);
    const empty = rows[0]!.cells[1]!;
    expect(empty.count).toBe(0);
    expect(empty.background).toBe(`color-mix(in srgb, ${empty.level.hexcolor} 22%, var(--surface))`);
    expect(empty.color).toBeUndefined();
  });

  it('counts a cell missing from the counts as empty', () => {
    expect(heatRows(m, []).flatMap((r) => r.cells.map((c) => c.count))).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
