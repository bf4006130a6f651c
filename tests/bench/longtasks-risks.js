// `node tests/bench/longtasks-risks.js`: what the page's tasks over 50 ms are made of on the risk list and
// the dashboard, for the bench's measures (open, reload, typing, dashboard reloads). Seeds the workload
// (BENCH_PROFILE_RISKS, default 1,000), records a Chromium trace of each measure and prints, for every
// main-thread task over BENCH_LONG_MS (default 40) ms, its time by trace event (script, style, layout, GC…)
// and its JS functions by self time. BENCH_DIST serves a built app (default: an unminified build of the
// working tree, for readable names); BENCH_ROUNDS repeats the measures. Not a benchmark (tracing slows it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { args, executablePath } from './lib/chromium.js';
import { seedWorkspace } from './lib/profile-common.js';
import { buildSeedScript } from './lib/seed-bundle.js';
import { startPreview } from './lib/server.js';

/** The AI systems the bench seeds with a number of risks (lib/risk-bench.js). @param {number} risks */
const systemsFor = (risks) => (risks > 10_000 ? 2_000 : 500);
const RISKS = Number(process.env.BENCH_PROFILE_RISKS ?? 1_000);
const LONG_MS = Number(process.env.BENCH_LONG_MS ?? 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const TIMEOUT = 180_000;
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'v8.execute',
  'v8',
  'blink',
  'loading',
  'disabled-by-default-v8.cpu_profiler',
].join(',');

/** @param {string} title @param {any[] & { startTs?: number }} events */
function analyse(title, events) {
  const main = events.find(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'RunTask' && x.dur > 1000),
  );
  if (!main) return console.log(`${title}: no renderer main thread`);
  const on = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number');
  const all = on.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').filter((e) => e.dur >= LONG_MS * 1000);
  // A task traced as both RunTask and ThreadControllerImpl::RunTask: keep the outer one.
  const tasks = all.filter(
    (t) => !all.some((o) => o !== t && o.ts <= t.ts && o.ts + o.dur >= t.ts + t.dur && (o.dur > t.dur || o.ts < t.ts || all.indexOf(o) < all.indexOf(t))),
  );
  const samples = cpuSamples(events, main.pid, main.tid);
  console.log(`\n=== ${title}: ${tasks.length} task(s) ≥ ${LONG_MS} ms ===`);
  for (const task of tasks) {
    const end = task.ts + task.dur;
    const inside = on.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= end);
    // Self time per event name: each event's duration less its direct children's.
    inside.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    /** @type {Map<string, number>} */
    const self = new Map();
    /** @type {any[]} */
    const stack = [];
    for (const e of inside) {
      while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) self.set(label(parent), (self.get(label(parent)) ?? 0) - e.dur);
      self.set(label(e), (self.get(label(e)) ?? 0) + e.dur);
      stack.push(e);
    }
    const byEvent = [...self].filter(([, us]) => us > 1500).sort((a, b) => b[1] - a[1]);
    console.log(`\n task ${Math.round(task.dur / 1000)} ms at +${Math.round((task.ts - (events.startTs ?? 0)) / 1000)} ms`);
    console.log(`   events (self ms): ${byEvent.map(([n, us]) => `${n} ${Math.round(us / 1000)}`).join(', ')}`);
    /** @type {Map<string, number>} */
    const fns = new Map();
    for (const s of samples) if (s.ts >= task.ts && s.ts <= end) fns.set(s.fn, (fns.get(s.fn) ?? 0) + s.dt);
    const top = [...fns].sort((a, b) => b[1] - a[1]).slice(0, 14);
    console.log(`   js self ms: ${top.map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`).join(', ')}`);
  }
}

/** @param {any} e */
function label(e) {
  if (e.name === 'EvaluateScript' || e.name === 'v8.compile' || e.name === 'v8.compileModule')
    return `${e.name}(${short(e.args?.data?.url ?? e.args?.fileName ?? '')})`;
  if (e.name === 'FunctionCall') return `FunctionCall(${e.args?.data?.functionName || short(e.args?.data?.url ?? '')})`;
  if (e.name === 'EventDispatch' || e.name === 'TimerFire') return `${e.name}(${e.args?.data?.type ?? ''})`;
  return e.name;
}
const short = (/** @type {string} */ u) =>
  u
    .split('/')
    .pop()
    ?.replace(/-[\w-]{8}\.js$/, '') ?? u;

/** The CPU profiler's samples on one thread, each with its leaf function and the time it stands for. */
function cpuSamples(/** @type {any[]} */ events, /** @type {number} */ pid, /** @type {number} */ tid) {
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (!profile) return [];
  /** @type {Map<number, string>} */
  const nodes = new Map();
  /** @type {{ ts: number, fn: string, dt: number }[]} */
  const out = [];
  let ts = profile.args.data.startTime;
  for (const c of events.filter((e) => e.name === 'ProfileChunk' && e.id === profile.id && e.pid === pid)) {
    const d = c.args.data;
    for (const n of d.cpuProfile?.nodes ?? []) {
      const cf = n.callFrame;
      nodes.set(n.id, `${cf.functionName || '(anon)'}${cf.url ? `@${short(cf.url)}:${cf.lineNumber + 1}` : ''}`);
    }
    const s = d.cpuProfile?.samples ?? [];
    const dts = d.timeDeltas ?? [];
    for (let i = 0; i < s.length; i++) {
      ts += dts[i] ?? 0;
      out.push({ ts, fn: nodes.get(s[i]) ?? '?', dt: dts[i + 1] ?? 0 });
    }
  }
  return out;
}

/**
 * @param {import('@playwright/test').Browser} browser @param {import('@playwright/test').Page} page
 * @param {string} title @param {() => Promise<unknown>} act
 */
async function traced(browser, page, title, act) {
  await browser.startTracing(page, { categories: CATEGORIES.split(',') });
  const t0 = Date.now();
  await act();
  const buf = await browser.stopTracing();
  /** @type {{ traceEvents: any[] & { startTs?: number } }} */
  const { traceEvents } = JSON.parse(buf.toString());
  traceEvents.startTs = Math.min(...traceEvents.filter((/** @type {any} */ e) => e.ts > 0 && e.name === 'RunTask').map((/** @type {any} */ e) => e.ts));
  analyse(`${title} (${Date.now() - t0} ms wall)`, traceEvents);
}

async function main() {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  let dist = process.env.BENCH_DIST;
  const own = !dist;
  if (!dist) {
    dist = mkdtempSync(join(tmpdir(), 'aims-longtasks-dist-'));
    await build({ root, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true, minify: false } });
  }
  const server = await startPreview(dist);
  const browser = await chromium.launch({ executablePath, args });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const seedScript = await buildSeedScript();
    const ws = await seedWorkspace(page, server.url, '__seed', {
      seed: 42,
      aiSystems: systemsFor(RISKS),
      risks: RISKS,
      ownControls: 200,
      impactAssessments: 25,
    });
    const rowsIn = page.locator('[data-testid="risk-count"]:not([data-loading])');
    const tile = page.getByTestId('tile-risks');
    await page.goto(`${server.url}#/w/${ws}/risks`);
    await rowsIn.waitFor({ timeout: TIMEOUT });
    for (let r = 0; r < ROUNDS; r++) {
      await page.evaluate((h) => (location.hash = h), `#/w/${ws}/profile`);
      await page.getByRole('table', { name: 'Risk register' }).waitFor({ state: 'detached' });
      await page.waitForTimeout(300);
      await traced(browser, page, 'open (profile → risks, every row in)', async () => {
        await page.evaluate((h) => (location.hash = h), `#/w/${ws}/risks`);
        await rowsIn.waitFor({ timeout: TIMEOUT });
        await page.waitForTimeout(300);
      });
      const search = page.getByLabel('Search risks').first();
      await search.focus();
      await traced(browser, page, 'type "drift"', async () => {
        await search.pressSequentially('drift');
        await page.waitForTimeout(600);
      });
      await search.fill('');
      await page.waitForTimeout(300);
      await traced(browser, page, 'reload risks (every row in)', async () => {
        await page.reload();
        await rowsIn.waitFor({ timeout: TIMEOUT });
        await page.waitForTimeout(300);
      });
      await page.evaluate((h) => (location.hash = h), `#/w/${ws}`);
      await tile.waitFor({ timeout: TIMEOUT });
      await traced(browser, page, 'dashboard reload', async () => {
        await page.reload();
        await tile.waitFor({ timeout: TIMEOUT });
        await page.waitForTimeout(1000);
      });
      // A change since the last visit: one risk edited through the app's database class, as the bench does (the seed script defines
      // __editRisk again on the reloaded page).
      await page.evaluate(seedScript);
      await page.evaluate((id) => /** @type {any} */ (window).__editRisk(id), ws);
      await traced(browser, page, 'dashboard reload after a change', async () => {
        await page.reload();
        await tile.waitFor({ timeout: TIMEOUT });
        await page.waitForTimeout(1000);
      });
      await page.evaluate((h) => (location.hash = h), `#/w/${ws}/risks`);
      await rowsIn.waitFor({ timeout: TIMEOUT });
    }
  } finally {
    await browser.close();
    server.stop();
    if (own) rmSync(dist, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
