// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import DataTable, { type Column } from '../../src/ui/DataTable.svelte';
import VirtualTable from '../../src/ui/VirtualTable.svelte';

type Row = { id: string; name: string; owner: string };
const columns: Column<Row>[] = [
  { key: 'name', label: 'Name', text: (r) => r.name },
  { key: 'owner', label: 'Owner', text: (r) => r.owner },
];
const rows: Row[] = [
  { id: '1', name: 'Claims triage', owner: '' },
  { id: '2', name: 'Chat assistant', owner: 'Dana' },
];

/** The cell of a row (by its name) in a column (by position). */
function cell(name: string, index: number): HTMLElement {
  const row = screen.getByText(name).closest('tr')!;
  return row.querySelectorAll('td')[index] as HTMLElement;
}

describe('DataTable cards on a phone', () => {
  it('marks an empty value so its card shows a dash beside the column name, not the name alone', () => {
    render(DataTable<Row>, { label: 'AI systems', rows, columns, rowKey: (r) => r.id, stack: true });
    expect(cell('Claims triage', 1).classList.contains('blank')).toBe(true);
    expect(cell('Chat assistant', 1).classList.contains('blank')).toBe(false);
    // The first column is the card's title: never marked, never labelled.
    expect(cell('Claims triage', 0).classList.contains('blank')).toBe(false);
  });

  it('marks nothing in a table that stays a table on a phone', () => {
    render(DataTable<Row>, { label: 'AI systems', rows, columns, rowKey: (r) => r.id });
    expect(cell('Claims triage', 1).classList.contains('blank')).toBe(false);
  });
});

describe('the virtualised table’s cards on a phone', () => {
  beforeAll(() => {
    globalThis.ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  });

  it('marks an empty value as the paged table does, and nothing when it stays a table', () => {
    const { unmount } = render(VirtualTable<Row>, { label: 'Risk register', rows, all: rows, columns, rowKey: (r) => r.id, stack: true });
    expect(cell('Claims triage', 1).classList.contains('blank')).toBe(true);
    expect(cell('Chat assistant', 1).classList.contains('blank')).toBe(false);
    expect(cell('Claims triage', 0).classList.contains('blank')).toBe(false);
    unmount();
    render(VirtualTable<Row>, { label: 'Risk register', rows, all: rows, columns, rowKey: (r) => r.id });
    expect(cell('Claims triage', 1).classList.contains('blank')).toBe(false);
  });
});
