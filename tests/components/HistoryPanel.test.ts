// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { createRisk, saveRisk } from '../../src/db/risks-repo';
import { setUserName } from '../../src/db/settings-repo';
import { createWorkspace } from '../../src/db/workspaces-repo';
import HistoryPanel from '../../src/ui/HistoryPanel.svelte';
import { freshDatabase } from '../support/db';

describe('HistoryPanel', () => {
  it("lists a record's changes newest first: when, who, what, and field: old → new as text", async () => {
    await freshDatabase();
    await setUserName('Dana');
    const ws = await createWorkspace('Acme', '1.0.0');
    if (!ws.ok) throw new Error(ws.code);
    const risk = await createRisk(ws.value.id, 'Drift');
    if (!risk.ok) throw new Error(risk.code);
    await saveRisk(risk.value.id, { owner: '<img src=x onerror=alert(1)>', status: 'assessed' });

    render(HistoryPanel, { recordId: risk.value.id, workspaceId: ws.value.id });
    const region = await screen.findByRole('region', { name: 'History' });
    await waitFor(() => expect(within(region).getAllByRole('listitem').length).toBeGreaterThan(2));
    const entries = within(region)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement?.classList.contains('entries'));
    expect(entries.map((li) => li.querySelector('strong')!.textContent)).toEqual(['Changed', 'Created']);
    expect(entries[0]!.textContent).toContain('Dana');
    expect(entries[0]!.textContent).toContain('Risk owner: (empty) → <img src=x onerror=alert(1)>');
    expect(entries[0]!.textContent).toMatch(/Status: Identified → Assessed/);
    expect(region.querySelector('img')).toBeNull();
  });

  it('says so when a record has no history', async () => {
    await freshDatabase();
    render(HistoryPanel, { recordId: 'nothing', workspaceId: 'nowhere' });
    expect(await screen.findByText('No changes recorded yet.')).toBeTruthy();
  });
});
