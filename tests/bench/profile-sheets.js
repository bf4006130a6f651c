// `node tests/bench/profile-sheets.js`: where the spreadsheet benchmark's time goes. Builds the app
// without minification (readable function names) into a temporary directory, seeds the risk-list
// workload, then records CPU profiles (DevTools Profiler, page and spreadsheet worker) of one export of the
// full workbook, one check of the unchanged file and one check + import of a copy with 100 edited
// cells, plus the raw floor's write and read. Prints the top functions per thread and writes the
// .cpuprofile files (open them in Chrome DevTools → Performance) to BENCH_PROFILE_DIR (default
// a temporary directory). Not part of `npm run bench`; no figure here is a benchmark result (the
// profiler slows everything down).
import { join } from 'node:path';
import { CpuRecorder } from './lib/cpu-profile.js';
import { profileRun, seedWorkspace } from './lib/profile-common.js';
import { buildSheetsFloorScript } from './lib/seed-bundle.js';
import { editedCopies, workbookShape } from './lib/workbook-node.js';

const WORKLOAD = { seed: 42, aiSystems: 500, risks: 10_000, ownControls: 200, impactAssessments: 25 };
const SECTION = 'section[aria-labelledby="sheets-title"]';

async function main() {
  await profileRun('sheets', async ({ browser, url, work, report }) => {
    const floorScript = await buildSheetsFloorScript();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const ws = await seedWorkspace(page, url, '__seed', WORKLOAD);
    await page.goto(`${url}#/w/${ws}/exchange`);
    const section = page.locator(SECTION);
    const full = section.getByRole('button', { name: 'Full workbook (.xlsx)', exact: true });
    await full.waitFor();
    const rec = await CpuRecorder.attach(page);

    // A warm-up export (HTTP cache, code cache), then the profiled one.
    for (const profiled of [false, true]) {
      await page.reload();
      await full.waitFor();
      await page.waitForTimeout(500);
      if (profiled) await rec.start();
      const downloading = page.waitForEvent('download');
      await full.click();
      const download = await downloading;
      await download.saveAs(join(work, 'book.xlsx'));
      await section.getByTestId('sheets-status').filter({ hasText: 'Saved' }).waitFor();
      if (profiled) report('export', await rec.stop());
    }
    const book = join(work, 'book.xlsx');
    const shape = workbookShape(book);
    const edited = join(work, 'edited.xlsx');
    editedCopies(book, { sheet: 'Risks', count: 100, outPaths: [edited] });

    await page.evaluate(floorScript);
    await page.evaluate(([id, sheets]) => /** @type {any} */ (window).__sheetsFloor.prepareExport(id, sheets), /** @type {const} */ ([ws, shape.sheets]));
    await rec.start();
    await page.evaluate(() => /** @type {any} */ (window).__sheetsFloor.exportFloor());
    report('floor export', await rec.stop());

    for (const [name, file] of /** @type {const} */ ([
      ['check unchanged', book],
      ['check and import edited', edited],
    ])) {
      await page.reload();
      await full.waitFor();
      await section.getByLabel('Workbook exported by AIMS Workbench (.xlsx, .xls, .ods or .csv)', { exact: true }).setInputFiles(file);
      await page.waitForTimeout(500);
      await rec.start();
      await section.getByRole('button', { name: 'Check the spreadsheet', exact: true }).click();
      await section.getByTestId('sheets-summary').waitFor({ timeout: 120_000 });
      if (file === edited) {
        await section.getByRole('button', { name: /^Import\b/ }).click();
        await section.getByTestId('sheets-status').filter({ hasText: 'rows imported.' }).waitFor({ timeout: 120_000 });
      }
      await page.waitForTimeout(300);
      report(name, await rec.stop());
    }

    await page.evaluate(floorScript);
    const input = await page.evaluate(() => /** @type {any} */ (window).__sheetsFloor.addFileInput());
    await page.locator(input).setInputFiles(book);
    await rec.start();
    await page.evaluate(() => /** @type {any} */ (window).__sheetsFloor.importFloor());
    report('floor read', await rec.stop());
    await rec.detach();
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
