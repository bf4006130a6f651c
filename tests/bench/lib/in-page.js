// Functions Playwright serializes into the page: each must be self-contained (no outer names).

/** Installed before any app script (addInitScript): records every long task with its start and duration. */
export function installLongTaskObserver() {
  const w = /** @type {any} */ (window);
  w.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    w.__longTasks = null;
  }
}

/**
 * @typedef {object} MeasureArgs
 * @property {'none' | 'hash' | 'input'} action  'none' measures from `since` (0 = navigation start)
 * @property {string} [hash]                     for 'hash': the address to go to
 * @property {HTMLInputElement} [input]          for 'input': the field to set
 * @property {string} [value]                    for 'input': the new value (one input event, as a paste)
 * @property {number} [since]                    for 'none': start time (performance.now())
 * @property {{ equals?: number, differsFrom?: number }} until  the risk count to wait for
 * @property {number} timeoutMs
 * @property {number} settleMs                   wait after the frame so late long-task entries arrive
 */

/**
 * Acts, then waits until the risk count status shows the wanted number and the next frame has run.
 * Timing is performance.now() inside the page, so Playwright's round trips are not counted.
 * @param {MeasureArgs} args
 * @returns {Promise<{ ms: number, count: number | null, longTasks: number[] | null }>}
 */
export async function measureInPage(args) {
  const w = /** @type {any} */ (window);
  const countOf = () => {
    const el = document.querySelector('[data-testid="risk-count"]');
    const m = el ? /^\s*(\d[\d,.\u00a0\u202f']*)/.exec(el.textContent ?? '') : null;
    return m ? Number(m[1].replace(/\D/g, '')) : null;
  };
  const done = () => {
    const n = countOf();
    if (n === null) return false;
    return args.until.equals !== undefined ? n === args.until.equals : n !== args.until.differsFrom;
  };
  const t0 = args.action === 'none' ? (args.since ?? 0) : performance.now();
  if (args.action === 'hash' && args.hash) window.location.hash = args.hash;
  if (args.action === 'input' && args.input) {
    args.input.focus();
    args.input.value = args.value ?? '';
    args.input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  await new Promise((resolve, reject) => {
    if (done()) return resolve(undefined);
    const timer = setTimeout(() => {
      obs.disconnect();
      reject(new Error(`timed out after ${args.timeoutMs} ms waiting for the risk count (${JSON.stringify(args.until)}); it shows ${countOf()}`));
    }, args.timeoutMs);
    const obs = new MutationObserver(() => {
      if (!done()) return;
      obs.disconnect();
      clearTimeout(timer);
      resolve(undefined);
    });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  // The number is in the DOM; count the time until the frame that shows it has been produced.
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const t1 = performance.now();
  await new Promise((r) => setTimeout(r, args.settleMs));
  /** @type {{ start: number, duration: number }[] | null} */
  const all = w.__longTasks;
  const longTasks = all ? all.filter((e) => e.start + e.duration > t0 && e.start < t1 + args.settleMs).map((e) => Math.round(e.duration)) : null;
  return { ms: t1 - t0, count: countOf(), longTasks };
}
