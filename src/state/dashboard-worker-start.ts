/*
 * The dashboard worker can start before the dashboard asks: on a reload of a workspace's dashboard
 * (from main.ts, while the app starts) and while an import writes the workspace it then shows. Its
 * script then loads meanwhile instead of after the dashboard's first question, and during an import
 * also the module that works the figures out (the domain functions, every register's schema); on a
 * reload that module loads only if the figures kept from the last visit will not do. No imports:
 * main.ts takes this without growing the first screen.
 */

let warm: Worker | undefined;

/** Tells the worker to load what works the figures out now (dashboard-protocol.ts has the other messages; no imports here). */
export interface DashboardPrepare {
  prepare: true;
}

function startWorker(): Worker {
  return new Worker(new URL('./dashboard.worker.ts', import.meta.url), { type: 'module', name: 'dashboard' });
}

/**
 * Starts the dashboard worker ahead of the first question, once (where the browser has workers).
 * `changing`: the data is being written (an import), so the figures kept from the last visit will
 * not do and the worker loads what works them out meanwhile; on a reload it waits to see.
 */
export function warmDashboardWorker(changing = false): void {
  if (typeof Worker === 'undefined') return;
  warm ??= warmWorker();
  if (changing) warm?.postMessage({ prepare: true } satisfies DashboardPrepare);
}

function warmWorker(): Worker {
  const w = startWorker();
  // A worker that could not start is not handed on: the dashboard then starts one of its own.
  w.onerror = (ev) => {
    ev.preventDefault();
    w.terminate();
    if (warm === w) warm = undefined;
  };
  return w;
}

/** The warm worker, taken (its handlers are the caller's now), or a new one. */
export function takeDashboardWorker(): Worker {
  const w = warm ?? startWorker();
  warm = undefined;
  w.onerror = null;
  return w;
}
