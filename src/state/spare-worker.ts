/*
 * One worker started ahead of the next job while a page that offers the job is open (the import
 * form, the spreadsheet tools): the job then finds the worker's modules and strings loaded. The
 * callers decide when a spare starts (bundles.ts once a file is chosen, spreadsheets.ts when the
 * tools open and a while after each job); this keeps the spare, its holders and its failures.
 */

export interface SpareWorker {
  /** Starts a spare now, when a holder is open, none waits and `ready()` says so; false when none was started. */
  warm(): boolean;
  /** Lets `warm` keep a spare while the caller is open. Returns the release; the spare ends with the last holder. */
  hold(): () => void;
  /** The spare, taken (its handlers are the caller's now), or a new worker. */
  take(): Worker;
}

export function spareWorker(start: () => Worker, preload: (w: Worker) => void, ready: () => boolean = () => true): SpareWorker {
  let spare: Worker | null = null;
  let holders = 0;
  return {
    warm() {
      if (spare || holders === 0 || !ready() || typeof Worker === 'undefined') return false;
      let w: Worker;
      try {
        w = start();
      } catch {
        return false; // no worker here (a sandboxed frame): each job starts its own and reports why it cannot
      }
      // A spare that fails while it waits (its script gone after an update, a module that throws) is
      // dropped: nobody listens to it yet, and a job on it would wait for ever. The next job starts a
      // fresh worker, which reports its own failure.
      const drop = (ev: Event) => {
        ev.preventDefault();
        w.terminate();
        if (spare === w) spare = null;
      };
      w.onerror = drop;
      w.onmessageerror = drop;
      spare = w;
      preload(w);
      return true;
    },
    hold() {
      holders += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holders -= 1;
        if (holders === 0 && spare) {
          spare.terminate();
          spare = null;
        }
      };
    },
    take() {
      const w = spare ?? start();
      spare = null;
      // The job's own handlers take over (workerJob sets onmessage and onerror); a spare's drop must not end a job.
      w.onerror = null;
      w.onmessageerror = null;
      return w;
    },
  };
}
