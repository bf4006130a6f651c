// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { CellChange, WorkbookPlan } from '../../src/io/sheets/workbook-plan';
import SheetChanges from '../../src/ui/SheetChanges.svelte';

/** A plan that changes the owner of `n` risks, one row each. */
function plan(n: number): WorkbookPlan {
  const changes: CellChange[] = Array.from({ length: n }, (_, i) => ({
    sheet: 'Risks',
    key: 'risks',
    row: i + 2,
    id: `r${i}`,
    field: 'owner',
    column: 'Owner',
    from: 'Ann',
    to: `Owner ${i}`,
  }));
  const names = { risks: Object.fromEntries(changes.map((c, i) => [c.id!, `R-${String(i + 1).padStart(3, '0')} Risk ${i + 1}`])) };
  return { parts: [], changes, writes: [], rowsWithErrors: 0, ignoredSheets: [], names } as unknown as WorkbookPlan;
}

const records = () => within(screen.getByTestId('sheets-changes')).getAllByText(/^R-\d{3} Risk \d+$/);

// Drawing and laying out 100 changed records in one task held the page 54–60 ms (the check of an
// edited workbook at 10,000 risks): the list is drawn 20 records a frame, the first with the preview.
describe('the changes of a spreadsheet import', () => {
  it('are drawn a step at a time, in order, until every record is', async () => {
    render(SheetChanges, { plan: plan(100) });
    expect(records()).toHaveLength(20);
    expect(records()[0]!.textContent).toBe('R-001 Risk 1');
    await expect.poll(() => records().length, { timeout: 5000 }).toBe(100);
    expect(records().map((r) => r.textContent)).toEqual(Array.from({ length: 100 }, (_, i) => `R-${String(i + 1).padStart(3, '0')} Risk ${i + 1}`));
    expect(screen.getByText('Owner: Ann → Owner 99')).toBeTruthy();
  });

  it('a short list is drawn at once', () => {
    render(SheetChanges, { plan: plan(3) });
    expect(records()).toHaveLength(3);
  });
});
