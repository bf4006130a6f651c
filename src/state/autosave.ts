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
