// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { createWorkspace } from '../../src/db/workspaces-repo';
import type { Workspace } from '../../src/domain/workspace-schema';
import { loadMessages } from '../../src/i18n/i18n';
import DashboardPage from '../../src/pages/DashboardPage.svelte';
import RisksPage from '../../src/pages/RisksPage.svelte';
import type { WorkspaceData } from '../../src/state/workspace.svelte';
import { freshDatabase } from '../support/db';

/*
 * The risk list and the dashboard's figures come from workers. When the read behind them fails, the
 * page says so in its own words (an alert), instead of "Counting…" or "Loading…" for ever.
 */
vi.mock('../../src/db/risk-list-read-direct', () => ({
  readRiskListDirect: () => Promise.reject(new Error('disk I/O error (test)')),
}));

let ws: Workspace;
const logged = vi.spyOn(console, 'error').mockImplementation(() => {});

// jsdom has no ResizeObserver (the risk table's bind:clientHeight uses one).
beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

beforeEach(async () => {
  await freshDatabase();
  const w = await createWorkspace('Acme', '1.0.0');
  if (!w.ok) throw new Error(w.code);
  ws = w.value;
  logged.mockClear();
});

afterEach(() => cleanup());

describe('a read that fails says so', () => {
  it('the risk list: an alert in words, no count that never ends, the cause in the console only', async () => {
    render(RisksPage, { catalog: await loadCatalog('en'), workspace: ws });
    const alert = await screen.findByTestId('risk-list-failed');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe('The risk list could not be read. Your risks are safe: reload the page to try again.');
    expect(screen.queryByTestId('risk-count')).toBeNull();
    // Nor a heat map that says it is counting for ever.
    expect(document.body.textContent).not.toContain('Counting the risks in each cell');
    expect(document.body.textContent).not.toContain('disk I/O error');
    expect(logged.mock.calls.flat().join(' ')).toContain('disk I/O error (test)');
  });

  it('the dashboard: when its worker cannot start, an alert in words instead of "Loading…"', async () => {
    // jsdom has no Worker: the dashboard worker cannot start, as when its script is gone after an update.
    expect(typeof Worker).toBe('undefined');
    await loadMessages();
    const data: WorkspaceData = { id: ws.id, workspace: ws, loaded: true, answers: new Map(), evidence: [], saving: false, unsaved: false, save: () => {} };
    render(DashboardPage, { catalog: await loadCatalog('en'), data, workspace: ws });
    const alert = await screen.findByTestId('dashboard-failed');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe("The dashboard's figures could not be worked out. Your records are safe: reload the page to try again.");
    await waitFor(() => expect(screen.queryByTestId('dashboard-loading')).toBeNull());
    expect(screen.getByTestId('tile-clauses')).toBeTruthy();
  });
});
