// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ProgressRing from '../../src/ui/ProgressRing.svelte';

const CIRCUMFERENCE = 2 * Math.PI * 40;

/** The filled arc's length, from its stroke-dasharray. */
function arc(svg: Element): number {
  const circles = svg.querySelectorAll('circle');
  const dash = circles[circles.length - 1]?.getAttribute('stroke-dasharray') ?? '';
  return Number(dash.split(/\s+/)[0]);
}

describe('ProgressRing', () => {
  it('is an image named by its label that shows the percentage', () => {
    render(ProgressRing, { percent: 42, label: '42% done' });
    const svg = screen.getByRole('img', { name: '42% done' });
    expect(svg.textContent?.trim()).toBe('42%');
    expect(arc(svg)).toBeCloseTo(0.42 * CIRCUMFERENCE);
  });

  it('clamps values above 100 to a full ring showing "100%"', () => {
    render(ProgressRing, { percent: 130, label: 'over' });
    const svg = screen.getByRole('img', { name: 'over' });
    expect(svg.textContent?.trim()).toBe('100%');
    expect(arc(svg)).toBeCloseTo(CIRCUMFERENCE);
  });

  it('clamps negative values to an empty ring showing "0%"', () => {
    render(ProgressRing, { percent: -5, label: 'under' });
    const svg = screen.getByRole('img', { name: 'under' });
    expect(svg.textContent?.trim()).toBe('0%');
    expect(arc(svg)).toBe(0);
  });

  it('takes its size from the size prop', () => {
    render(ProgressRing, { percent: 10, label: 'small', size: 48 });
    const svg = screen.getByRole('img', { name: 'small' });
    expect(svg.getAttribute('width')).toBe('48');
    expect(svg.getAttribute('height')).toBe('48');
  });

  it('updates when the percentage changes', async () => {
    const { rerender } = render(ProgressRing, { percent: 10, label: 'ring' });
    await rerender({ percent: 75 });
    expect(screen.getByRole('img', { name: 'ring' }).textContent?.trim()).toBe('75%');
  });
});
