import { describe, expect, it } from 'vitest';
import { chartModel, datedReadings, niceTicks } from '../../src/ui/readings-chart';

const box = { left: 40, right: 10, top: 20, bottom: 30 };

describe('readings chart', () => {
  it('takes round value ticks that cover the readings and the target', () => {
    expect(niceTicks(2.5, 6.1)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(niceTicks(0.1, 0.3)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
    expect(niceTicks(5, 5)[0]).toBeLessThan(5);
  });

  it('puts dates on a time axis, oldest first, and the target line at its value', () => {
    const points = datedReadings([
      { date: '2026-09-15', value: 2.7 },
      { date: null, value: 4 },
      { date: '2026-01-15', value: 6.1 },
      { date: '2026-03-15', value: null },
    ]);
    expect(points.map((p) => p.date)).toEqual(['2026-01-15', '2026-09-15']);
    const m = chartModel(points, 2.5, 600, 240, box);
    expect(m.points[0]!.x).toBe(40);
    expect(m.points[1]!.x).toBe(590);
    // Values keep what was entered; only their position is scaled.
    expect(m.points.map((p) => p.value)).toEqual([6.1, 2.7]);
    const tick = (v: number) => m.yTicks.find((x) => x.value === v)!.y;
    expect(m.targetY).toBeCloseTo(tick(2) - (tick(2) - tick(3)) / 2);
    expect(m.xTicks.map((x) => x.date)).toEqual(['2026-01-15', '2026-09-15']);
  });

  it('spaces the date labels so that none overlaps on a narrow screen, keeping the first and the last', () => {
    const points = ['2026-01-15', '2026-03-15', '2026-06-15', '2026-09-15'].map((date, i) => ({ date, value: i }));
    const m = chartModel(points, null, 330, 200, box);
    const xs = m.xTicks.map((x) => x.x);
    expect(m.xTicks[0]!.date).toBe('2026-01-15');
    expect(m.xTicks[m.xTicks.length - 1]!.date).toBe('2026-09-15');
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(i === 1 || i === xs.length - 1 ? 140 : 100);
  });
});
