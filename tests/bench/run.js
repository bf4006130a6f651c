// `npm run bench` (vite build && node tests/bench/run.js), in Debian's Chromium:
// 1. risk list: opens and filters the risk register of a generated workspace (10,000 risks, 500 AI
//    systems) and reports the times;
// 2. bundles: exports and imports a workspace with 10,000 risks, 2,000 other records and 100 MiB of
//    evidence files through the UI, against the raw floor for the same data (lib/bundle-bench.js);
// 3. spreadsheets: exports the full workbook of the risk-list workspace and imports it back (as it
//    is, and with 100 edited cells) through the UI, against raw SheetJS writing and reading the same
//    sheets, rows and columns in the same page (lib/sheets-bench.js).
// BENCH_ONLY=risks, BENCH_ONLY=bundle or BENCH_ONLY=sheets runs one part. Timing belongs here, not
// in tests. Results go to the terminal and to docs/benchmarks.md. The exit status is 1 only when the
// bench itself breaks: a missed target prints FAIL and still exits 0.
import { existsSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { runBundleBench } from './lib/bundle-bench.js';
import { bundleRows, bundleRunLines, bundleWorkloadLine, updateBundleDoc } from './lib/bundle-report.js';
import { loadLine, targetTextTable } from './lib/target-table.js';
import { installLongTaskObserver, measureInPage } from './lib/in-page.js';
import { summarize, textTable, updateDoc } from './lib/report.js';
import { buildFloorScript, buildSeedScript, buildSheetsFloorScript } from './lib/seed-bundle.js';
import { runSheetsBench, SheetsContractError } from './lib/sheets-bench.js';
import { sheetsRows, sheetsRunLines, sheetsWorkloadLine, updateSheetsDoc } from './lib/sheets-report.js';
import { startPreview } from './lib/server.js';
import { FIRST_SCREEN_BUDGET_BYTES, measureFirstScreen } from '../build/first-screen.js';

/** @typedef {import('./lib/report.js').Sample} Sample */
/** @typedef {import('@playwright/test').Page} Page */

const root = fileURLToPath(new URL('../../', import.meta.url));
const WORKLOAD = { seed: 42, aiSystems: 500, risks: 10_000, ownControls: 200, impactAssessments: 25 };
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const QUERY = process.env.BENCH_QUERY ?? 'drift';
const ONLY = process.env.BENCH_ONLY ?? '';
/** Another build to serve (default dist/), and BENCH_NO_DOC=1 to leave docs/benchmarks.md as it is (trial runs). */
const DIST = process.env.BENCH_DIST ?? `${root}dist`;
const NO_DOC = process.env.BENCH_NO_DOC === '1';
const TIMEOUT = 60_000;
const SETTLE = 300;
// The same Chromium and flags as tests/e2e/playwright.config.ts.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

class BenchStop extends Error {}

/** @param {string} msg */
const log = (msg) => console.log(`[bench] ${msg}`);

/**
 * The lead's contract for the risk list: a table named "Risk register", a "Search risks" field
 * and a status (data-testid="risk-count") whose text starts with the number of matching risks.
 * @param {Page} page
 */
async function checkContract(page) {
  const parts = /** @type {const} */ ([
    ['a table with the accessible name "Risk register"', page.getByRole('table', { name: 'Risk register' })],
    ['a search field labelled "Search risks"', page.getByLabel('Search risks')],
    ['a status with data-testid="risk-count"', page.getByTestId('risk-count')],
  ]);
  const missing = [];
  for (const [what, locator] of parts) {
    try {
      await locator.first().waitFor({ state: 'attached', timeout: missing.length ? 1_000 : 20_000 });
    } catch {
      missing.push(what);
    }
  }
  if (missing.length) {
    throw new BenchStop(
      `The risk list page (#/w/<ws>/risks) is not ready for the benchmark: it lacks ${missing.join('; ')}.\n` +
        'Seeding worked (see the counts above); rerun `npm run bench` once the page meets that contract.',
    );
  }
}

/**
 * @typedef {Omit<import('./lib/in-page.js').MeasureArgs, 'input'> & { input?: import('@playwright/test').ElementHandle<HTMLInputElement> }} MeasureRequest
 * Playwright hands the element handle to the page as the element itself.
 */

/** @param {Page} page @param {MeasureRequest} a @returns {Promise<Sample>} */
const measure = (page, a) => page.evaluate(/** @type {(arg: unknown) => Promise<Sample>} */ (/** @type {unknown} */ (measureInPage)), a);

/** @param {Page} page @param {string} ws */
async function leaveRiskList(page, ws) {
  await page.evaluate((h) => (window.location.hash = h), `#/w/${ws}/profile`);
  await page.getByRole('table', { name: 'Risk register' }).waitFor({ state: 'detached', timeout: TIMEOUT });
  await page.waitForTimeout(200);
}

/** @param {Page} page @param {number} total */
async function searchField(page, total) {
  const input = /** @type {import('@playwright/test').ElementHandle<HTMLInputElement>} */ (await page.getByLabel('Search risks').first().elementHandle());
  if (!input) throw new BenchStop('the "Search risks" field disappeared');
  if ((await input.inputValue()) !== '') await measure(page, { action: 'input', input, value: '', until: { equals: total }, timeoutMs: TIMEOUT, settleMs: 0 });
  return input;
}

/**
 * The risk-list benchmark in its own browser context.
 * @param {import('@playwright/test').Browser} browser @param {string} url @param {string} seedScript @param {string[]} errors
 */
async function runRiskBench(browser, url, seedScript, errors) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(installLongTaskObserver);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

  // 1. Load the app once so it creates the database at the current version, then seed it.
  await page.goto(url);
  await page.locator('#main').first().waitFor({ timeout: TIMEOUT });
  await page.evaluate(seedScript);
  const seeded = await page.evaluate((o) => /** @type {any} */ (window).__seed(o), WORKLOAD);
  const ws = /** @type {string} */ (seeded.workspaceId);
  log(`generated in ${Math.round(seeded.generateMs)} ms, written in one transaction in ${Math.round(seeded.writeMs)} ms`);
  const stored = await page.evaluate((id) => /** @type {any} */ (window).__count(id), ws);
  log(`IndexedDB (schema v${stored.version}) holds for workspace ${ws}: ${JSON.stringify(stored.counts)}`);
  for (const [table, n] of Object.entries(seeded.expected)) {
    if (stored.counts[table] !== n) throw new Error(`seeding wrote ${stored.counts[table]} rows to ${table}, expected ${n}`);
  }
  if (stored.counts.workspaces !== 1) throw new Error('the seeded workspace is missing');
  await page.reload();
  await page.locator('#main').first().waitFor({ timeout: TIMEOUT });

  // 2. The page must meet the contract before anything is timed.
  const total = WORKLOAD.risks;
  await page.evaluate((h) => (window.location.hash = h), `#/w/${ws}/risks`);
  await checkContract(page);
  await measure(page, { action: 'none', until: { equals: total }, timeoutMs: TIMEOUT, settleMs: 0 });

  /** @type {Record<string, { what: string, samples: Sample[] }>} */
  const results = {
    open: { what: `in-app navigation to #/w/{ws}/risks until the count shows ${total}`, samples: [] },
    filter: { what: `"${QUERY}" entered in Search risks at once, until the count changes`, samples: [] },
    clear: { what: `search emptied, until the count shows ${total} again`, samples: [] },
    type: { what: `"${QUERY}" typed key by key, until the final count shows`, samples: [] },
    reload: { what: `full page load of #/w/{ws}/risks (navigation start) until the count shows ${total}`, samples: [] },
  };

  // One unrecorded round warms up the JIT and the caches.
  for (let run = 0; run <= RUNS; run++) {
    const keep = (/** @type {keyof typeof results} */ name, /** @type {Sample} */ s) => run > 0 && results[name].samples.push(s);
    await leaveRiskList(page, ws);
    keep('open', await measure(page, { action: 'hash', hash: `#/w/${ws}/risks`, until: { equals: total }, timeoutMs: TIMEOUT, settleMs: SETTLE }));

    const input = await searchField(page, total);
    const filtered = await measure(page, { action: 'input', input, value: QUERY, until: { differsFrom: total }, timeoutMs: TIMEOUT, settleMs: SETTLE });
    keep('filter', filtered);
    keep('clear', await measure(page, { action: 'input', input, value: '', until: { equals: total }, timeoutMs: TIMEOUT, settleMs: SETTLE }));

    await searchField(page, total);
    const search = page.getByLabel('Search risks').first();
    await search.focus();
    const since = await page.evaluate(() => performance.now());
    await search.pressSequentially(QUERY);
    keep('type', await measure(page, { action: 'none', since, until: { equals: filtered.count ?? -1 }, timeoutMs: TIMEOUT, settleMs: SETTLE }));
    await searchField(page, total);

    await page.reload();
    keep('reload', await measure(page, { action: 'none', since: 0, until: { equals: total }, timeoutMs: TIMEOUT, settleMs: SETTLE }));
    log(run ? `run ${run}/${RUNS} done` : 'warm-up done');
  }
  await context.close();
  const rows = Object.entries(results).map(([name, r]) => summarize({ name, ...r }));
  const workload = `${WORKLOAD.risks} risks, ${WORKLOAD.aiSystems} AI systems, ${WORKLOAD.ownControls} own controls, ${WORKLOAD.impactAssessments} impact assessments (generateWorkspace seed ${WORKLOAD.seed}); ${RUNS} runs after one warm-up; query "${QUERY}".`;
  return { rows, workload };
}

async function main() {
  if (!existsSync(`${DIST}/index.html`)) throw new BenchStop(`${DIST}/index.html is missing: run \`npm run bench\`, which builds first.`);
  if (!existsSync(executablePath)) throw new BenchStop(`Chromium not found at ${executablePath} (set CHROMIUM_PATH).`);
  if (ONLY && !['risks', 'bundle', 'sheets'].includes(ONLY)) throw new BenchStop(`BENCH_ONLY must be "risks", "bundle" or "sheets", not "${ONLY}".`);
  const started = Date.now();
  const [seedScript, floorScript, sheetsFloorScript, server] = await Promise.all([
    buildSeedScript(),
    !ONLY || ONLY === 'bundle' ? buildFloorScript() : Promise.resolve(''),
    !ONLY || ONLY === 'sheets' ? buildSheetsFloorScript() : Promise.resolve(''),
    startPreview(DIST),
  ]);
  const kb = (/** @type {string} */ s) => `${(s.length / 1024).toFixed(0)} KB`;
  log(`serving ${DIST} at ${server.url}; seed script ${kb(seedScript)}, floor scripts ${kb(floorScript)} (bundle), ${kb(sheetsFloorScript)} (sheets)`);
  const browser = await chromium.launch({ executablePath, args }).catch((e) => {
    server.stop();
    throw e;
  });
  try {
    const errors = /** @type {string[]} */ ([]);
    const cpu = cpus();
    const machine = `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GB RAM, ${platform()} ${release()}; Chromium ${browser.version()} headless; Node ${process.version}.`;
    const date = new Date().toISOString().slice(0, 10);
    const doc = `${root}docs/benchmarks.md`;

    if (!ONLY || ONLY === 'risks') {
      const { rows, workload } = await runRiskBench(browser, server.url, seedScript, errors);
      console.log(`\nRisk list. ${workload}\n${machine}\n\n${textTable(rows)}\n`);
      if (!NO_DOC) await updateDoc(doc, { date, machine, workload, rows });
      log(`risk list done in ${Math.round((Date.now() - started) / 1000)} s`);
    }
    if (!ONLY || ONLY === 'bundle') {
      const t0 = Date.now();
      const result = await runBundleBench({ browser, url: server.url, seedScript, floorScript, log, errors });
      const rows = bundleRows(result);
      console.log(
        `\nBundles. ${bundleWorkloadLine(result)}\n${machine} ${loadLine(result)}\n\n${bundleRunLines(result).join('\n')}\n\n${targetTextTable(rows)}\n`,
      );
      const failed = rows.filter((r) => r.result.startsWith('FAIL'));
      console.log(
        failed.length
          ? `[bench] FAIL: ${failed.length} bundle target(s) missed: ${failed.map((r) => r.measure).join('; ')}\n`
          : '[bench] bundle targets: all PASS\n',
      );
      if (!NO_DOC) await updateBundleDoc(doc, { date, machine, result });
      log(`bundles done in ${Math.round((Date.now() - t0) / 1000)} s`);
    }
    if (!ONLY || ONLY === 'sheets') {
      const t0 = Date.now();
      const result = await runSheetsBench({ browser, url: server.url, seedScript, floorScript: sheetsFloorScript, workload: WORKLOAD, log, errors });
      const rows = sheetsRows(result);
      console.log(
        `\nSpreadsheets. ${sheetsWorkloadLine(result)}\n${machine} ${loadLine(result)}\n\n${sheetsRunLines(result).join('\n')}\n\n${targetTextTable(rows)}\n`,
      );
      if (result.notes.length) log(`notes: ${result.notes.join('; ')}`);
      const failed = rows.filter((r) => r.result.startsWith('FAIL'));
      console.log(
        failed.length
          ? `[bench] FAIL: ${failed.length} spreadsheet target(s) missed: ${failed.map((r) => r.measure).join('; ')}\n`
          : '[bench] spreadsheet targets: all PASS\n',
      );
      if (!NO_DOC) await updateSheetsDoc(doc, { date, machine, result });
      log(`spreadsheets done in ${Math.round((Date.now() - t0) / 1000)} s`);
    }
    // Issue 19: the served build's first screen (the measurement of `npm run size`).
    const first = measureFirstScreen(DIST);
    const firstOk = first.total <= FIRST_SCREEN_BUDGET_BYTES && first.problems.length === 0;
    console.log(
      `first screen: ${(first.total / 1024).toFixed(1)} KB gzipped (≤ ${FIRST_SCREEN_BUDGET_BYTES / 1024} KB) ${firstOk ? 'PASS' : `FAIL ${first.problems.join('; ')}`}`,
    );
    if (errors.length) log(`page errors during the run:\n  ${errors.join('\n  ')}`);
    log(`${NO_DOC ? 'docs/benchmarks.md left as it was (BENCH_NO_DOC)' : 'docs/benchmarks.md updated'}; total ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((e) => {
  if (e instanceof BenchStop || e instanceof SheetsContractError) console.error(`\n[bench] ${e.message}\n`);
  else console.error(e);
  process.exit(1);
});
