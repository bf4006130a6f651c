// The spreadsheet benchmark: the full workbook of a workspace with 10,000 risks exported and
// imported back through the app's UI ("Spreadsheets" on #/w/<ws>/exchange), against raw SheetJS
// writing and reading the same number of sheets, rows and columns in the same page
// (tests/bench/sheets-floor-entry.js). BENCH_SHEETS_RISKS=50000 runs it at issue 19's scale
// (2,000 AI systems then). See docs/benchmarks.md.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeapSampler } from './heap.js';
import { armSpan, installLongTaskObserver, spanResult } from './in-page.js';
import { editedCopies, workbookShape } from './workbook-node.js';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {{ t0: number, t1: number, ms: number, longTasks: number[] | null, quietAt: number }} Span */
/** @typedef {import('./workbook-node.js').CellStats} CellStats */

/** The page lacks part of what the benchmark drives: the message says which. */
export class SheetsContractError extends Error {}

const RUNS = Number(process.env.BENCH_SHEETS_RUNS ?? 3);
/** The risk-list workload's size, unless BENCH_SHEETS_RISKS asks for another. */
export const DEFAULT_SHEETS_RISKS = 10_000;

/**
 * The workload of this part: the one given (the risk list's, 10,000 risks and 500 AI systems), or
 * BENCH_SHEETS_RISKS risks with one AI system per 25 risks (50,000 and 2,000, issue 19's scale
 * curve) unless BENCH_SHEETS_AI_SYSTEMS says otherwise.
 * @template {{ risks: number, aiSystems: number }} W
 * @param {W} base
 * @returns {W}
 */
export function sheetsWorkload(base) {
  const risks = Number(process.env.BENCH_SHEETS_RISKS ?? base.risks);
  if (!Number.isInteger(risks) || risks < 1_000)
    throw new Error(`BENCH_SHEETS_RISKS must be a whole number of at least 1000, not "${process.env.BENCH_SHEETS_RISKS}"`);
  const aiSystems = Number(process.env.BENCH_SHEETS_AI_SYSTEMS ?? (risks === base.risks ? base.aiSystems : Math.round(risks / 25)));
  if (!Number.isInteger(aiSystems) || aiSystems < 1)
    throw new Error(`BENCH_SHEETS_AI_SYSTEMS must be a whole number, not "${process.env.BENCH_SHEETS_AI_SYSTEMS}"`);
  return { ...base, risks, aiSystems };
}
/** Cells of the Risks sheet changed in the edited variant, each in its own row. */
export const EDITED_CELLS = 100;
const TIMEOUT = 180_000;
const SETTLE = 300;
const QUIET = 1_000;
const QUIET_MAX = 15_000;
const WAIT = { timeoutMs: TIMEOUT, settleMs: SETTLE, quietMs: QUIET, quietMaxMs: QUIET_MAX };
const SECTION = 'section[aria-labelledby="sheets-title"]';
const BANNER = '[role="alert"] .banner';
const LABELS = { full: 'Full workbook (.xlsx)', file: 'Workbook exported by AIMS Workbench (.xlsx, .xls, .ods or .csv)', check: 'Check the spreadsheet' };

/** @param {Page} page @param {import('./in-page.js').SpanArgs} args */
const arm = (page, args) => page.evaluate(armSpan, args);

/**
 * @typedef {object} SheetsExportRun
 * @property {Span} app           in the page: click on "Full workbook (.xlsx)" → the app's click on its download link
 * @property {number} wallMs      in Node: Playwright's click → its download event
 * @property {number} bytes       the app's workbook
 * @property {{ ms: number, sheetMs: number, writeMs: number, bytes: number }} floor  aoa_to_sheet + write
 * @property {number} floorReadMs  one Dexie read of the same records (untimed in the floor)
 * @property {number} floorBuildMs building the arrays of arrays (untimed in the floor)
 */
/**
 * @typedef {object} SheetsImportRun
 * @property {Span} check         submit of "Check the spreadsheet" → the preview table shows
 * @property {Span | null} write  click on "Import N rows" → the status says "N rows imported." (edited variant only)
 * @property {{ ms: number, readMs: number, jsonMs: number, defaultsMs: number }} floor  file bytes + XLSX.read + sheet_to_json(header: 1) with the app's options; defaultsMs: the same with SheetJS's defaults (info)
 */
/**
 * @typedef {object} SheetsResult
 * @property {{ risks: number, aiSystems: number, ownControls: number, impactAssessments: number, seed: number }} workload
 * @property {number} runs
 * @property {{ name: string, rows: number, cols: number }[]} shape  the app's workbook
 * @property {CellStats} appCells
 * @property {CellStats} floorCells
 * @property {number} appBytes
 * @property {number} floorBytes
 * @property {number} editedBytes
 * @property {SheetsExportRun[]} exports
 * @property {SheetsImportRun[]} unchanged
 * @property {SheetsImportRun[]} edited
 * @property {string[]} notes        unexpected preview figures that did not stop the run
 * @property {[number, number]} load
 * @property {number} cores
 */

/**
 * @param {{ browser: Browser, url: string, seedScript: string, floorScript: string, workload: { seed: number, risks: number, aiSystems: number, ownControls: number, impactAssessments: number }, log: (m: string) => void, errors: string[] }} o
 * @returns {Promise<SheetsResult>}
 */
export async function runSheetsBench({ browser, url, seedScript, floorScript, workload: given, log, errors }) {
  const workload = sheetsWorkload(given);
  const dir = mkdtempSync(join(tmpdir(), 'aims-bench-sheets-'));
  const loadAtStart = loadavg()[0] ?? 0;
  /** @type {string[]} */
  const notes = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  try {
    await context.addInitScript(installLongTaskObserver);
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

    // 1. Seed: the risk-list workload, written through the app's database class.
    await page.goto(url);
    await page.locator('#main').first().waitFor({ timeout: TIMEOUT });
    await page.evaluate(seedScript);
    const seeded = await page.evaluate((w) => /** @type {any} */ (window).__seed(w), workload);
    const ws = /** @type {string} */ (seeded.workspaceId);
    log(`sheets workload generated in ${Math.round(seeded.generateMs)} ms, written in one transaction in ${Math.round(seeded.writeMs)} ms`);
    const stored = await page.evaluate((id) => /** @type {any} */ (window).__count(id), ws);
    for (const [table, n] of Object.entries(seeded.expected)) {
      if (stored.counts[table] !== n) throw new Error(`seeding wrote ${stored.counts[table]} rows to ${table}, expected ${n}`);
    }

    const section = page.locator(SECTION);
    const fullButton = section.getByRole('button', { name: LABELS.full, exact: true });
    const fileInput = section.getByLabel(LABELS.file, { exact: true });
    const checkButton = section.getByRole('button', { name: LABELS.check, exact: true });
    const cdp = await HeapSampler.attach(page, { workers: false });
    let first = true;
    /** A fresh load of the exchange page, the floor not loaded, then a forced GC. */
    const fresh = async () => {
      if (first) await page.goto(`${url}#/w/${encodeURIComponent(ws)}/exchange`);
      else await page.reload();
      if (first) await checkContract(page);
      first = false;
      await fullButton.waitFor({ timeout: TIMEOUT });
      await page.waitForTimeout(500);
      await cdp.gc();
    };
    /** The floor script in the page as it is now (a reload drops it). */
    const loadFloor = () => page.evaluate(floorScript);

    // 2. Export: one unrecorded warm-up (its file gives the shape the floor must match), then RUNS rounds.
    /** @type {SheetsExportRun[]} */
    const exports = [];
    /** @type {ReturnType<typeof workbookShape> | null} */
    let shape = null;
    let bookPath = '';
    /** @type {CellStats | null} */
    let floorCells = null;
    for (let run = 0; run <= RUNS; run++) {
      await fresh();
      await arm(page, { startOn: 'click', startText: LABELS.full, until: { download: true }, failSelector: BANNER, ...WAIT });
      const downloading = page.waitForEvent('download', { timeout: TIMEOUT });
      const wall0 = performance.now();
      await fullButton.click();
      const download = await downloading;
      const wallMs = performance.now() - wall0;
      const app = /** @type {Span} */ (await page.evaluate(spanResult));
      const path = join(dir, `export-${run}.xlsx`);
      await download.saveAs(path);
      await download.delete();
      await section.getByTestId('sheets-status').filter({ hasText: 'Saved' }).waitFor({ timeout: TIMEOUT });
      const bytes = statSync(path).size;
      if (run === 0) {
        shape = workbookShape(path);
        const risks = shape.sheets.find((s) => s.name === 'Risks');
        if (risks?.rows !== workload.risks + 1)
          throw new Error(`the app's workbook has ${risks?.rows ?? 'no'} rows on a Risks sheet, expected ${workload.risks + 1} (header included)`);
        log(`app workbook: ${shape.sheets.map((s) => `${s.name} ${s.rows}×${s.cols}`).join(', ')}; ${shape.cells.cells} cells`);
        rmSync(path);
        log(`export warm-up: app ${Math.round(app.ms)} ms`);
        continue;
      }
      if (run === 1) bookPath = path;
      else rmSync(path);
      const s = /** @type {ReturnType<typeof workbookShape>} */ (shape);
      await loadFloor();
      const prep = await page.evaluate(
        ([id, sheets]) => /** @type {any} */ (window).__sheetsFloor.prepareExport(id, sheets),
        /** @type {const} */ ([ws, s.sheets]),
      );
      const mismatch = s.sheets.filter((a, i) => prep.sheets[i]?.name !== a.name || prep.sheets[i]?.rows !== a.rows || prep.sheets[i]?.cols !== a.cols);
      if (mismatch.length)
        throw new Error(
          `the floor's workbook does not have the app's shape: app ${JSON.stringify(s.sheets.map(({ name, rows, cols }) => ({ name, rows, cols })))}, floor ${JSON.stringify(prep.sheets)}`,
        );
      floorCells = prep.cells;
      await cdp.gc();
      const floor = await page.evaluate(() => /** @type {any} */ (window).__sheetsFloor.exportFloor());
      await page.evaluate(() => /** @type {any} */ (window).__sheetsFloor.releaseExport());
      exports.push({ app, wallMs, bytes, floor, floorReadMs: prep.readMs, floorBuildMs: prep.buildMs });
      log(
        `export ${run}/${RUNS}: app ${Math.round(app.ms)} ms (Playwright wall ${Math.round(wallMs)} ms), ${kib(bytes)}; floor ${Math.round(floor.ms)} ms (sheets ${Math.round(floor.sheetMs)} + write ${Math.round(floor.writeMs)}), ${kib(floor.bytes)}; floor read ${Math.round(prep.readMs)} + build ${Math.round(prep.buildMs)} ms`,
      );
    }
    const s = /** @type {ReturnType<typeof workbookShape>} */ (shape);

    // 3. The edited copies: EDITED_CELLS cells of the Risks sheet, a different tag per round.
    const editedPaths = Array.from({ length: RUNS }, (_, k) => join(dir, `edited-${k + 1}.xlsx`));
    editedCopies(bookPath, { sheet: 'Risks', count: EDITED_CELLS, outPaths: editedPaths });

    /**
     * One import round: the file through "Check the spreadsheet" (and "Import" when it has
     * changes), then the floor reading the same file in the same page.
     * @param {string} file @param {number} updates  the Risks rows the preview must show as updated
     * @returns {Promise<SheetsImportRun>}
     */
    const importRound = async (file, updates) => {
      await fresh();
      await fileInput.setInputFiles(file);
      await page.waitForTimeout(500);
      await cdp.gc();
      await arm(page, {
        startOn: 'submit',
        until: { all: [{ selector: '[data-testid="sheets-summary"]' }] },
        failSelector: `${SECTION} .problems, ${BANNER}`,
        ...WAIT,
      });
      await checkButton.click();
      const check = /** @type {Span} */ (await page.evaluate(spanResult));
      const summary = await section
        .getByTestId('sheets-summary')
        .evaluate((t) => Array.from(t.querySelectorAll('tbody tr'), (tr) => Array.from(tr.children, (c) => (c.textContent ?? '').trim())));
      checkSummary(summary, { risks: workload.risks, updates }, notes);
      /** @type {Span | null} */
      let write = null;
      if (updates > 0) {
        const importButton = section.getByRole('button', { name: /^Import\b/ });
        const text = ((await importButton.textContent()) ?? '').trim();
        await arm(page, {
          startOn: 'click',
          startText: text,
          until: { all: [{ selector: `${SECTION} [data-testid="sheets-status"]`, text: `${updates} rows imported.` }] },
          failSelector: BANNER,
          ...WAIT,
        });
        await importButton.click();
        write = /** @type {Span} */ (await page.evaluate(spanResult));
      }
      await loadFloor();
      const input = await page.evaluate(() => /** @type {any} */ (window).__sheetsFloor.addFileInput());
      await page.locator(input).setInputFiles(file);
      await cdp.gc();
      const floor = await page.evaluate(() => /** @type {any} */ (window).__sheetsFloor.importFloor());
      const risksRead = floor.sheets.find((/** @type {{ name: string }} */ x) => x.name === 'Risks')?.rows;
      if (risksRead !== workload.risks + 1) throw new Error(`the import floor read ${risksRead} rows from the Risks sheet, expected ${workload.risks + 1}`);
      return { check, write, floor: { ms: floor.ms, readMs: floor.readMs, jsonMs: floor.jsonMs, defaultsMs: floor.defaultsMs } };
    };

    // 4. Import the unchanged workbook: nothing to import, so the check is the whole import.
    /** @type {SheetsImportRun[]} */
    const unchanged = [];
    for (let run = 1; run <= RUNS; run++) {
      const r = await importRound(bookPath, 0);
      unchanged.push(r);
      log(
        `import unchanged ${run}/${RUNS}: check ${Math.round(r.check.ms)} ms [${r.check.longTasks?.join(', ') ?? 'n/a'}]; floor ${Math.round(r.floor.ms)} ms (read ${Math.round(r.floor.readMs)} + sheet_to_json ${Math.round(r.floor.jsonMs)}; with SheetJS defaults ${Math.round(r.floor.defaultsMs)})`,
      );
    }

    // 5. Import the edited copies: check, then Import; the database must then hold the edits.
    /** @type {SheetsImportRun[]} */
    const edited = [];
    for (let run = 1; run <= RUNS; run++) {
      const r = await importRound(/** @type {string} */ (editedPaths[run - 1]), EDITED_CELLS);
      edited.push(r);
      await page.evaluate(seedScript);
      const titles = await page.evaluate(([id, tag]) => /** @type {any} */ (window).__risksMatching(id, tag), /** @type {const} */ ([ws, `(edited ${run})`]));
      const owners = await page.evaluate(([id, tag]) => /** @type {any} */ (window).__risksMatching(id, tag), /** @type {const} */ ([ws, `Owner ${run}-`]));
      if (titles !== EDITED_CELLS / 2 || owners !== EDITED_CELLS / 2)
        throw new Error(
          `after importing edited copy ${run} the database holds ${titles} edited titles and ${owners} edited owners, expected ${EDITED_CELLS / 2} each`,
        );
      log(
        `import edited ${run}/${RUNS}: check ${Math.round(r.check.ms)} ms [${r.check.longTasks?.join(', ') ?? 'n/a'}] + import ${Math.round(r.write?.ms ?? 0)} ms [${r.write?.longTasks?.join(', ') ?? 'n/a'}]; ` +
          `floor ${Math.round(r.floor.ms)} ms (read ${Math.round(r.floor.readMs)} + sheet_to_json ${Math.round(r.floor.jsonMs)}; with SheetJS defaults ${Math.round(r.floor.defaultsMs)})`,
      );
    }
    await cdp.detach();
    const load = /** @type {[number, number]} */ ([loadAtStart, loadavg()[0] ?? 0]);
    return {
      workload,
      runs: RUNS,
      shape: s.sheets.map(({ name, rows, cols }) => ({ name, rows, cols })),
      appCells: s.cells,
      floorCells: /** @type {CellStats} */ (floorCells),
      appBytes: statSync(bookPath).size,
      floorBytes: median(exports.map((e) => e.floor.bytes)),
      editedBytes: statSync(/** @type {string} */ (editedPaths[0])).size,
      exports,
      unchanged,
      edited,
      notes,
      load,
      cores: cpus().length,
    };
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** @param {number[]} xs */
function median(xs) {
  const v = [...xs].sort((a, b) => a - b);
  return v.length ? /** @type {number} */ (v[Math.floor(v.length / 2)]) : 0;
}

const kib = (/** @type {number} */ n) => `${(n / 1024).toFixed(0)} KiB`;

/**
 * The contract: the "Spreadsheets" section with its export button, file field and check button.
 * @param {Page} page
 */
async function checkContract(page) {
  const section = page.locator(SECTION);
  const parts = /** @type {const} */ ([
    ['a section labelled by #sheets-title ("Spreadsheets")', section],
    [`a button "${LABELS.full}"`, section.getByRole('button', { name: LABELS.full, exact: true })],
    [`a file field labelled "${LABELS.file}"`, section.getByLabel(LABELS.file, { exact: true })],
    [`a button "${LABELS.check}"`, section.getByRole('button', { name: LABELS.check, exact: true })],
    ['a status with data-testid="sheets-status"', section.getByTestId('sheets-status')],
  ]);
  const missing = [];
  for (const [what, locator] of parts) {
    try {
      await locator.first().waitFor({ state: 'attached', timeout: missing.length ? 1_000 : 20_000 });
    } catch {
      missing.push(what);
    }
  }
  if (missing.length)
    throw new SheetsContractError(`The exchange page (#/w/<ws>/exchange) is not ready for the spreadsheet benchmark: it lacks ${missing.join('; ')}.`);
}

/**
 * The preview must show the Risks sheet with `updates` updated rows and the rest unchanged, and no
 * problems anywhere; other unexpected figures (updates on other sheets) are noted, not fatal.
 * @param {string[][]} summary  rows of [sheet, create, update, unchanged, missing, problems]
 * @param {{ risks: number, updates: number }} want
 * @param {string[]} notes
 */
function checkSummary(summary, want, notes) {
  const risks = summary.find((r) => r[0] === 'Risks');
  const n = (/** @type {string | undefined} */ x) => Number(x ?? NaN);
  if (!risks || n(risks[1]) !== 0 || n(risks[2]) !== want.updates || n(risks[3]) !== want.risks - want.updates || n(risks[5]) !== 0) {
    throw new Error(
      `the preview does not show the Risks sheet with ${want.updates} updated and ${want.risks - want.updates} unchanged rows: ${JSON.stringify(summary)}`,
    );
  }
  const problems = summary.filter((r) => n(r[5]) !== 0);
  if (problems.length) throw new Error(`the preview shows problems: ${JSON.stringify(problems)}`);
  for (const r of summary) {
    if (r[0] === 'Risks') continue;
    if (n(r[1]) !== 0 || n(r[2]) !== 0 || n(r[4]) !== 0) {
      const note = `preview of ${want.updates ? 'the edited' : 'the unchanged'} workbook: sheet "${r[0]}" shows ${r[1]} new, ${r[2]} updated, ${r[4]} missing rows (expected none)`;
      if (!notes.includes(note)) notes.push(note);
    }
  }
}
