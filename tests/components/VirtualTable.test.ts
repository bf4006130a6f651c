// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Column } from '../../src/ui/DataTable.svelte';
import VirtualTable from '../../src/ui/VirtualTable.svelte';

// jsdom has no layout and no ResizeObserver (bind:clientHeight uses one): the box reads as 0 px tall.
beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

interface Row {
  id: string;
  ref: string;
  title: string;
  score: number;
}
// Fewer rows than the page sorts in the worker (state/sort-order.ts), so jsdom sorts at once.
const all: Row[] = Array.from({ length: 2_000 }, (_, i) => ({ id: `r${i}`, ref: `R-${i + 1}`, title: `Risk ${(i * 7919) % 2_000}`, score: (i * 31) % 97 }));
const columns: Column<Row>[] = [
  { key: 'ref', label: 'Ref', text: (r) => r.ref },
  { key: 'title', label: 'Title', text: (r) => r.title },
  { key: 'score', label: 'Score', text: (r) => String(r.score), sortKey: (r) => r.score, numeric: true },
];
const bodyRows = () => screen.getAllByRole('row').filter((r) => r.getAttribute('aria-rowindex') !== '1');
const props = { label: 'Risk register', all, columns, rowKey: (r: Row) => r.id };

describe('a virtualised table', () => {
  it('draws only the rows in view and tells how many rows there are and where each drawn one sits', () => {
    render(VirtualTable<Row>, { ...props, rows: all });
    const table = screen.getByRole('table', { name: 'Risk register' });
    expect(table.getAttribute('aria-rowcount')).toBe('2001');
    const rows = bodyRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(60);
    expect(rows[0]?.getAttribute('aria-rowindex')).toBe('2');
    expect(rows[0]?.textContent).toContain('R-1');
    // The scroll box is reachable with the keyboard and named like the table.
    expect(screen.getByRole('region', { name: 'Risk register' }).getAttribute('tabindex')).toBe('0');
  });

  it('counts the filtered rows, and sorts by a text or a number column both ways', async () => {
    const some = all.filter((r) => r.score < 10);
    render(VirtualTable<Row>, { ...props, rows: some });
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe(String(some.length + 1));
    await fireEvent.click(screen.getByRole('button', { name: 'Score' }));
    expect(screen.getByRole('columnheader', { name: /Score/ }).getAttribute('aria-sort')).toBe('ascending');
    const scores = () => bodyRows().map((r) => Number(within(r).getAllByRole('cell')[2]?.textContent));
    expect(scores()[0]).toBe(0);
    expect(scores()).toEqual([...scores()].sort((a, b) => a - b));
    await fireEvent.click(screen.getByRole('button', { name: 'Score' }));
    expect(screen.getByRole('columnheader', { name: /Score/ }).getAttribute('aria-sort')).toBe('descending');
    expect(scores()[0]).toBe(9);
    await fireEvent.click(screen.getByRole('button', { name: 'Title' }));
    const titles = bodyRows().map((r) => within(r).getAllByRole('cell')[1]?.textContent?.trim());
    expect(titles[0]).toBe(some.map((r) => r.title).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))[0]);
  });
});
