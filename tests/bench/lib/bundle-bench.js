// The bundle benchmark: a workspace with 10,000 risks, 2,000 other records and 200 evidence files
// (100 MiB) exported and imported through the app's UI, against the raw floor for the same data
// (tests/bench/floor-entry.js) in the same browser. See docs/benchmarks.md.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeapSampler } from './heap.js';
import { armSpan, installLongTaskObserver, spanResult } from './in-page.js';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('./heap.js').HeapReport} HeapReport */
/** @typedef {{ t0: number, t1: number, ms: number, longTasks: number[] | null, quietAt: number }} Span */

/**
 * BENCH_BUNDLE_RISKS=50000 runs the scale-curve point (issue 19): 50,000 risks and 2,000 AI systems,
 * the same own controls, impact assessments, answers, evidence records and files.
 */
const RISKS = Number(process.env.BENCH_BUNDLE_RISKS ?? 10_000);
const AI_SYSTEMS = RISKS >= 50_000 ? 2_000 : 500;
export const BUNDLE_WORKLOAD = {
  seed: 42,
  risks: RISKS,
  aiSystems: AI_SYSTEMS,
  ownControls: 200,
  impactAssessments: 100,
  /** AI systems + own controls + impact assessments + walkthrough answers + evidence records. */
  otherRecords: 1_500 + AI_SYSTEMS,
  files: 200,
  fileBytes: 100 * 1024 * 1024,
};
const RUNS = Number(process.env.BENCH_BUNDLE_RUNS ?? 3);
const TIMEOUT = 240_000;
const SETTLE = 300;
/** Long tasks count until the page has had none for QUIET ms (at most QUIET_MAX ms after the result). */
const QUIET = 1_000;
const QUIET_MAX = 15_000;
const WAIT = { timeoutMs: TIMEOUT, settleMs: SETTLE, quietMs: QUIET, quietMaxMs: QUIET_MAX };
const FILE_LABEL = 'Bundle file (.zip or encrypted .enc)';
const BANNER = '[role="alert"] .banner';

/** @param {Page} page @param {import('./in-page.js').SpanArgs} args */
const arm = (page, args) => page.evaluate(armSpan, args);

/**
 * @typedef {object} ExportRun
 * @property {Span} app          in the page: submit of the export form → click of the download link
 * @property {number} wallMs     in Node: Playwright's click → its download event
 * @property {number} floorMs    stringify + JSZip generate
 * @property {number} fflateMs   stringify + fflate zipSync (the second floor, right after)
 * @property {number} floorReadMs one Dexie read transaction of the same rows and blobs
 * @property {number} bytes      the app's bundle
 * @property {number} floorBytes the floor's zip
 */
/**
 * @typedef {object} ImportRun
 * @property {Span} check        submit of "Check the file" → the preview table shows
 * @property {Span} write        click on "Import" → the dashboard of the new workspace shows
 * @property {HeapReport} heap   while checking and writing
 * @property {{ ms: number, parseMs: number, writeMs: number }} floor
 * @property {HeapReport} floorHeap
 */
/**
 * @typedef {object} BundleResult
 * @property {typeof BUNDLE_WORKLOAD} workload
 * @property {number} runs
 * @property {number} bundleBytes
 * @property {number} fileBytes
 * @property {number} storedFiles
 * @property {Record<string, number>} counts
 * @property {ExportRun[]} exports
 * @property {ImportRun[]} imports
 * @property {[number, number]} load  1-minute load average at the start and at the end
 * @property {number} cores
 */

/**
 * @param {{ browser: Browser, url: string, seedScript: string, floorScript: string, log: (m: string) => void, errors: string[] }} o
 * @returns {Promise<BundleResult>}
 */
export async function runBundleBench({ browser, url, seedScript, floorScript, log, errors }) {
  const dir = mkdtempSync(join(tmpdir(), 'aims-bench-bundle-'));
  const loadAtStart = loadavg()[0] ?? 0;
  try {
    /** @param {{ bypassCSP?: boolean }} [extra] */
    const newPage = async (extra = {}) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...extra });
      await context.addInitScript(installLongTaskObserver);
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      return page;
    };

    // 1. Seed the workspace in its own browser context (IndexedDB of a fresh profile).
    const page = await newPage();
    await page.goto(url);
    await page.locator('#main').first().waitFor({ timeout: TIMEOUT });
    await page.evaluate(seedScript);
    const seeded = await page.evaluate((o) => /** @type {any} */ (window).__seedBundle(o), BUNDLE_WORKLOAD);
    const ws = /** @type {string} */ (seeded.workspaceId);
    log(`bundle workload generated in ${Math.round(seeded.generateMs)} ms, written in one transaction in ${Math.round(seeded.writeMs)} ms`);
    const stored = await page.evaluate((id) => /** @type {any} */ (window).__count(id), ws);
    log(`IndexedDB holds for workspace ${ws}: ${JSON.stringify(stored.counts)}`);
    for (const [table, n] of Object.entries(seeded.expected)) {
      if (stored.counts[table] !== n) throw new Error(`seeding wrote ${stored.counts[table]} rows to ${table}, expected ${n}`);
    }
    const others = ['aiSystems', 'ownControls', 'impactAssessments', 'assessments', 'evidence'].reduce((n, t) => n + seeded.expected[t], 0);
    if (others !== BUNDLE_WORKLOAD.otherRecords || seeded.fileBytes !== BUNDLE_WORKLOAD.fileBytes)
      throw new Error(`seeded ${others} other records and ${seeded.fileBytes} file bytes`);

    // 2. Export through the UI, then the export floor in the same page.
    await page.goto(`${url}#/w/${ws}/exchange`);
    const exportButton = page.getByRole('form', { name: 'Export a bundle' }).getByRole('button', { name: 'Export', exact: true });
    await exportButton.waitFor({ timeout: TIMEOUT });
    await page.evaluate(floorScript);
    // Only for forced GCs here: the export's worker is left without a DevTools session.
    const heap = await HeapSampler.attach(page, { workers: false });
    /** @type {ExportRun[]} */
    const exports = [];
    let bundlePath = '';
    for (let run = 1; run <= RUNS; run++) {
      await page.waitForTimeout(500);
      await heap.gc();
      await arm(page, { startOn: 'submit', until: { download: true }, failSelector: BANNER, ...WAIT });
      const downloading = page.waitForEvent('download', { timeout: TIMEOUT });
      const wall0 = performance.now();
      await exportButton.click();
      const download = await downloading;
      const wallMs = performance.now() - wall0;
      const app = await page.evaluate(spanResult);
      const path = join(dir, `export-${run}.aims.zip`);
      await download.saveAs(path);
      await download.delete();
      await page.getByTestId('export-status').filter({ hasText: 'Saved' }).waitFor({ timeout: TIMEOUT });
      const bytes = statSync(path).size;
      if (run === 1) bundlePath = path;
      else rmSync(path);

      const prep = await page.evaluate((id) => /** @type {any} */ (window).__floor.prepareExport(id), ws);
      await heap.gc();
      const floor = await page.evaluate(() => /** @type {any} */ (window).__floor.exportFloor());
      await heap.gc();
      const fflate = await page.evaluate(() => /** @type {any} */ (window).__floor.exportFloorFflate());
      await page.evaluate(() => /** @type {any} */ (window).__floor.releaseExport());
      exports.push({ app, wallMs, floorMs: floor.ms, fflateMs: fflate.ms, floorReadMs: prep.readMs, bytes, floorBytes: floor.bytes });
      log(
        `export ${run}/${RUNS}: app ${Math.round(app.ms)} ms (Playwright wall ${Math.round(wallMs)} ms), ${(bytes / 2 ** 20).toFixed(1)} MiB; ` +
          `floor JSZip ${Math.round(floor.ms)} ms, fflate ${Math.round(fflate.ms)} ms (${(fflate.bytes / 2 ** 20).toFixed(1)} MiB) + read ${Math.round(prep.readMs)} ms`,
      );
    }
    await heap.detach();
    await page.context().close();

    // 3. Import as a new workspace, each run in a fresh browser context (empty database), then the
    //    import floor in another fresh context on the same app page.
    const bundleBytes = statSync(bundlePath).size;
    /** @type {ImportRun[]} */
    const imports = [];
    /** @type {Record<string, number>} */
    let counts = {};
    for (let run = 1; run <= RUNS; run++) {
      const p = await newPage();
      await p.goto(`${url}#/import`);
      const fileInput = p.getByLabel(FILE_LABEL);
      await fileInput.waitFor({ timeout: TIMEOUT });
      const sampler = await HeapSampler.attach(p);
      await fileInput.setInputFiles(bundlePath);
      await p.waitForTimeout(500);
      await sampler.gc();
      await sampler.start();
      await arm(p, {
        startOn: 'submit',
        until: { all: [{ selector: '[data-testid="import-summary"]' }] },
        failSelector: `section.problems, ${BANNER}`,
        ...WAIT,
      });
      await p.getByRole('button', { name: 'Check the file' }).click();
      const check = await p.evaluate(spanResult);
      if (run === 1) {
        const preview = await p.getByTestId('import-summary').innerText();
        if (!preview.includes(String(BUNDLE_WORKLOAD.risks)))
          throw new Error(`the import preview does not show ${BUNDLE_WORKLOAD.risks} new risks:\n${preview}`);
      }
      await arm(p, {
        startOn: 'click',
        startText: 'Import',
        until: { all: [{ selector: 'h1', text: `Dashboard — ${seeded.workspaceName}` }, { selector: '[data-testid="tile-soa"]' }] },
        failSelector: BANNER,
        ...WAIT,
      });
      await p.getByRole('button', { name: 'Import', exact: true }).click();
      const write = await p.evaluate(spanResult);
      const heapReport = await sampler.stop();
      await sampler.detach();
      if (run === 1) {
        const imported = decodeURIComponent(/^#\/w\/([^/]+)/.exec(new URL(p.url()).hash)?.[1] ?? '');
        await p.evaluate(floorScript);
        const back = await p.evaluate((id) => /** @type {any} */ (window).__floor.countRows(id), imported);
        counts = back.counts;
        log(`imported workspace ${imported} holds ${JSON.stringify(back.counts)}, ${back.fileBytes} file bytes`);
        for (const [table, n] of Object.entries(seeded.expected)) {
          if (back.counts[table] !== n) throw new Error(`the app's import wrote ${back.counts[table]} rows to ${table}, expected ${n}`);
        }
        if (back.fileBytes !== BUNDLE_WORKLOAD.fileBytes) throw new Error(`the app's import wrote ${back.fileBytes} file bytes`);
      }
      await p.context().close();

      // zod compiles its parsers with new Function where a page allows it. The app's worker may (it
      // is served without a Content-Security-Policy header), the app's page may not (its meta CSP):
      // the floor's context skips that CSP so the floor's zod is as fast as the app worker's.
      const f = await newPage({ bypassCSP: true });
      await f.goto(`${url}#/import`);
      await f.getByLabel(FILE_LABEL).waitFor({ timeout: TIMEOUT });
      await f.evaluate(floorScript);
      const input = await f.evaluate(() => /** @type {any} */ (window).__floor.addFileInput());
      await f.locator(input).setInputFiles(bundlePath);
      await f.evaluate(() => /** @type {any} */ (window).__floor.prepareImport());
      const floorSampler = await HeapSampler.attach(f);
      await f.waitForTimeout(500);
      await floorSampler.gc();
      await floorSampler.start();
      const floor = await f.evaluate(() => /** @type {any} */ (window).__floor.importFloor());
      const floorHeap = await floorSampler.stop();
      await floorSampler.detach();
      if (run === 1) {
        for (const [table, n] of Object.entries(seeded.expected)) {
          if (floor.counts[table] !== n) throw new Error(`the import floor wrote ${floor.counts[table]} rows to ${table}, expected ${n}`);
        }
      }
      await f.context().close();
      imports.push({ check, write, heap: heapReport, floor: { ms: floor.ms, parseMs: floor.parseMs, writeMs: floor.writeMs }, floorHeap });
      const mb = (/** @type {number} */ n) => `${(n / 2 ** 20).toFixed(0)} MiB`;
      log(
        `import ${run}/${RUNS}: app ${Math.round(check.ms)} + ${Math.round(write.ms)} ms, heap +${mb(heapReport.peakJs - heapReport.baselineJs)} (all +${mb(heapReport.peakAll - heapReport.baselineAll)}, ${heapReport.samples} samples, ${heapReport.workers} workers); ` +
          `floor ${Math.round(floor.ms)} ms (parse ${Math.round(floor.parseMs)}, write ${Math.round(floor.writeMs)}), heap +${mb(floorHeap.peakJs - floorHeap.baselineJs)}`,
      );
    }
    const load = /** @type {[number, number]} */ ([loadAtStart, loadavg()[0] ?? 0]);
    return {
      workload: BUNDLE_WORKLOAD,
      runs: RUNS,
      bundleBytes,
      fileBytes: seeded.fileBytes,
      storedFiles: seeded.storedFiles,
      counts,
      exports,
      imports,
      load,
      cores: cpus().length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
