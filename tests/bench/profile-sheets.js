// `node tests/bench/profile-sheets.js`: where the spreadsheet benchmark's time goes. Builds the app
// without minification (readable function names) into a temporary directory, seeds the risk-list
// workload, then records CPU profiles (DevTools Profiler, page and spreadsheet worker) of one export of the
// full workbook, one check of the unchanged file and one check + import of a copy with 100 edited
// cells, plus the raw floor's write and read. Prints the top functions per thread and writes the
// .cpuprofile files (open them in Chrome DevTools → Performance) to BENCH_PROFILE_DIR (default
// a temporary directory). Not part of `npm run bench`; no figure here is a benchmark result (the
// profiler slows everything down).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { CpuRecorder, summarizeProfile } from './lib/cpu-profile.js';
import { buildSeedScript, buildSheetsFloorScript } from './lib/seed-bundle.js';
import { startPreview } from './lib/server.js';
import { editedCopies, workbookShape } from './lib/workbook-node.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const WORKLOAD = { seed: 42, aiSystems: 500, risks: 10_000, ownControls: 200, impactAssessments: 25 };
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
const OUT = process.env.BENCH_PROFILE_DIR ?? mkdtempSync(join(tmpdir(), 'aims-sheets-profiles-'));
const TOP = Number(process.env.BENCH_PROFILE_TOP ?? 25);
const SECTION = 'section[aria-labelledby="sheets-title"]';

/** @param {string} name @param {{ thread: string, profile: import('./lib/cpu-profile.js').Profile }[]} profiles */
function report(name, profiles) {
  console.log(`\n=== ${name} ===`);
  const t0 = Math.min(...profiles.map((p) => p.profile.startTime));
  for (const { thread, profile } of profiles) {
    const file = join(OUT, `${name.replace(/\W+/g, '-')}-${thread.replace(/\W+/g, '-')}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    const s = summarizeProfile(profile);
    console.log(`\n-- ${thread}: ${s.ms} ms recorded, ${s.busyMs} ms busy (${file})`);
    console.log(`   by script: ${s.scripts.map((x) => `${x.fn} ${x.ms}`).join(', ')}`);
    console.log('   total (inclusive) ms, and when (ms from the first profile start: first – last sample):');
    for (const x of s.total.slice(0, TOP)) {
      const span = s.spans.get(x.fn);
      const when = span ? `${Math.round((span[0] - t0) / 1000)} – ${Math.round((span[1] - t0) / 1000)}` : '';
      console.log(`     ${String(x.ms).padStart(6)}  ${x.fn.padEnd(60)} ${when}`);
    }
    console.log('   self ms:');
    for (const x of s.self.slice(0, TOP)) console.log(`     ${String(x.ms).padStart(6)}  ${x.fn}`);
    console.log('   self ms by source line (the unminified build):');
    for (const x of s.lines) {
      const [file = '', line = '0'] = x.fn.split(':');
      const text = sourceLine(file, Number(line));
      console.log(`     ${String(x.ms).padStart(6)}  ${x.fn.padEnd(36)} ${text}`);
    }
  }
}

const dist = mkdtempSync(join(tmpdir(), 'aims-profile-dist-'));
/** @type {Map<string, string[]>} */
const sources = new Map();
/** A line (1-based) of a built script, trimmed to 110 characters. @param {string} file @param {number} line */
function sourceLine(file, line) {
  let text = sources.get(file);
  if (!text) {
    try {
      text = readFileSync(join(dist, 'assets', file), 'utf8').split('\n');
    } catch {
      text = [];
    }
    sources.set(file, text);
  }
  return (text[line - 1] ?? '').trim().slice(0, 110);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'aims-profile-work-'));
  await build({ root, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true, minify: false } });
  const [seedScript, floorScript, server] = await Promise.all([buildSeedScript(), buildSheetsFloorScript(), startPreview(dist)]);
  const browser = await chromium.launch({ executablePath, args });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('#main').first().waitFor();
    await page.evaluate(seedScript);
    const seeded = await page.evaluate((w) => /** @type {any} */ (window).__seed(w), WORKLOAD);
    const ws = seeded.workspaceId;
    await page.goto(`${server.url}#/w/${ws}/exchange`);
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
    console.log(`\nprofiles in ${OUT}`);
  } finally {
    await browser.close();
    server.stop();
    rmSync(dist, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
