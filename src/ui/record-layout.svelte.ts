import { router } from '../state/router.svelte';
import { href, isRecordRoute, type RecordTab } from '../state/routes';

/** A part of a record's page the reader can jump to: the element's id and its heading as shown. */
export interface RecordSection {
  id: string;
  label: string;
}

export const RECORD_TABS: readonly RecordTab[] = ['details', 'history'];

/**
 * Which tab of a record's page shows (the URL's `?tab=history` opens the history; choosing a tab
 * rewrites the address without a new history entry, so Back leaves the record) and which section
 * the reader is in (the last one whose top has passed under the summary header).
 * Create during component initialisation.
 */
export class RecordView {
  #tab = $state<RecordTab>('details');
  #current = $state('');
  /** The section jumped to stays current while it is on screen (near the end it cannot reach the header). */
  #pinned: string | null = null;
  #sections: () => readonly RecordSection[];
  #offset: () => number;

  constructor(sections: () => readonly RecordSection[], offset: () => number) {
    this.#sections = sections;
    this.#offset = offset;
    $effect(() => {
      const route = router.route;
      this.#tab = isRecordRoute(route) && route.tab === 'history' ? 'history' : 'details';
    });
    $effect(() => {
      if (this.#tab !== 'details') return;
      void this.#sections();
      let frame = 0;
      const onScroll = () => {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => this.#track());
      };
      this.#track();
      // Capture: the page may scroll inside the app's own scrolling box, not the window.
      document.addEventListener('scroll', onScroll, { capture: true, passive: true });
      window.addEventListener('resize', onScroll, { passive: true });
      return () => {
        cancelAnimationFrame(frame);
        document.removeEventListener('scroll', onScroll, { capture: true });
        window.removeEventListener('resize', onScroll);
      };
    });
  }

  get tab(): RecordTab {
    return this.#tab;
  }
  get current(): string {
    return this.#current || (this.#sections()[0]?.id ?? '');
  }

  select(tab: RecordTab): void {
    this.#tab = tab;
    const route = router.route;
    if (isRecordRoute(route)) history.replaceState(history.state, '', href({ ...route, tab }));
  }

  /** Arrow keys, Home and End move between the tabs and show the one they land on (WAI-ARIA tabs, automatic activation). */
  keydown = (e: KeyboardEvent): void => {
    const i = RECORD_TABS.indexOf(this.#tab);
    const n = RECORD_TABS.length;
    const to = { ArrowRight: (i + 1) % n, ArrowLeft: (i - 1 + n) % n, Home: 0, End: n - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    this.select(RECORD_TABS[to]!);
    const list = (e.currentTarget as HTMLElement).closest('[role="tablist"]');
    list?.querySelectorAll<HTMLElement>('[role="tab"]')[to]?.focus();
  };

  /** Scrolls the section to just under the summary header and moves focus to its heading, so reading goes on from there. */
  jump(id: string): void {
    const el = document.getElementById(id);
    if (!el) return;
    const heading = el.matches('h1, h2, h3') ? el : (el.querySelector<HTMLElement>('h2, h3, legend') ?? el);
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    el.style.scrollMarginTop = `${this.#offset() + 12}px`;
    el.scrollIntoView?.({ block: 'start' });
    heading.focus({ preventScroll: true });
    this.#current = id;
    this.#pinned = id;
  }

  #track(): void {
    if (this.#pinned) {
      const top = document.getElementById(this.#pinned)?.getBoundingClientRect().top;
      if (top !== undefined && top >= 0 && top < window.innerHeight / 2) return;
      this.#pinned = null;
    }
    const sections = this.#sections();
    const line = this.#offset() + 32;
    let current = sections[0]?.id ?? '';
    for (const s of sections) {
      const top = document.getElementById(s.id)?.getBoundingClientRect().top;
      if (top !== undefined && top <= line) current = s.id;
    }
    // Scrolled to the end: a last section too short to reach the header is the one being read.
    const root = document.scrollingElement ?? document.documentElement;
    const last = sections[sections.length - 1];
    if (last && root.scrollHeight > window.innerHeight && root.scrollTop + window.innerHeight >= root.scrollHeight - 2) {
      const lastTop = document.getElementById(last.id)?.getBoundingClientRect().top;
      if (lastTop !== undefined && lastTop < window.innerHeight) current = last.id;
    }
    this.#current = current;
  }
}
