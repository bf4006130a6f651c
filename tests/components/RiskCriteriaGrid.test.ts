// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { riskMatrixSchema, type RiskMatrix } from '../../src/domain/risk-matrix';
import { presetMatrix } from '../../src/domain/risk-matrix-presets';
import MatrixGridEditor from '../../src/ui/MatrixGridEditor.svelte';

const CAPTION = 'Our matrix';

/** 3×3 with a pale yellow, a mid grey-blue and a dark red level; threshold at the first. */
function matrix(): RiskMatrix {
  const m = presetMatrix('3x3');
  return riskMatrixSchema.parse({
    ...m,
    risk: [
      { ...m.risk[0], name: 'Low', hexcolor: '#FFF59D' },
      { ...m.risk[1], name: 'Medium', hexcolor: '#1F5D99' },
      { ...m.risk[2], name: 'High', hexcolor: '#7F0000' },
    ],
    grid: [
      [0, 0, 1],
      [0, 1, 2],
      [1, 2, 2],
    ],
    acceptanceThreshold: 0,
  });
}

function rows(): HTMLElement[] {
  const table = screen.getByRole('table', { name: CAPTION });
  return within(table).getAllByRole('row').slice(1);
}

describe('MatrixGridEditor', () => {
  it('draws the highest likelihood on top and impact left to right', () => {
    render(MatrixGridEditor, { matrix: matrix(), caption: CAPTION });
    const table = screen.getByRole('table', { name: CAPTION });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent?.trim()),
    ).toEqual(['L Minor', 'M Significant', 'H Severe']);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent?.trim()),
    ).toEqual(['H Likely', 'M Possible', 'L Unlikely']);
    // The top row is grid[2]: Medium, High, High.
    expect(
      within(rows()[0]!)
        .getAllByRole('cell')
        .map((c) => c.querySelector('.name')?.textContent),
    ).toEqual(['Medium', 'High', 'High']);
    expect(
      within(rows()[2]!)
        .getAllByRole('cell')
        .map((c) => c.querySelector('.name')?.textContent),
    ).toEqual(['Low', 'Low', 'Medium']);
  });

  it('colours each cell with its level and picks black or white text for contrast', () => {
    render(MatrixGridEditor, { matrix: matrix(), caption: CAPTION });
    const [medium, high] = within(rows()[0]!).getAllByRole('cell') as HTMLElement[];
    const low = within(rows()[2]!).getAllByRole('cell')[0] as HTMLElement;
    expect(low.style.backgroundColor).toBe('rgb(255, 245, 157)');
    expect(low.style.color).toBe('rgb(0, 0, 0)');
    expect(medium!.style.color).toBe('rgb(255, 255, 255)');
    expect(high!.style.color).toBe('rgb(255, 255, 255)');
  });

  it('marks the cells at or below the acceptance threshold "may be retained", and only those', async () => {
    const { rerender } = render(MatrixGridEditor, { matrix: matrix(), caption: CAPTION });
    const retained = () => screen.getAllByText('may be retained').map((mark) => mark.closest('td')?.querySelector('.name')?.textContent);
    expect(retained()).toEqual(['Low', 'Low', 'Low']);
    await rerender({ matrix: { ...matrix(), acceptanceThreshold: 1 } });
    expect(retained()).toEqual(['Medium', 'Low', 'Medium', 'Low', 'Low', 'Medium']);
  });

  it('is read-only without onchange, and offers one labelled select per cell with it', async () => {
    const onchange = vi.fn();
    render(MatrixGridEditor, { matrix: matrix(), caption: CAPTION, onchange });
    expect(screen.getAllByRole('combobox')).toHaveLength(9);
    const cell = screen.getByRole('combobox', { name: 'Likelihood 3 (Likely) × Impact 1 (Minor)' }) as HTMLSelectElement;
    expect(cell.value).toBe('1');
    expect([...cell.options].map((o) => o.text)).toEqual(['Low', 'Medium', 'High']);
    cell.value = '2';
    await fireEvent.change(cell);
    expect(onchange).toHaveBeenCalledWith(2, 0, 2);
  });

  it('has no selects in a preview', () => {
    render(MatrixGridEditor, { matrix: matrix(), caption: CAPTION });
    expect(screen.queryAllByRole('combobox')).toHaveLength(0);
  });
});
