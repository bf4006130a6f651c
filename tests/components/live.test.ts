// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import LiveHarness from './LiveHarness.svelte';

describe('live()', () => {
  it('does not re-run or flash "loading" when the object holding its dependency is replaced by an equal one', async () => {
    const query = vi.fn(async (id: string) => `value of ${id}`);
    const { rerender } = render(LiveHarness, { ws: { id: 'w1', name: 'A' }, query });
    await waitFor(() => expect(screen.getByTestId('value').textContent).toBe('value of w1'));
    const calls = query.mock.calls.length;
    // Every save replaces the workspace object; its id stays the same.
    await rerender({ ws: { id: 'w1', name: 'B' }, query });
    await new Promise((r) => setTimeout(r, 30));
    expect(screen.getByTestId('value').textContent).toBe('value of w1');
    expect(query.mock.calls.length).toBe(calls);
  });

  it('re-runs when the dependency really changes', async () => {
    const query = vi.fn(async (id: string) => `value of ${id}`);
    const { rerender } = render(LiveHarness, { ws: { id: 'w1', name: 'A' }, query });
    await waitFor(() => expect(screen.getByTestId('value').textContent).toBe('value of w1'));
    await rerender({ ws: { id: 'w2', name: 'A' }, query });
    await waitFor(() => expect(screen.getByTestId('value').textContent).toBe('value of w2'));
  });
});
