// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { render, screen } from '@testing-library/svelte';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EditConflictError, StorageFullError } from '../../src/db/errors';
import { app } from '../../src/state/app.svelte';
import ErrorBanner from '../../src/ui/ErrorBanner.svelte';

afterEach(() => app.dismissError());

describe('ErrorBanner', () => {
  it('words a full storage as what it is, not as a bug', () => {
    render(ErrorBanner);
    app.report(new StorageFullError(57 * 1024 * 1024));
    return vi.waitFor(() => {
      const alert = screen.getByRole('alert');
      expect(alert.textContent).toContain('No room left in this browser');
      expect(alert.textContent).toContain('The browser has no room left for this change (57 MB needed)');
      expect(alert.textContent).not.toContain('Something went wrong');
    });
  });

  it('words a closed database and an edit conflict as expected conditions', async () => {
    render(ErrorBanner);
    app.report(new Dexie.DatabaseClosedError());
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Not saved'));
    expect(screen.getByRole('alert').textContent).toContain(
      'This change was not saved: AIMS Workbench was updated in another tab. Reload this tab to keep working.',
    );
    expect(screen.getByRole('alert').textContent).not.toContain('Something went wrong');
    app.report(new EditConflictError('r1', 'R-001 Drift', []));
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Changed in another tab'));
    expect(screen.getByRole('alert').textContent).not.toContain('Something went wrong');
  });

  it('keeps "Something went wrong" for a real bug, and logs it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(ErrorBanner);
    app.report(new TypeError('x is undefined'));
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Something went wrong: Unexpected error: x is undefined'));
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});
