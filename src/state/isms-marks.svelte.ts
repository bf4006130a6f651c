import { ismsEvidenceRefs, type Iso27001Crosswalk } from '../domain/crosswalk-iso27001';

/**
 * Which ISO/IEC 27001 clauses and controls' records may serve each 42001 item as evidence, for a
 * workspace that runs an ISMS (its profile's `isms27001`). The 27001 crosswalk is its own lazy chunk:
 * fetched the first time a ticked workspace asks, never on the first screen of one that does not.
 */
class IsmsMarks {
  #crosswalk = $state.raw<Iso27001Crosswalk | null>(null);
  #failed = $state<string | null>(null);
  #asked = false;

  /** The refs ("9.2.2", "A.5.1") for one item; empty while loading, when the option is off or when it relates to none. */
  refs(on: boolean, itemId: string): string[] {
    if (!on) return [];
    this.#load();
    return this.#crosswalk ? ismsEvidenceRefs(this.#crosswalk, itemId) : [];
  }

  /** Why the crosswalk could not be loaded, once it has failed (shown where the marks would be). */
  get failed(): string | null {
    return this.#failed;
  }

  #load(): void {
    if (this.#asked) return;
    this.#asked = true;
    // The loader itself is imported on demand: the walkthrough's list is on the first screen, the crosswalk data is not.
    import('../catalog/load-crosswalks')
      .then((m) => m.loadIso27001Crosswalk())
      .then(
        (cw) => {
          this.#crosswalk = cw;
          this.#failed = null;
        },
        (error: unknown) => {
          this.#asked = false;
          this.#failed = error instanceof Error ? error.message : String(error);
        },
      );
  }
}

export const ismsMarks = new IsmsMarks();
