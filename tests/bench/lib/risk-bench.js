// The risk-list part of the bench (tests/bench/run.js) as a scale curve: for each size of
// BENCH_RISK_SIZES (default 1,000, 10,000 and 50,000 risks, with 500 / 500 / 2,000 AI systems) a
// fresh browser context seeds the workspace and times, in the page, opening the list, filtering,
// clearing, typing, a reload, sorting by each column and a reload of the dashboard.
import { loadavg, cpus } from 'node:os';
import { installLongTaskObserver, measureInPage } from './in-page.js';
import { summarize } from './report.js';

/** @typedef {import('./report.js').Sample} Sample */
/** @typedef {import('@playwright/test').Page} Page */

const TIMEOUT = 120_000;
const SETTLE = 300;
/** The count once every row is in: while rows are still arriving it says so (and carries data-loading). */
const ROWS_IN = '[data-testid="risk-count"]:not([data-loading])';

/** The systems that go with a number of risks (the issue's curve: 500 / 500 / 2,000). @param {number} risks */
export const systemsFor = (risks) => (risks > 10_000 ? 2_000 : 500);

/** @param {string | undefined} env */
export function riskSizes(env) {
  const sizes = (env ?? '1000,10000,50000').split(',').map((s) => Number(s.trim()));
  if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`BENCH_RISK_SIZES must list whole numbers, not "${env}"`);
  return sizes;
}

/**
 * Waits (from `since`, performance.now(); 0 = navigation start) until `selector` is in the DOM with
 * `attr` = `value` when given, then the next frame; long tasks until `settleMs` after it.
 * Self-contained: Playwright serializes it into the page.
 * @param {{ selector: string, attr?: string, value?: string, since: number, click?: string, timeoutMs: number, settleMs: number }} a
 */
export async function untilInPage(a) {
  const w = /** @type {any} */ (window);
  const done = () => {
    const el = document.querySelector(a.selector);
    return Boolean(el) && (a.attr === undefined || el?.getAttribute(a.attr) === a.value);
  };
  let t0 = a.since;
  if (a.click) {
    const button = /** @type {HTMLElement | null} */ (document.querySelector(a.click));
    if (!button) throw new Error(`nothing to click at ${a.click}`);
    t0 = performance.now();
    button.click();
  }
  await new Promise((resolve, reject) => {
    if (done()) return resolve(undefined);
    const timer = setTimeout(() => {
      obs.disconnect();
      reject(new Error(`timed out after ${a.timeoutMs} ms waiting for ${a.selector} ${a.attr ?? ''}=${a.value ?? ''}`));
    }, a.timeoutMs);
    const obs = new MutationObserver(() => {
      if (!done()) return;
      obs.disconnect();
      clearTimeout(timer);
      resolve(undefined);
    });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const t1 = performance.now();
  await new Promise((r) => setTimeout(r, a.settleMs));
  /** @type {{ start: number, duration: number }[] | null} */
  const all = w.__longTasks;
  const longTasks = all ? all.filter((e) => e.start + e.duration > t0 && e.start < t1 + a.settleMs).map((e) => Math.round(e.duration)) : null;
  return { ms: t1 - t0, count: null, longTasks };
}

/**
 * @param {{ browser: import('@playwright/test').Browser, url: string, seedScript: string, size: number, runs: number, query: string,
 *   log: (m: string) => void, errors: string[], checkContract: (page: Page) => Promise<void> }} o
 */
async function runSize(o) {
  const workload = { seed: 42, aiSystems: systemsFor(o.size), risks: o.size, ownControls: 200, impactAssessments: 25 };
  const context = await o.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(installLongTaskObserver);
  const page = await context.newPage();
  page.on('pageerror', (e) => o.errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && o.errors.push(m.text()));
  /** @param {import('./in-page.js').MeasureArgs | any} a @returns {Promise<Sample>} */
  const measure = (a) => page.evaluate(/** @type {(arg: unknown) => Promise<Sample>} */ (/** @type {unknown} */ (measureInPage)), a);
  /** @param {Parameters<typeof untilInPage>[0]} a @returns {Promise<Sample>} */
  const until = (a) => page.evaluate(untilInPage, a);

  await page.goto(o.url);
  await page.locator('#main').first().waitFor({ timeout: TIMEOUT });
  await page.evaluate(o.seedScript);
  const seeded = await page.evaluate((w) => /** @type {any} */ (window).__seed(w), workload);
  const ws = /** @type {string} */ (seeded.workspaceId);
  o.log(`${o.size} risks: generated in ${Math.round(seeded.generateMs)} ms, written in ${Math.round(seeded.writeMs)} ms`);
  const stored = await page.evaluate((id) => /** @type {any} */ (window).__count(id), ws);
  for (const [table, n] of Object.entries(seeded.expected)) {
    if (stored.counts[table] !== n) throw new Error(`seeding wrote ${stored.counts[table]} rows to ${table}, expected ${n}`);
  }
  await page.reload();
  await page.locator('#main').first().waitFor({ timeout: TIMEOUT });
  const total = o.size;
  await page.evaluate((h) => (window.location.hash = h), `#/w/${ws}/risks`);
  await o.checkContract(page);
  await measure({ action: 'none', until: { equals: total }, timeoutMs: TIMEOUT, settleMs: 0 });
  const headers = await page.locator('table[aria-label="Risk register"] thead th').count();

  /** @type {Record<string, { what: string, samples: Sample[] }>} */
  const results = {
    open: { what: `in-app navigation to #/w/{ws}/risks until the count shows the total`, samples: [] },
    'open rows': { what: `the same navigation until every row is in (the count no longer says the rows are loading)`, samples: [] },
    filter: { what: `"${o.query}" entered in Search risks at once, until the count changes`, samples: [] },
    clear: { what: `search emptied, until the count shows the total again`, samples: [] },
    type: { what: `"${o.query}" typed key by key, until the final count shows`, samples: [] },
    reload: { what: `full page load of #/w/{ws}/risks (navigation start) until the count shows the total`, samples: [] },
    'reload rows': { what: `the same page load until every row is in (the count no longer says the rows are loading)`, samples: [] },
    sort: { what: `a click on each of the ${headers} column headers in turn, until its aria-sort is ascending (one sample per column)`, samples: [] },
    dashboard: {
      what: `full page load of #/w/{ws} (navigation start) until the dashboard's risk tile shows, nothing changed since its last visit (the figures it kept)`,
      samples: [],
    },
    'dashboard changed': {
      what: `the same after one risk was edited since its last visit (written through the app's database class, as a save is), so the figures are worked out again from the risks' digests kept with them, that risk read again, and every other record`,
      samples: [],
    },
    'dashboard next day': {
      what: `the same on the first visit of another day: the figures kept are for the day before (deleted here, as another day's key misses them), the risks' digests kept are used as they are (they hold on any day), every other record read`,
      samples: [],
    },
    'dashboard cold': {
      what: `the same with nothing kept from an earlier visit (as after a change of matrix or of the app, or a merge): every record read`,
      samples: [],
    },
  };
  const input = async () => {
    const el = /** @type {import('@playwright/test').ElementHandle<HTMLInputElement>} */ (await page.getByLabel('Search risks').first().elementHandle());
    if ((await el.inputValue()) !== '') await measure({ action: 'input', input: el, value: '', until: { equals: total }, timeoutMs: TIMEOUT, settleMs: 0 });
    return el;
  };
  const toRisks = () => page.evaluate((h) => (window.location.hash = h), `#/w/${ws}/risks`);

  for (let run = 0; run <= o.runs; run++) {
    const keep = (/** @type {string} */ name, /** @type {Sample} */ s) => run > 0 && results[name]?.samples.push(s);
    await page.evaluate((h) => (window.location.hash = h), `#/w/${ws}/profile`);
    await page.getByRole('table', { name: 'Risk register' }).waitFor({ state: 'detached', timeout: TIMEOUT });
    await page.waitForTimeout(200);
    const opened = await measure({ action: 'hash', hash: `#/w/${ws}/risks`, until: { equals: total }, timeoutMs: TIMEOUT, settleMs: SETTLE });
    keep('open', opened);
    keep('open rows', await until({ selector: ROWS_IN, since: opened.t0 ?? 0, timeoutMs: TIMEOUT, settleMs: SETTLE }));

    const field = await input();
    const filtered = await measure({ action: 'input', input: field, value: o.query, until: { differsFrom: total }, timeoutMs: TIMEOUT, settleMs: SETTLE });
    keep('filter', filtered);
    keep('clear', await measure({ action: 'input', input: field, value: '', until: { equals: total }, timeoutMs: TIMEOUT, settleMs: SETTLE }));

    await input();
    const search = page.getByLabel('Search risks').first();
    await search.focus();
    const since = await page.evaluate(() => performance.now());
    await search.pressSequentially(o.query);
    keep('type', await measure({ action: 'none', since, until: { equals: filtered.count ?? -1 }, timeoutMs: TIMEOUT, settleMs: SETTLE }));
    await input();

    for (let i = 1; i <= headers; i++) {
      const th = `table[aria-label="Risk register"] thead th:nth-child(${i})`;
      const s = await until({ selector: th, attr: 'aria-sort', value: 'ascending', click: `${th} button`, since: 0, timeoutMs: TIMEOUT, settleMs: SETTLE });
      keep('sort', s);
    }

    await page.reload();
    keep('reload', await measure({ action: 'none', since: 0, until: { equals: total }, timeoutMs: TIMEOUT, settleMs: SETTLE }));
    keep('reload rows', await until({ selector: ROWS_IN, since: 0, timeoutMs: TIMEOUT, settleMs: SETTLE }));

    await page.evaluate((h) => (window.location.hash = h), `#/w/${ws}`);
    await page.reload();
    keep('dashboard', await until({ selector: '[data-testid="tile-risks"]', since: 0, timeoutMs: TIMEOUT, settleMs: 1_000 }));
    // The page was loaded again since the seed script ran: it defines __editRisk once more.
    await page.evaluate(o.seedScript);
    await page.evaluate((id) => /** @type {any} */ (window).__editRisk(id), ws);
    await page.reload();
    keep('dashboard changed', await until({ selector: '[data-testid="tile-risks"]', since: 0, timeoutMs: TIMEOUT, settleMs: 1_000 }));
    await page.evaluate(forgetKept, false);
    await page.reload();
    keep('dashboard next day', await until({ selector: '[data-testid="tile-risks"]', since: 0, timeoutMs: TIMEOUT, settleMs: 1_000 }));
    await page.evaluate(forgetKept, true);
    await page.reload();
    keep('dashboard cold', await until({ selector: '[data-testid="tile-risks"]', since: 0, timeoutMs: TIMEOUT, settleMs: 1_000 }));
    await toRisks();
    o.log(`${o.size} risks: ${run ? `run ${run}/${o.runs}` : 'warm-up'} done`);
  }
  await context.close();
  return { size: o.size, workload, rows: Object.entries(results).map(([name, r]) => summarize({ name, ...r })) };
}

/**
 * In the page: deletes what the dashboard kept from its visits (the figures, and with `digests` the
 * risks' digests, in the cache table): without both its next visit reads every record.
 * @param {boolean} digests
 */
export function forgetKept(digests) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('aims-workbench');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('cache', 'readwrite');
      const store = tx.objectStore('cache');
      store.delete(IDBKeyRange.bound('dashboard:', 'dashboard:\uffff'));
      if (digests) store.delete(IDBKeyRange.bound('digests:', 'digests:\uffff'));
      tx.oncomplete = () => (db.close(), resolve(undefined));
      tx.onerror = () => (db.close(), reject(tx.error));
    };
  });
}

/**
 * Runs every size; returns the rows per size and the PASS/FAIL targets of the largest.
 * @param {{ browser: import('@playwright/test').Browser, url: string, seedScript: string, sizes: number[], runs: number, query: string,
 *   log: (m: string) => void, errors: string[], checkContract: (page: Page) => Promise<void> }} o
 */
export async function runRiskScale(o) {
  const load = [loadavg()[0] ?? 0];
  /** @type {Awaited<ReturnType<typeof runSize>>[]} */
  const curve = [];
  for (const size of o.sizes) curve.push(await runSize({ ...o, size }));
  load.push(loadavg()[0] ?? 0);
  return { curve, load, cores: cpus().length, runs: o.runs, query: o.query };
}
