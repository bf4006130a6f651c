// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { StatusCounts } from '../../src/domain/progress';
import StatusBar from '../../src/ui/StatusBar.svelte';

/** The coloured segments, left to right (the first rect is the empty track). */
function segments(svg: Element): { fill: string; x: number; w: number }[] {
  return [...svg.querySelectorAll('rect')].slice(1).map((r) => ({
    fill: r.getAttribute('fill') ?? '',
    x: Number(r.getAttribute('x')),
    w: Number(r.getAttribute('width')),
  }));
}

function counts(c: Partial<StatusCounts>): StatusCounts {
  return { 'not-started': 0, 'in-progress': 0, implemented: 0, 'not-applicable': 0, ...c };
}

describe('StatusBar', () => {
  it('is an image named by its label', () => {
    render(StatusBar, { counts: counts({ implemented: 1 }), label: '1 implemented of 1' });
    const svg = screen.getByRole('img', { name: '1 implemented of 1' });
    expect(svg.tagName.toLowerCase()).toBe('svg');
  });

  it('draws segments proportional to the counts, side by side, leaving out empty ones', () => {
    render(StatusBar, { counts: counts({ implemented: 1, 'in-progress': 1, 'not-started': 2, 'not-applicable': 0 }), label: 'bar' });
    const segs = segments(screen.getByRole('img', { name: 'bar' }));
    expect(segs).toEqual([
      { fill: 'var(--st-not-started)', x: 0, w: 50 },
      { fill: 'var(--st-in-progress)', x: 50, w: 25 },
      { fill: 'var(--st-implemented)', x: 75, w: 25 },
    ]);
  });

  it('fills the whole width across all four statuses', () => {
    render(StatusBar, { counts: counts({ implemented: 3, 'in-progress': 1, 'not-started': 4, 'not-applicable': 2 }), label: 'bar' });
    const segs = segments(screen.getByRole('img', { name: 'bar' }));
    expect(segs.map((s) => s.w)).toEqual([40, 10, 30, 20]);
    expect(segs.reduce((n, s) => n + s.w, 0)).toBeCloseTo(100);
    const last = segs[segs.length - 1]!;
    expect(last.fill).toBe('var(--st-not-applicable)');
    expect(last.x + last.w).toBeCloseTo(100);
  });

  it('shows only the empty track when there is nothing to count', () => {
    render(StatusBar, { counts: counts({}), label: 'nothing' });
    expect(segments(screen.getByRole('img', { name: 'nothing' }))).toEqual([]);
  });

  it('redraws when the counts change', async () => {
    const { rerender } = render(StatusBar, { counts: counts({ 'not-started': 1 }), label: 'bar' });
    expect(segments(screen.getByRole('img', { name: 'bar' })).map((s) => s.w)).toEqual([100]);
    await rerender({ counts: counts({ 'not-started': 1, implemented: 3 }) });
    expect(segments(screen.getByRole('img', { name: 'bar' })).map((s) => s.w)).toEqual([25, 75]);
  });
});
