// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCycleRecord } from '../../src/db/cycle-repo';
import { createWorkspace } from '../../src/db/workspaces-repo';
import type { Workspace } from '../../src/domain/workspace-schema';
import CycleRecordPage from '../../src/pages/CycleRecordPage.svelte';
import { shippedCatalog } from '../support/catalog';
import { freshDatabase } from '../support/db';

const catalog = shippedCatalog();
let ws: Workspace;
let a: string;
let b: string;

async function objective(title: string, value: number): Promise<string> {
  const r = await createCycleRecord(ws.id, 'objective', title, { readings: [{ id: `${title}-1`, date: '2026-01-15', value, note: '' }] });
  if (!r.ok) throw new Error(r.code);
  return r.value.id;
}

beforeEach(async () => {
  await freshDatabase();
  const w = await createWorkspace('Acme', '1.0.0');
  if (!w.ok) throw new Error(w.code);
  ws = w.value;
  a = await objective('Fewer refusals', 6.1);
  b = await objective('Faster answers', 42);
});

afterEach(() => cleanup());

const value = () => (screen.getByRole('spinbutton', { name: 'Value, row 1' }) as HTMLInputElement).value;

describe('a record page moving to another record of the same kind', () => {
  it('shows the other record’s measurements, even with the keyboard in the table', async () => {
    const view = render(CycleRecordPage, { catalog, workspace: ws, kind: 'objective', id: a });
    await waitFor(() => expect(value()).toBe('6.1'));
    // The keyboard is in A's table (a cell has focus) when the page moves to B (a link, a shortcut).
    await fireEvent.focusIn(screen.getByRole('spinbutton', { name: 'Value, row 1' }));
    await view.rerender({ id: b });
    await waitFor(() => expect(document.querySelector<HTMLInputElement>('#rec-title')?.value).toBe('Faster answers'));
    expect(value()).toBe('42');
  });
});
