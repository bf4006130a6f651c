import { tick } from 'svelte';

/**
 * The menu on narrow screens: a drawer over the page. While it is open the page behind is inert, Tab
 * stays inside it, Escape closes it, and focus goes back to the menu button (the ARIA modal dialog pattern).
 */
export class Drawer {
  #open = $state(false);
  #opener: HTMLElement | null = null;

  get open(): boolean {
    return this.#open;
  }

  /** Opens the drawer with focus on the current page's link (or its first control). */
  show(opener: HTMLElement | null, panel: () => HTMLElement | undefined): void {
    this.#opener = opener;
    this.#open = true;
    void tick().then(() => {
      const el = panel();
      (el?.querySelector<HTMLElement>('[aria-current="page"]') ?? el?.querySelector<HTMLElement>('a[href], button'))?.focus();
    });
  }

  close(refocus = true): void {
    if (!this.#open) return;
    this.#open = false;
    // The page behind stops being inert once the DOM is updated: only then can the menu button take focus.
    const opener = this.#opener;
    if (refocus) void tick().then(() => opener?.focus());
  }

  /** Keeps Tab inside `panel` and closes on Escape. */
  keydown(ev: KeyboardEvent, panel: HTMLElement | undefined): void {
    if (!this.#open || !panel) return;
    if (ev.key === 'Escape') {
      ev.preventDefault();
      this.close();
      return;
    }
    if (ev.key !== 'Tab') return;
    const focusable = Array.from(panel.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), select:not([disabled]), input:not([disabled])')).filter(
      (el) => el.offsetParent !== null,
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (ev.shiftKey && (active === first || !panel.contains(active))) {
      ev.preventDefault();
      last.focus();
    } else if (!ev.shiftKey && (active === last || !panel.contains(active))) {
      ev.preventDefault();
      first.focus();
    }
  }
}
