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
 * @returns {Promise<{ ms: number, count: number | null, longTasks: number[] | null, t0: number }>} t0: when it started (performance.now())
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
  return { ms: t1 - t0, count: countOf(), longTasks, t0 };
}

/**
 * @typedef {object} SpanArgs
 * @property {'submit' | 'click'} startOn     the event (seen first, in the capture phase on document) that starts the span
 * @property {string} [startText]             for 'click': the clicked button's text must be exactly this
 * @property {{ download?: boolean, all?: { selector: string, text?: string }[] }} until
 *   download: a click on an `a[download]` (the app's download) ends it; all: every selector present
 *   (with its text, if given), then the next frame
 * @property {string} [failSelector]          ends the span with an error when it appears (an error banner, a problem list)
 * @property {number} timeoutMs
 * @property {number} settleMs                wait at least this long after the end so late long-task entries arrive
 * @property {number} quietMs                 then until no long task has ended for this long (work the app
 *                                            keeps doing after the result shows, such as a dashboard's live queries)
 * @property {number} quietMaxMs              but no longer than this after the end
 */

/**
 * Arms a measurement without starting it: listeners record the in-page time of the user's action
 * (made by Playwright right after) and of the result. window.__benchSpan becomes a promise of
 * { t0, t1, ms, longTasks, quietAt }: ms is t1 - t0; longTasks (from installLongTaskObserver) are
 * those from t0 until the page has had none for quietMs (quietAt), so blocking work the app does
 * after the result shows counts too. Nothing in the app is changed; only document-level listeners
 * and a MutationObserver are added.
 * @param {SpanArgs} args
 */
export function armSpan(args) {
  const w = /** @type {any} */ (window);
  w.__benchSpan = new Promise((resolve, reject) => {
    /** @type {number | null} */
    let t0 = null;
    /** @type {MutationObserver | null} */
    let obs = null;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const cleanup = () => {
      obs?.disconnect();
      clearTimeout(timer);
      document.removeEventListener(args.startOn, onStart, true);
      document.removeEventListener('click', onDownload, true);
    };
    let finished = false;
    const finish = async (/** @type {boolean} */ nextFrame) => {
      if (finished) return;
      finished = true;
      cleanup();
      if (nextFrame) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t1 = performance.now();
      const start = t0 ?? t1;
      await new Promise((r) => setTimeout(r, args.settleMs));
      /** @type {{ start: number, duration: number }[] | null} */
      const all = w.__longTasks;
      let quietAt = performance.now();
      while (all && quietAt < t1 + args.quietMaxMs) {
        const lastEnd = Math.max(t1, ...all.map((e) => e.start + e.duration));
        if (quietAt - lastEnd >= args.quietMs) break;
        await new Promise((r) => setTimeout(r, 100));
        quietAt = performance.now();
      }
      const longTasks = all ? all.filter((e) => e.start + e.duration > start && e.start < quietAt).map((e) => Math.round(e.duration)) : null;
      resolve({ t0: start, t1, ms: t1 - start, longTasks, quietAt });
    };
    const fail = (/** @type {string} */ why) => {
      cleanup();
      reject(new Error(why));
    };
    const present = () =>
      (args.until.all ?? []).every(({ selector, text }) => {
        const el = document.querySelector(selector);
        return Boolean(el) && (text === undefined || (el?.textContent ?? '').includes(text));
      });
    const check = () => {
      if (t0 === null) return;
      if (args.failSelector) {
        const bad = document.querySelector(args.failSelector);
        if (bad) return fail(`the app reported a problem: ${(bad.textContent ?? '').trim().slice(0, 500)}`);
      }
      if (args.until.all && present()) void finish(true);
    };
    /** @param {Event} ev */
    function onStart(ev) {
      if (t0 !== null) return;
      if (args.startText !== undefined) {
        const button = ev.target instanceof Element ? ev.target.closest('button') : null;
        if (!button || (button.textContent ?? '').trim() !== args.startText) return;
      }
      t0 = performance.now();
      document.removeEventListener(args.startOn, onStart, true);
      timer = setTimeout(() => fail(`timed out after ${args.timeoutMs} ms waiting for ${JSON.stringify(args.until)}`), args.timeoutMs);
      if (args.until.all || args.failSelector) {
        obs = new MutationObserver(check);
        obs.observe(document.body, { subtree: true, childList: true, characterData: true });
      }
    }
    /** @param {Event} ev */
    function onDownload(ev) {
      if (t0 === null || !args.until.download) return;
      if (ev.target instanceof HTMLAnchorElement && ev.target.hasAttribute('download')) void finish(false);
    }
    document.addEventListener(args.startOn, onStart, true);
    if (args.until.download) document.addEventListener('click', onDownload, true);
  });
  // An unawaited rejection must not surface as an unhandled one before the bench reads it.
  w.__benchSpan.catch(() => undefined);
}

/** The result of the armed span (see armSpan). */
export function spanResult() {
  return /** @type {Promise<{ t0: number, t1: number, ms: number, longTasks: number[] | null, quietAt: number }>} */ (/** @type {any} */ (window).__benchSpan);
}
