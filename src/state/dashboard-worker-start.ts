/*
 * The dashboard worker can start before the dashboard asks: on a reload of a workspace's dashboard
 * (from main.ts, while the app starts) and while an import writes the workspace it then shows. Its
 * module (the domain functions, every register's schema) then loads meanwhile instead of after the
 * dashboard's first question. No imports: main.ts takes this without growing the first screen.
 */

let warm: Worker | undefined;

function startWorker(): Worker {
  return new Worker(new URL('./dashboard.worker.ts', import.meta.url), { type: 'module', name: 'dashboard' });
}

/** Starts the dashboard worker ahead of the first question, once (where the browser has workers). */
export function warmDashboardWorker(): void {
  if (warm || typeof Worker === 'undefined') return;
  const w = startWorker();
  // A worker that could not start is not handed on: the dashboard then starts one of its own.
  w.onerror = (ev) => {
    ev.preventDefault();
    w.terminate();
    if (warm === w) warm = undefined;
  };
  warm = w;
}

/** The warm worker, taken (its handlers are the caller's now), or a new one. */
export function takeDashboardWorker(): Worker {
  const w = warm ?? startWorker();
  warm = undefined;
  w.onerror = null;
  return w;
}
