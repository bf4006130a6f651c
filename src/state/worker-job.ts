/** A job running in a Web Worker: its result, and a cancel that terminates the worker at once. */
export interface Running<T> {
  done: Promise<T>;
  cancel(): void;
}

export interface WorkerJob<T, Req> extends Running<T> {
  send(request: Req, transfer?: Transferable[]): void;
}

/**
 * One job on a fresh worker (created by the caller, so the bundler sees `new Worker(new URL(…))`):
 * requests go in, `progress` replies report, `part` replies go to `pick` without settling anything,
 * one other reply settles the job (`failed` rejects with its message, anything else goes through
 * `pick`), and the worker ends with it.
 */
export function workerJob<T, Req, Rep extends { type: string }>(
  worker: Worker,
  name: string,
  pick: (reply: Rep) => T | undefined,
  onProgress?: (fraction: number) => void,
): WorkerJob<T, Req> {
  let settle: { resolve: (v: T) => void; reject: (e: unknown) => void } | undefined;
  const done = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  worker.onmessage = (ev: MessageEvent<Rep>) => {
    const reply = ev.data;
    if (reply.type === 'progress') return onProgress?.((reply as unknown as { fraction: number }).fraction);
    // A piece of the result sent ahead of the reply that settles the job (each is its own task on the page).
    if (reply.type === 'part') return void pick(reply);
    worker.terminate();
    if (reply.type === 'failed') settle?.reject(new Error((reply as unknown as { message: string }).message));
    else {
      const value = pick(reply);
      if (value === undefined) settle?.reject(new Error(`unexpected worker reply ${reply.type}`));
      else settle?.resolve(value);
    }
  };
  worker.onerror = (ev) => {
    worker.terminate();
    settle?.reject(new Error(ev.message || `${name} failed`));
  };
  return {
    done,
    send: (request, transfer = []) => worker.postMessage(request, transfer),
    cancel() {
      worker.terminate();
      settle?.reject(new DOMException('cancelled', 'AbortError'));
    },
  };
}

/**
 * Passes a progress fraction on only when it moved by `step` since the last one passed (or reached 1):
 * zipping 100 MB reports thousands of steps, and each one posted is a message and an update on the page.
 */
export function coarseProgress(report: (fraction: number) => void, step = 0.01): (fraction: number) => void {
  let last = -Infinity;
  return (fraction) => {
    if (fraction < 1 && fraction - last < step) return;
    last = fraction;
    report(fraction);
  };
}
