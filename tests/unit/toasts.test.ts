import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TOAST_ACTION_MS, TOAST_MS, toasts } from '../../src/state/toasts.svelte';

const texts = () => toasts.items.map((t) => t.text);

describe('toasts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    for (const t of [...toasts.items]) toasts.dismiss(t.id);
    vi.useRealTimers();
  });

  it('shows a confirmation for a few seconds, longer when it offers an action', () => {
    toasts.show('Saved the plan.');
    toasts.show('R-002 moved to the trash.', { label: 'Undo', run: () => {} });
    vi.advanceTimersByTime(TOAST_MS - 1);
    expect(texts()).toEqual(['Saved the plan.', 'R-002 moved to the trash.']);
    vi.advanceTimersByTime(1);
    expect(texts()).toEqual(['R-002 moved to the trash.']);
    vi.advanceTimersByTime(TOAST_ACTION_MS - TOAST_MS);
    expect(texts()).toEqual([]);
  });

  it('waits while the pointer or focus is on it, and leaves a while after being let go', () => {
    const id = toasts.show('R-002 moved to the trash.', { label: 'Undo', run: () => {} });
    toasts.hold(id);
    vi.advanceTimersByTime(TOAST_ACTION_MS * 5);
    expect(texts()).toEqual(['R-002 moved to the trash.']);
    toasts.release(id);
    vi.advanceTimersByTime(TOAST_MS / 2 - 1);
    expect(texts()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(texts()).toEqual([]);
  });

  it('runs its action once and goes away', async () => {
    const run = vi.fn();
    const id = toasts.show('R-002 moved to the trash.', { label: 'Undo', run });
    await toasts.act(id);
    await toasts.act(id);
    expect(run).toHaveBeenCalledTimes(1);
    expect(texts()).toEqual([]);
  });

  it('keeps at most three, the newest', () => {
    for (const n of [1, 2, 3, 4, 5]) toasts.show(`Message ${n}`);
    expect(texts()).toEqual(['Message 3', 'Message 4', 'Message 5']);
    // The dropped ones' timers are gone too: nothing fires for them later.
    vi.advanceTimersByTime(TOAST_MS);
    expect(texts()).toEqual([]);
  });
});
