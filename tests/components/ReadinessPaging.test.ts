// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../src/db/workspaces-repo';
import type { Workspace } from '../../src/domain/workspace-schema';
import ReadinessPage from '../../src/pages/ReadinessPage.svelte';
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
  // 255 risks never rated: 255 gaps of the check that every risk is assessed.
  await manyRisks(ws.id, 255);
});

afterEach(() => cleanup());

describe('Readiness with many gaps', () => {
  it('draws a check’s further gaps only once its list is opened, 200 at a time, the keyboard going on at the first one added', async () => {
    render(ReadinessPage, { catalog, workspace: ws });
    const check = await screen.findByTestId('readiness-risk-results', {}, { timeout: 10_000 });
    const details = check.querySelector('details')!;
    expect(within(details).getByText('…and 250 more')).toBeTruthy();
    // Closed: nothing of the 250 is drawn.
    expect(details.querySelectorAll('a')).toHaveLength(0);
    details.open = true;
    await fireEvent(details, new Event('toggle'));
    await waitFor(() => expect(details.querySelectorAll('ul a')).toHaveLength(200));
    expect(details.textContent).toContain('200 of 250 shown');
    await fireEvent.click(within(details).getByRole('button', { name: 'Show 50 more' }));
    expect(details.querySelectorAll('ul a')).toHaveLength(250);
    expect(document.activeElement).toBe(details.querySelectorAll('ul a')[200]);
    expect(within(details).queryByRole('button', { name: /^Show/ })).toBeNull();
  }, 60_000);
});
