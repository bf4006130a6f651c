import { z } from 'zod';

/**
 * A write-ahead journal of the autosaves this tab has not yet committed. An IndexedDB write started
 * while the tab closes may never finish, so when the page hides (`pagehide`, `visibilitychange`) the
 * journal writes what is still pending to localStorage, synchronously; each key leaves it again once
 * its write commits. The next start replays it through the normal save path (see save-replay.ts) and
 * removes it: typed text waits there only until it is in the database.
 */
const entrySchema = z.object({
  /** The autosave key (record and fields). */
  key: z.string(),
  /** Which command replays it, and that command's leading arguments (record ids). */
  op: z.string(),
  target: z.array(z.string()),
  patch: z.record(z.string(), z.unknown()),
  /** An editor's field: the value the save expects stored, so a replay never writes over a newer value. */
  edit: z
    .object({
      base: z.unknown(),
      label: z.string(),
      /** The value a write was storing as the tab went away: it may have landed, so the replay accepts it as well. */
      writing: z.object({ value: z.unknown() }).optional(),
    })
    .optional(),
});
const storedSchema = z.object({ at: z.string(), entries: z.array(entrySchema) });

export type JournalEntry = z.infer<typeof entrySchema>;
/** An entry read back, with the time its tab went away. */
export type UnsavedEntry = JournalEntry & { at: string };
/** Describes the pending save when the page hides (the expected value is the one current then). */
export type Describe = () => JournalEntry;

/** The journals of one database live under `aims.unsaved.<database>.<tab>`: one per tab, so tabs never overwrite each other's. */
export const JOURNAL_PREFIX = 'aims.unsaved.';

export class SaveJournal {
  readonly #pending = new Map<string, Describe>();
  #storage: Storage | null = null;
  #key = '';
  #stored = false;

  /** Where the journal goes: `storage` (localStorage), under the database's name and this tab's own key. */
  attach(storage: Storage | null, database: string, tab = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`): void {
    this.#storage = storage;
    this.#key = `${JOURNAL_PREFIX}${database}.${tab}`;
  }

  /** The newest value of `key` not yet written; the returned token marks it for `done`. */
  note(key: string, describe: Describe): Describe {
    this.#pending.set(key, describe);
    return describe;
  }

  /** The write of `token` finished (or failed and was reported): unless a newer value waits, the key leaves the journal. */
  done(key: string, token: Describe): void {
    if (this.#pending.get(key) !== token) return;
    this.#pending.delete(key);
    if (this.#stored) this.persist();
  }

  get size(): number {
    return this.#pending.size;
  }

  /** Writes what is pending, synchronously (the page may be about to die); an empty journal is removed. */
  persist(now = new Date()): void {
    if (!this.#storage) return;
    try {
      if (this.#pending.size === 0) {
        this.#storage.removeItem(this.#key);
        this.#stored = false;
        return;
      }
      const entries = [...this.#pending.values()].map((describe) => describe());
      this.#storage.setItem(this.#key, JSON.stringify({ at: now.toISOString(), entries }));
      this.#stored = true;
    } catch (e) {
      // Storage full or blocked: the IndexedDB writes under way are all that can still land.
      console.warn('unsaved edits could not be kept for the next start', e);
    }
  }

  /** Reads and removes every journal of this database (tabs that went away), oldest first. */
  take(): UnsavedEntry[] {
    const storage = this.#storage;
    if (!storage) return [];
    const prefix = this.#key.slice(0, this.#key.lastIndexOf('.') + 1);
    const out: UnsavedEntry[] = [];
    try {
      const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
        (k): k is string => k !== null && k.startsWith(prefix) && k !== this.#key,
      );
      for (const k of keys) {
        const parsed = storedSchema.safeParse(safeJson(storage.getItem(k)));
        storage.removeItem(k);
        if (parsed.success) for (const e of parsed.data.entries) out.push({ ...e, at: parsed.data.at });
      }
    } catch (e) {
      console.warn('unsaved edits of an earlier visit could not be read', e);
    }
    return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }
}

function safeJson(text: string | null): unknown {
  try {
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}
