// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadMessages } from '../../src/i18n/i18n';
import ReadingsChart from '../../src/ui/ReadingsChart.svelte';

beforeAll(() => loadMessages());
afterEach(() => cleanup());

const props = { target: 2, unit: '%', label: 'Fewer unfair refusals', id: 'chart' };

describe('ReadingsChart', () => {
  it('counts one reading as "1 reading" in its summary', () => {
    render(ReadingsChart, { props: { ...props, readings: [{ date: '2026-03-05', value: 2.75 }] } });
    expect(screen.getByText(/^Fewer unfair refusals:/).textContent).toBe('Fewer unfair refusals: 1 reading; latest 2.75 % on Mar 5, 2026; target 2 %.');
  });

  it('counts more readings in the plural', () => {
    const readings = [
      { date: '2026-03-05', value: 2.75 },
      { date: '2026-04-05', value: 2.5 },
    ];
    render(ReadingsChart, { props: { ...props, readings } });
    expect(screen.getByText(/^Fewer unfair refusals:/).textContent).toContain(': 2 readings; latest 2.5 %');
  });
});
