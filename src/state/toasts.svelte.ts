/**
 * Short confirmations of what an action did ("R-002 moved to the trash"), shown for a few seconds
 * at the edge of the screen, some with one action (Undo). Screen readers hear them through the
 * app's polite status region (app.announce); the toasts themselves are for the eye and the keyboard.
 * A toast waits while the pointer is over it or focus is in it (WCAG 2.2.1: time is adjustable).
 */

export interface ToastAction {
  label: string;
  run: () => void | Promise<void>;
}

export interface Toast {
  id: number;
  text: string;
  action?: ToastAction;
}

/** How long a toast stays: longer when it offers an action, so there is time to take it. */
export const TOAST_MS = 6000;
export const TOAST_ACTION_MS = 10_000;
/** Older toasts give way: never a column of them covering the page. */
const MAX_SHOWN = 3;

class Toasts {
  #items = $state<Toast[]>([]);
  #next = 1;
  #timers = new Map<number, ReturnType<typeof setTimeout>>();
  #held = new Set<number>();

  get items(): readonly Toast[] {
    return this.#items;
  }

  show(text: string, action?: ToastAction): number {
    const id = this.#next++;
    this.#items = [...this.#items, { id, text, ...(action ? { action } : {}) }].slice(-MAX_SHOWN);
    for (const t of this.#timers.keys()) if (!this.#items.some((x) => x.id === t)) this.#clear(t);
    this.#arm(id, action ? TOAST_ACTION_MS : TOAST_MS);
    return id;
  }

  dismiss(id: number): void {
    this.#clear(id);
    this.#held.delete(id);
    this.#items = this.#items.filter((t) => t.id !== id);
  }

  /** The pointer or focus is on the toast: it stays until let go. */
  hold(id: number): void {
    this.#held.add(id);
    this.#clear(id);
  }

  /** Let go: it leaves after a short while, not at once. */
  release(id: number): void {
    if (!this.#held.delete(id)) return;
    if (this.#items.some((t) => t.id === id)) this.#arm(id, TOAST_MS / 2);
  }

  /** Runs a toast's action once and removes the toast. */
  async act(id: number): Promise<void> {
    const toast = this.#items.find((t) => t.id === id);
    this.dismiss(id);
    await toast?.action?.run();
  }

  #arm(id: number, ms: number): void {
    this.#clear(id);
    this.#timers.set(
      id,
      setTimeout(() => this.dismiss(id), ms),
    );
  }

  #clear(id: number): void {
    const t = this.#timers.get(id);
    if (t !== undefined) clearTimeout(t);
    this.#timers.delete(id);
  }
}

export const toasts = new Toasts();
