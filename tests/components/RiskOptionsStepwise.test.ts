// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import RiskOptionsHarness from './RiskOptionsHarness.svelte';

const systems = (n: number, prefix = 'System') => Array.from({ length: n }, (_, k) => ({ id: `s${k}`, name: `${prefix} ${k}` }));
const count = () => (screen.getByLabelText('System') as HTMLSelectElement).options.length - 1;

describe("the risk list's AI system options", () => {
  it('come a step at a time when there are thousands, all in the end, in order, and can be chosen', { timeout: 30_000 }, async () => {
    const { rerender } = render(RiskOptionsHarness, { items: systems(2000) });
    // The first draw holds a step, not all 2,000.
    expect(count()).toBe(250);
    await waitFor(() => expect(count()).toBe(2000), { timeout: 20_000 });
    const select = screen.getByLabelText('System') as HTMLSelectElement;
    expect(select.options[2000]!.textContent).toBe('System 1999');
    await fireEvent.change(select, { target: { value: 's1999' } });
    expect(screen.getByTestId('value').textContent).toBe('s1999');
    // Once all are there, a renamed system shows at once.
    await rerender({ items: systems(2000, 'Renamed') });
    expect(count()).toBe(2000);
    expect(select.options[1]!.textContent).toBe('Renamed 0');
  });

  it('are all there at once when there are few', () => {
    render(RiskOptionsHarness, { items: systems(40) });
    expect(count()).toBe(40);
  });
});
