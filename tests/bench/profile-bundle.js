// `node tests/bench/profile-bundle.js`: where the bundle benchmark's time goes. Builds the app without
// minification (readable function names) into a temporary directory, seeds the bundle workload
// (10,000 risks, 2,000 other records, 200 files of 100 MiB), then records CPU profiles (DevTools
// Profiler, page and bundle worker) of one export through the UI and of one import as a new
// workspace (check, then write). For each thread it prints the top functions, and for the page every
// stretch of work over 50 ms (a long task, as the profile sees it) with the functions that filled it.
// The .cpuprofile files go to BENCH_PROFILE_DIR (default a temporary directory). Not part of
// `npm run bench`; no figure here is a benchmark result (the profiler slows everything down).
// BENCH_PROFILE_PART=export or =import profiles one part.
import { join } from 'node:path';
import { BUNDLE_WORKLOAD } from './lib/bundle-bench.js';
import { CpuRecorder } from './lib/cpu-profile.js';
import { installLongTaskObserver } from './lib/in-page.js';
import { profileRun, seedWorkspace } from './lib/profile-common.js';

const PART = process.env.BENCH_PROFILE_PART ?? '';
const LONG_MS = 50;

/** @typedef {import('./lib/cpu-profile.js').Profile} Profile */

/**
 * Stretches of the profile with no idle sample for more than LONG_MS, each with the functions on
 * the most samples' stacks (inclusive) and with the most self time.
 * @param {Profile} p
 */
function longStretches(p) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (/** @type {number} */ id) => {
    const f = byId.get(id)?.callFrame;
    if (!f) return '?';
    return `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}` : ''}`.trim();
  };
  /** @type {{ start: number, end: number, samples: number[] }[]} */
  const out = [];
  let t = p.startTime;
  /** @type {{ start: number, end: number, samples: number[] } | null} */
  let cur = null;
  p.samples.forEach((id, i) => {
    t += p.timeDeltas[i] ?? 0;
    const idle = name(id) === '(idle)';
    if (idle) {
      if (cur && cur.end - cur.start > LONG_MS * 1000) out.push(cur);
      cur = null;
    } else if (!cur) cur = { start: t, end: t, samples: [id] };
    else {
      cur.end = t;
      cur.samples.push(id);
    }
  });
  // (TypeScript does not see the callback above assign it.)
  const last = /** @type {{ start: number, end: number, samples: number[] } | null} */ (/** @type {unknown} */ (cur));
  if (last && last.end - last.start > LONG_MS * 1000) out.push(last);
  return out.map((s) => {
    /** @type {Map<string, number>} */
    const total = new Map();
    /** @type {Map<string, number>} */
    const self = new Map();
    for (const id of s.samples) {
      self.set(name(id), (self.get(name(id)) ?? 0) + 1);
      const seen = new Set();
      for (let n = /** @type {number | undefined} */ (id); n !== undefined; n = parent.get(n)) {
        const k = name(n);
        if (seen.has(k)) continue;
        seen.add(k);
        total.set(k, (total.get(k) ?? 0) + 1);
      }
    }
    const ms = (s.end - s.start) / 1000;
    const per = ms / s.samples.length;
    const top = (/** @type {Map<string, number>} */ m, /** @type {number} */ n) =>
      [...m.entries()]
        .filter(([k]) => k !== '(root)')
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, v]) => `${Math.round(v * per)} ${k}`);
    return { at: Math.round((s.start - p.startTime) / 1000), ms: Math.round(ms), total: top(total, 14), self: top(self, 8) };
  });
}

/**
 * A recording's report, headed by the long tasks the page's own observer saw; for the page, every
 * stretch of work over LONG_MS with the functions that filled it.
 * @param {number[]} longTasks
 * @returns {import('./lib/profile-common.js').ReportOptions}
 */
const withLongTasks = (longTasks) => ({
  intro: `long tasks seen by the page's observer (ms): ${longTasks.join(', ') || 'none'}`,
  more: ({ thread, profile }) => {
    if (thread !== 'page') return;
    for (const st of longStretches(profile)) {
      console.log(`   busy ${st.ms} ms at +${st.at} ms; inclusive: ${st.total.join(' | ')}`);
      console.log(`      self: ${st.self.join(' | ')}`);
    }
  },
});

/** @param {import('@playwright/test').Page} page @param {number} t0 */
const longTasksSince = (page, t0) =>
  page.evaluate((since) => {
    /** @type {{ start: number, duration: number }[]} */
    const all = /** @type {any} */ (window).__longTasks ?? [];
    return all.filter((e) => e.start >= since).map((e) => Math.round(e.duration));
  }, t0);

async function main() {
  await profileRun('bundle', async ({ browser, url, work, report }) => {
    const newPage = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      await context.addInitScript(installLongTaskObserver);
      return context.newPage();
    };
    const page = await newPage();
    const ws = await seedWorkspace(page, url, '__seedBundle', BUNDLE_WORKLOAD);
    await page.goto(`${url}#/w/${ws}/exchange`);
    const exportButton = page.getByRole('form', { name: 'Export a bundle' }).getByRole('button', { name: 'Export', exact: true });
    await exportButton.waitFor({ timeout: 60_000 });
    const rec = await CpuRecorder.attach(page);
    const bundle = join(work, 'bundle.aims.zip');
    // A warm-up export (HTTP and code caches; it also gives the file to import), then the profiled one.
    for (const profiled of PART === 'import' ? [false] : [false, true]) {
      await page.waitForTimeout(500);
      if (profiled) await rec.start();
      const t0 = await page.evaluate(() => performance.now());
      const downloading = page.waitForEvent('download', { timeout: 240_000 });
      await exportButton.click();
      const download = await downloading;
      if (!profiled) await download.saveAs(bundle);
      await page.getByTestId('export-status').filter({ hasText: 'Saved' }).waitFor({ timeout: 240_000 });
      await page.waitForTimeout(1000);
      if (profiled) report('export', await rec.stop(), withLongTasks(await longTasksSince(page, t0)));
    }
    await rec.detach();
    await page.context().close();
    if (PART === 'export') return;

    const p = await newPage();
    await p.goto(`${url}#/import`);
    const fileInput = p.getByLabel('Bundle file (.zip or encrypted .enc)');
    await fileInput.waitFor({ timeout: 60_000 });
    await fileInput.setInputFiles(bundle);
    await p.waitForTimeout(500);
    const r2 = await CpuRecorder.attach(p);
    await r2.start();
    let t0 = await p.evaluate(() => performance.now());
    await p.getByRole('button', { name: 'Check the file' }).click();
    await p.getByTestId('import-summary').waitFor({ timeout: 240_000 });
    await p.waitForTimeout(1500);
    report('import check', await r2.stop(), withLongTasks(await longTasksSince(p, t0)));
    await r2.start();
    t0 = await p.evaluate(() => performance.now());
    await p.getByRole('button', { name: 'Import', exact: true }).click();
    await p.locator('[data-testid="tile-soa"]').waitFor({ timeout: 240_000 });
    await p.waitForTimeout(2500);
    report('import write', await r2.stop(), withLongTasks(await longTasksSince(p, t0)));
    await r2.detach();
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
