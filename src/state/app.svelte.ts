import { loadCatalogTitles } from '../catalog/load-catalog-titles';
import type { Catalog, GuidedItem } from '../domain/catalog-model';
import { database, openDatabase } from '../db/database';
import { DatabaseReadOnlyError } from '../db/read-only';
import { readStorageInfo, requestPersistence, type StorageInfo } from '../db/storage-info';
import { getLastWorkspaceId, getWorkspace } from '../db/workspaces-repo';
import { applyPreferredLocale, locale, setLocale, type Locale } from '../i18n/i18n';
// Every string the page shows follows the language from here on (see locale-signal.svelte.ts).
import '../i18n/locale-signal.svelte';
import { router } from './router.svelte';
import type { ConflictPrompt } from './edit-sessions';
import { saveJournal, stopSaves } from './autosave';
import { errorWords, type ErrorWords } from './error-words';
import { toasts, type ToastAction } from './toasts.svelte';

export type Phase = 'loading' | 'ready' | 'fatal';
/** Why this tab no longer writes: another tab upgraded the database (closed), or a newer app changed it. */
export type ReadOnly = 'closed' | 'newer' | null;

/** App-wide state: start-up, the catalog, storage status, and the one error banner. */
class AppState {
  #phase = $state<Phase>('loading');
  #fatalDetail = $state('');
  #readOnly = $state<ReadOnly>(null);
  #upgradeBlocked = $state(false);
  #catalog = $state.raw<Catalog | null>(null);
  /** The language of `#catalog`, in which `#guided` is kept. */
  #catalogLocale: Locale = 'en';
  /** The catalog with its guidance, in the catalog's language, once an item page asked for it. */
  #guided = $state.raw<Catalog<GuidedItem> | null>(null);
  #guidedLoad: { locale: Locale; promise: Promise<Catalog<GuidedItem>> } | null = null;
  /** The error shown, worded where read so it follows a language switch. */
  #error = $state.raw<ErrorWords | null>(null);
  #notice = $state('');
  #storage = $state.raw<StorageInfo>({ persisted: null, usage: null, quota: null });
  #conflict = $state.raw<ConflictPrompt | null>(null);
  #localeSwitch = 0;

  get phase() {
    return this.#phase;
  }
  get fatalDetail() {
    return this.#fatalDetail;
  }
  /** Set for good once the tab must stop writing; only a reload clears it. */
  get readOnly(): ReadOnly {
    return this.#readOnly;
  }
  /** The database update waits for other tabs to close their connection. */
  get upgradeBlocked() {
    return this.#upgradeBlocked;
  }
  /** Structure and titles (what the start page and the dashboard show); the guidance is `guided`. */
  get catalog(): Catalog | null {
    return this.#catalog;
  }
  /** The catalog with the walkthrough's guidance, in the language shown; null until `loadGuidance` has fetched it. */
  get guided(): Catalog<GuidedItem> | null {
    return this.#guided;
  }

  /**
   * Fetches the guidance (item pages, the OSCAL catalog): a lazy chunk of about 30 KB gzipped per
   * language that the first screen does without. Once fetched, a language switch brings the new
   * language's guidance with its titles.
   */
  loadGuidance(): Promise<Catalog<GuidedItem>> {
    return this.#guidedFor(this.#catalogLocale);
  }

  #guidedFor(l: Locale): Promise<Catalog<GuidedItem>> {
    if (this.#guidedLoad?.locale === l) return this.#guidedLoad.promise;
    const promise = import('../catalog/load-catalog').then((m) => m.loadCatalog(l));
    const load = { locale: l, promise };
    this.#guidedLoad = load;
    promise.then(
      (c) => {
        if (this.#guidedLoad === load && this.#catalogLocale === l) this.#guided = c;
      },
      () => {
        if (this.#guidedLoad === load) this.#guidedLoad = null; // offline and never fetched: the next visit tries again
      },
    );
    return promise;
  }
  get error() {
    return this.#error?.text() ?? null;
  }
  get errorTitle() {
    return this.#error?.title() ?? null;
  }
  get notice() {
    return this.#notice;
  }
  get storage() {
    return this.#storage;
  }
  /** A field changed in another tab while this tab edited it: the question to the user, or null. */
  get conflict(): ConflictPrompt | null {
    return this.#conflict;
  }

  askConflict(prompt: ConflictPrompt): void {
    this.#conflict = prompt;
  }

  resolveConflict(keep: 'mine' | 'theirs'): void {
    const c = this.#conflict;
    this.#conflict = null;
    if (c) (keep === 'mine' ? c.keepMine : c.keepTheirs)();
  }

  async start(): Promise<void> {
    try {
      // The remembered (or the browser's preferred) language applies before the first page renders.
      const localeReady = applyPreferredLocale().catch((e: unknown) => console.error(e));
      const { newer } = await openDatabase({
        versionChange: () => this.#stopWriting('closed'),
        blocked: () => {
          this.#upgradeBlocked = true;
        },
      });
      this.#upgradeBlocked = false;
      if (newer) this.#stopWriting('newer');
      await localeReady;
      this.#catalogLocale = locale();
      this.#catalog = await loadCatalogTitles(this.#catalogLocale);
    } catch (e) {
      this.#fatalDetail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      this.#phase = 'fatal';
      return;
    }
    // A newer app's data is not written: unsaved edits stay in the journal for that app to replay.
    if (!this.#readOnly) await this.#keepUnsaved();
    this.#phase = 'ready';
    await this.#reopenLastWorkspace();
    void this.refreshStorage();
  }

  /**
   * Switches the UI language (strings and catalog text) and remembers it in this browser. Nothing is
   * re-mounted: every string shown follows the language where it is looked up, so focus and what was typed stay.
   */
  async switchLocale(l: Locale): Promise<void> {
    const seq = ++this.#localeSwitch;
    // Guidance already shown comes in the new language with the titles, in one change.
    const guided = this.#guidedLoad ? this.#guidedFor(l) : null;
    const [catalog, guidedCatalog] = await Promise.all([loadCatalogTitles(l), guided, setLocale(l)]);
    if (seq !== this.#localeSwitch) return; // a later switch wins
    this.#catalogLocale = l;
    this.#catalog = catalog;
    this.#guided = guidedCatalog;
  }

  /**
   * Edits typed just before a tab closed may not have reached the database: when the page hides,
   * the pending ones go to a journal in localStorage, and the next start writes them (see save-journal.ts).
   */
  async #keepUnsaved(): Promise<void> {
    let storage: Storage | null = null;
    try {
      storage = window.localStorage;
    } catch {
      // storage blocked: only the IndexedDB writes under way can land
    }
    saveJournal.attach(storage, database().name);
    window.addEventListener('pagehide', () => saveJournal.persist());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') saveJournal.persist();
    });
    const unsaved = saveJournal.take();
    if (unsaved.length === 0) return;
    try {
      const { replayUnsaved } = await import('./save-replay');
      await replayUnsaved(unsaved);
    } catch (e) {
      this.report(e);
    }
  }

  /** The last-opened workspace reopens on start, unless the address already names a page. */
  async #reopenLastWorkspace(): Promise<void> {
    if (router.route.name !== 'home' || window.location.hash.length > 2) return;
    const last = await getLastWorkspaceId();
    if (last && (await getWorkspace(last))) router.go({ name: 'dashboard', ws: last });
  }

  async refreshStorage(): Promise<void> {
    this.#storage = await readStorageInfo();
  }

  async askPersistence(): Promise<void> {
    await requestPersistence();
    await this.refreshStorage();
  }

  #stopWriting(why: Exclude<ReadOnly, null>): void {
    if (this.#readOnly !== 'closed') this.#readOnly = why;
    stopSaves();
  }

  /** Shows an error in the one alert region; unexpected errors are logged too, never swallowed. */
  report(e: unknown): void {
    // A background write (the last workspace opened) refused while read-only: the read-only banner says it all.
    if (e instanceof DatabaseReadOnlyError && this.#readOnly) return;
    const words = errorWords(e);
    if (!words.expected) console.error(e);
    this.#error = words;
  }

  dismissError(): void {
    this.#error = null;
  }

  /** Polite status for screen readers, and a visible toast (with one action, such as Undo, when given). */
  announce(message: string, action?: ToastAction): void {
    this.#notice = message;
    toasts.show(message, action);
  }
}

export const app = new AppState();
