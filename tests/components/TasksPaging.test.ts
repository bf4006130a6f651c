// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../src/db/workspaces-repo';
import type { Workspace } from '../../src/domain/workspace-schema';
import TasksPage from '../../src/pages/TasksPage.svelte';
import { shippedCatalog } from '../support/catalog';
import { freshDatabase } from '../support/db';
import { manyRisks } from '../support/many-risks';

const catalog = shippedCatalog();
let ws: Workspace;

beforeEach(async () => {
  await freshDatabase();
  const w = await createWorkspace('Acme', '1.0.0');
  if (!w.ok) throw new Error(w.code);
  ws = w.value;
  // 250 risks due for review in the far future: 250 tasks "later" (one made by the app, copied).
  await manyRisks(ws.id, 250, { nextReview: '2099-01-01' });
});

afterEach(() => cleanup());

describe('My tasks with many tasks', () => {
  it('draws a page of 200 at a time, says how many are shown, and the keyboard goes on at the first task added', async () => {
    render(TasksPage, { catalog, workspace: ws });
    const later = await screen.findByRole('region', { name: /^Later/ }, { timeout: 10_000 });
    const rows = () => within(later).getAllByRole('row').length - 1; // less the header row
    expect(rows()).toBe(200);
    expect(later.textContent).toContain('200 of 250 shown');
    await fireEvent.click(within(later).getByRole('button', { name: 'Show 50 more' }));
    expect(rows()).toBe(250);
    const first = within(later).getAllByRole('row')[201]!;
    expect(document.activeElement).toBe(within(first).getByRole('link'));
    expect(within(later).queryByRole('button', { name: /^Show/ })).toBeNull();
    // Every task still counts and downloads, drawn or not.
    expect(screen.getByTestId('task-count').textContent).toBe('250 of 250 open tasks shown');
  }, 60_000);
});
