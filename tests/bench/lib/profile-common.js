// What the CPU profile scripts (tests/bench/profile-bundle.js, profile-sheets.js) share: an
// unminified build (readable function names) in a temporary directory, served and opened in
// Chromium; seeding a workload; and the report of a recording (top functions per thread, written
// as .cpuprofile files to open in Chrome DevTools → Performance). Environment: BENCH_PROFILE_DIR
// (where the profiles go; default a temporary directory), BENCH_PROFILE_TOP (functions listed,
// default 25), CHROMIUM_PATH.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { summarizeProfile } from './cpu-profile.js';
import { buildSeedScript } from './seed-bundle.js';
import { startPreview } from './server.js';
import { args, executablePath } from './chromium.js';

/** @typedef {import('./cpu-profile.js').Profile} Profile */
/** @typedef {{ thread: string, profile: Profile }} ThreadProfile */
/** @typedef {{ intro?: string, more?: (t: ThreadProfile) => void }} ReportOptions a line under the title; what to print after a thread's functions */

const root = fileURLToPath(new URL('../../../', import.meta.url));
const TOP = Number(process.env.BENCH_PROFILE_TOP ?? 25);

/**
 * Builds the app unminified, serves it and launches Chromium; `run` gets them with a fresh working
 * directory, and everything is removed and stopped after it, whether it succeeded or not.
 * @param {string} name the profiles' directory prefix (aims-<name>-profiles-…)
 * @param {(env: { browser: import('@playwright/test').Browser, url: string, work: string, out: string, report: (title: string, profiles: ThreadProfile[], opts?: ReportOptions) => void }) => Promise<void>} run
 */
export async function profileRun(name, run) {
  const out = process.env.BENCH_PROFILE_DIR ?? mkdtempSync(join(tmpdir(), `aims-${name}-profiles-`));
  mkdirSync(out, { recursive: true });
  const dist = mkdtempSync(join(tmpdir(), 'aims-profile-dist-'));
  const work = mkdtempSync(join(tmpdir(), 'aims-profile-work-'));
  try {
    await build({ root, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true, minify: false } });
    const server = await startPreview(dist);
    try {
      const browser = await chromium.launch({ executablePath, args });
      try {
        const lines = sourceLines(dist);
        await run({ browser, url: server.url, work, out, report: (title, profiles, opts) => report(out, lines, title, profiles, opts) });
        console.log(`\nprofiles in ${out}`);
      } finally {
        await browser.close();
      }
    } finally {
      server.stop();
    }
  } finally {
    rmSync(dist, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Opens the app, seeds a workload with the bench's seed script and returns the new workspace's id.
 * @param {import('@playwright/test').Page} page @param {string} url
 * @param {'__seed' | '__seedBundle'} seeder @param {unknown} workload
 * @returns {Promise<string>}
 */
export async function seedWorkspace(page, url, seeder, workload) {
  const seedScript = await buildSeedScript();
  await page.goto(url);
  await page.locator('#main').first().waitFor();
  await page.evaluate(seedScript);
  const seeded = await page.evaluate(([fn, w]) => /** @type {any} */ (window)[fn](w), /** @type {const} */ ([seeder, workload]));
  return seeded.workspaceId;
}

/** A line (1-based) of a built script, trimmed to 110 characters. @param {string} dist */
function sourceLines(dist) {
  /** @type {Map<string, string[]>} */
  const sources = new Map();
  return (/** @type {string} */ file, /** @type {number} */ line) => {
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
  };
}

/**
 * Writes each thread's profile and prints its top functions (inclusive, with when they ran; self;
 * self by source line), then whatever `more` adds for that thread.
 * @param {string} out @param {(file: string, line: number) => string} sourceLine
 * @param {string} title @param {ThreadProfile[]} profiles @param {ReportOptions} [opts]
 */
function report(out, sourceLine, title, profiles, { intro, more } = {}) {
  console.log(`\n=== ${title} ===`);
  if (intro) console.log(intro);
  const t0 = Math.min(...profiles.map((p) => p.profile.startTime));
  for (const tp of profiles) {
    const { thread, profile } = tp;
    const file = join(out, `${title.replace(/\W+/g, '-')}-${thread.replace(/\W+/g, '-')}.cpuprofile`);
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
      const [name = '', line = '0'] = x.fn.split(':');
      console.log(`     ${String(x.ms).padStart(6)}  ${x.fn.padEnd(36)} ${sourceLine(name, Number(line))}`);
    }
    more?.(tp);
  }
}
