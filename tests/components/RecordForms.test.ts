// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { listCycleRecords } from '../../src/db/cycle-repo';
import { createRisk, getRisk } from '../../src/db/risks-repo';
import { createWorkspace } from '../../src/db/workspaces-repo';
import CycleRegisterPage from '../../src/pages/CycleRegisterPage.svelte';
import RiskPage from '../../src/pages/RiskPage.svelte';
import { app } from '../../src/state/app.svelte';
import { flushSaves } from '../../src/state/autosave';
import { shippedCatalog } from '../support/catalog';
import { freshDatabase } from '../support/db';

async function workspace() {
  await freshDatabase();
  const ws = await createWorkspace('Forms Co', 'test');
  if (!ws.ok) throw new Error(ws.code);
  return ws.value;
}

const summary = () => screen.getByRole('alert');

// Whole pages on a real (in-memory) database: slow on a busy machine.
describe('record forms show every problem at once', { timeout: 20_000 }, () => {
  it('a new document with neither title nor type: both problems, each at its field and linked from the summary', async () => {
    const ws = await workspace();
    render(CycleRegisterPage, { catalog: shippedCatalog(), workspace: ws, kind: 'document' });
    const title = await screen.findByLabelText('Document title');
    const type = screen.getByLabelText('Type') as HTMLSelectElement;
    await fireEvent.click(screen.getByRole('button', { name: 'Add Document' }));

    await waitFor(() => expect(within(summary()).getByRole('heading', { name: '2 problems to fix' })).toBeTruthy());
    const links = within(summary()).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['#new-document', '#new-document-type']);
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(type.getAttribute('aria-invalid')).toBe('true');
    await fireEvent.click(links[1]!);
    expect(document.activeElement).toBe(type);
    await fireEvent.click(links[0]!);
    expect(document.activeElement).toBe(title);
    expect(await listCycleRecords(ws.id)).toEqual([]);
  });

  it('an emptied risk title is refused at its field and in the summary, not as an unexpected error, and nothing is saved', async () => {
    const ws = await workspace();
    const created = await createRisk(ws.id, 'Unfair refusals');
    if (!created.ok) throw new Error(created.code);
    render(RiskPage, { catalog: shippedCatalog(), workspace: ws, id: created.value.id });
    const title = (await screen.findByLabelText('Title')) as HTMLInputElement;
    await fireEvent.focus(title);
    await fireEvent.input(title, { target: { value: '  ' } });
    await fireEvent.blur(title);
    await flushSaves();

    expect(app.error).toBeNull();
    expect(within(summary()).getByRole('heading', { name: '1 problem to fix' })).toBeTruthy();
    expect(within(summary()).getByRole('link', { name: 'Enter a title.' }).getAttribute('href')).toBe('#risk-title');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    // What was typed stays in view beside its message; the stored title is untouched.
    expect(title.value).toBe('  ');
    expect((await getRisk(created.value.id))?.title).toBe('Unfair refusals');

    await fireEvent.focus(title);
    await fireEvent.input(title, { target: { value: 'Unfair refusals of claims' } });
    await fireEvent.blur(title);
    await flushSaves();
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect((await getRisk(created.value.id))?.title).toBe('Unfair refusals of claims');
  });
});
