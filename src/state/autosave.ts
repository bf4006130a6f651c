import { SaveJournal, type Describe } from './save-journal';

/**
 * Saves every change at once without piling up writes: while one write runs, only the
 * newest pending value is kept and written next. `flush()` resolves when all is stored.
 */
export class AutosaveQueue<T> {
  #pending: { value: T } | null = null;
  #running: Promise<void> | null = null;

  constructor(
    private readonly write: (value: T) => Promise<unknown>,
    private readonly onError: (e: unknown) => void,
  ) {}

  push(value: T): Promise<void> {
    this.#pending = { value };
    if (!this.#running) this.#running = this.#drain();
    return this.#running;
  }

  get busy(): boolean {
    return this.#running !== null;
  }

  flush(): Promise<void> {
    return this.#running ?? Promise.resolve();
  }

  async #drain(): Promise<void> {
    try {
      while (this.#pending) {
        const { value } = this.#pending;
        this.#pending = null;
        try {
          await this.write(value);
        } catch (e) {
          this.onError(e);
        }
      }
    } finally {
      this.#running = null;
    }
  }
}

/** This tab's autosaves not yet committed, kept for the next start should the tab close first (see save-journal.ts). */
export const saveJournal = new SaveJournal();

const queues = new Map<string, AutosaveQueue<{ value: unknown; token: Describe | null }>>();
let pending = 0;
let stopped = false;

/**
 * The database closed (another tab upgraded it) or turned read-only (a newer app changed it): no
 * save is queued from here on, so none can fail behind a "Saved" (the page says to reload instead).
 */
export function stopSaves(): void {
  stopped = true;
}
const listeners = new Set<(busy: boolean) => void>();
/** Keys whose last write failed (and was reported): a change there is not stored. */
const failed = new Set<string>();

/** Whether a change failed to save and was not written since; the indicator must not say "Saved" then. */
export function saveFailed(): boolean {
  return failed.size > 0;
}

/** Whether any keyed autosave is still writing; for the "Saving…/Saved" indicator. */
export function onSavingChange(listener: (busy: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * One queue per key (record + field): typing fast never reorders writes, and different
 * fields of one record save independently, each in its own transaction. `describe` (a save a
 * command can replay) puts the value in the journal until its write has finished.
 */
export function queueSave<T>(key: string, write: (value: T) => Promise<unknown>, value: T, onError: (e: unknown) => void, describe?: Describe): Promise<void> {
  if (stopped) return Promise.resolve();
  let q = queues.get(key);
  if (!q) {
    q = new AutosaveQueue(async ({ value: v, token }: { value: unknown; token: Describe | null }) => {
      try {
        await write(v as T);
        failed.delete(key);
      } catch (e) {
        failed.add(key);
        throw e;
      } finally {
        if (token) saveJournal.done(key, token);
      }
    }, onError);
    queues.set(key, q);
  }
  const token = describe ? saveJournal.note(key, describe) : null;
  if (pending++ === 0) for (const l of listeners) l(true);
  return q.push({ value, token }).finally(() => {
    if (--pending === 0) for (const l of listeners) l(false);
  });
}

/** Resolves when every queued save has been written (or has failed and been reported). */
export async function flushSaves(): Promise<void> {
  await Promise.all([...queues.values()].map((q) => q.flush()));
}
