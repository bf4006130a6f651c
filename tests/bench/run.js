// `npm run bench` (vite build && node tests/bench/run.js), in Debian's Chromium:
// 1. risk list: a scale curve (1,000, 10,000 and 50,000 risks; BENCH_RISK_SIZES) of opening, filtering,
//    typing, reloading and sorting the risk register and reloading the dashboard, with the 50,000-risk
//    targets as PASS/FAIL (lib/risk-bench.js);
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
import { riskText, riskTargets, riskWorkloadLines, updateDoc } from './lib/report.js';
import { riskSizes, runRiskScale } from './lib/risk-bench.js';
import { buildFloorScript, buildSeedScript, buildSheetsFloorScript } from './lib/seed-bundle.js';
import { runSheetsBench, SheetsContractError } from './lib/sheets-bench.js';
import { sheetsRows, sheetsRunLines, sheetsWorkloadLine, updateSheetsDoc } from './lib/sheets-report.js';
import { startPreview } from './lib/server.js';
import { args, executablePath } from './lib/chromium.js';
import { FIRST_SCREEN_BUDGET_BYTES, measureFirstScreen } from '../build/first-screen.js';

/** @typedef {import('@playwright/test').Page} Page */

const root = fileURLToPath(new URL('../../', import.meta.url));
const WORKLOAD = { seed: 42, aiSystems: 500, risks: 10_000, ownControls: 200, impactAssessments: 25 };
/** The risk list's scale curve (BENCH_RISK_SIZES, e.g. 1000,10000,50000; AI systems 500 up to 10,000 risks, 2,000 above). */
const SIZES = riskSizes(process.env.BENCH_RISK_SIZES);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const QUERY = process.env.BENCH_QUERY ?? 'drift';
const ONLY = process.env.BENCH_ONLY ?? '';
/** Another build to serve (default dist/), and BENCH_NO_DOC=1 to leave docs/benchmarks.md as it is (trial runs). */
const DIST = process.env.BENCH_DIST ?? `${root}dist`;
const NO_DOC = process.env.BENCH_NO_DOC === '1';

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
      const result = await runRiskScale({ browser, url: server.url, seedScript, sizes: SIZES, runs: RUNS, query: QUERY, log, errors, checkContract });
      console.log(`\nRisk list. ${riskWorkloadLines(result).join('\n')}\n${machine}\n\n${riskText(result)}\n`);
      const failed = riskTargets(result).filter((r) => r.result === 'FAIL');
      console.log(
        failed.length
          ? `[bench] FAIL: ${failed.length} risk-list target(s) missed: ${failed.map((r) => r.target).join('; ')}\n`
          : '[bench] risk-list targets: all PASS\n',
      );
      if (!NO_DOC) await updateDoc(doc, { date, machine, result });
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
