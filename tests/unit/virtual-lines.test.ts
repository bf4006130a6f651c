import { describe, expect, it } from 'vitest';
import { virtualLines } from '../../src/ui/virtual-lines';

describe('the lines of a virtualised table', () => {
  it('draws the window between two gaps that stand for the undrawn rows', () => {
    expect(virtualLines(100, 10, 13, -1)).toEqual([
      { kind: 'gap', rows: 10, before: 10 },
      { kind: 'row', index: 10, pinned: false },
      { kind: 'row', index: 11, pinned: false },
      { kind: 'row', index: 12, pinned: false },
      { kind: 'gap', rows: 87, before: 100 },
    ]);
  });

  it('keeps the focused row and its neighbours drawn outside the window, the gaps still counting every row', () => {
    const lines = virtualLines(100, 50, 52, 0);
    expect(lines).toEqual([
      { kind: 'row', index: 0, pinned: true },
      { kind: 'row', index: 1, pinned: true },
      { kind: 'gap', rows: 48, before: 50 },
      { kind: 'row', index: 50, pinned: false },
      { kind: 'row', index: 51, pinned: false },
      { kind: 'gap', rows: 48, before: 100 },
    ]);
    const below = virtualLines(100, 0, 2, 99);
    expect(below.map((l) => (l.kind === 'row' ? l.index : -l.rows))).toEqual([0, 1, -96, 98, 99]);
    const count = (ls: typeof lines) => ls.reduce((n, l) => n + (l.kind === 'row' ? 1 : l.rows), 0);
    expect(count(lines)).toBe(100);
    expect(count(below)).toBe(100);
    // Next to the window, the neighbour joins it without a gap.
    expect(virtualLines(100, 10, 12, 13).map((l) => (l.kind === 'row' ? l.index : -l.rows))).toEqual([-10, 10, 11, 12, 13, 14, -85]);
  });
});
