// `node tests/bench/profile-risks.js`: where the risk list's and the dashboard's time goes with many
// risks (BENCH_PROFILE_RISKS, default 50,000, with 2,000 AI systems). Seeds the workload, then records
// CPU profiles (page and workers) of a reload of the risk list until the count shows, a search, a
// click on the Title header, and reloads of the dashboard until its risk tile shows (figures kept, one
// risk edited since, nothing kept). Prints the top functions per thread (lib/profile-common.js). Not part of `npm run bench`; no figure here is a
// benchmark result (the profiler slows everything down).
import { CpuRecorder } from './lib/cpu-profile.js';
import { buildSeedScript } from './lib/seed-bundle.js';
import { profileRun, seedWorkspace } from './lib/profile-common.js';
import { forgetKept, systemsFor } from './lib/risk-bench.js';

const RISKS = Number(process.env.BENCH_PROFILE_RISKS ?? 50_000);
const WORKLOAD = { seed: 42, aiSystems: systemsFor(RISKS), risks: RISKS, ownControls: 200, impactAssessments: 25 };
const TIMEOUT = 180_000;

async function main() {
  await profileRun('risks', async ({ browser, url, report }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const ws = await seedWorkspace(page, url, '__seed', WORKLOAD);
    const count = page.getByTestId('risk-count');
    // The count is grouped in the page's language ("50,000 of 50,000 risks").
    const n = `${RISKS}`.replace(/\B(?=(\d{3})+$)/g, "[,.\\u00a0\\u202f']?");
    const total = new RegExp(`^${n} of ${n}\\b`);
    await page.goto(`${url}#/w/${ws}/risks`);
    await count.filter({ hasText: total }).waitFor({ timeout: TIMEOUT });
    const rec = await CpuRecorder.attach(page);

    await rec.start();
    await page.reload();
    await count.filter({ hasText: total }).waitFor({ timeout: TIMEOUT });
    await page.waitForTimeout(300);
    report('reload risk list', await rec.stop());

    await rec.start();
    await page.getByLabel('Search risks').fill('drift');
    await count.filter({ hasNotText: total }).waitFor({ timeout: TIMEOUT });
    await page.waitForTimeout(300);
    report('filter', await rec.stop());
    await page.getByLabel('Search risks').fill('');
    await count.filter({ hasText: total }).waitFor({ timeout: TIMEOUT });

    await page.waitForTimeout(200);
    await rec.start();
    await page.getByRole('button', { name: 'Title', exact: true }).click();
    await page.locator('th[aria-sort="ascending"]').waitFor({ timeout: TIMEOUT });
    await page.waitForTimeout(300);
    report('sort by title', await rec.stop());

    await page.goto(`${url}#/w/${ws}`);
    await page.getByTestId('tile-risks').waitFor({ timeout: TIMEOUT });
    await rec.start();
    await page.reload();
    await page.getByTestId('tile-risks').waitFor({ timeout: TIMEOUT });
    await page.waitForTimeout(1000);
    report('reload dashboard', await rec.stop());

    await page.evaluate(await buildSeedScript());
    await page.evaluate((id) => /** @type {any} */ (window).__editRisk(id), ws);
    await rec.start();
    await page.reload();
    await page.getByTestId('tile-risks').waitFor({ timeout: TIMEOUT });
    await page.waitForTimeout(1000);
    report('reload dashboard after one risk was edited', await rec.stop());

    await page.evaluate(forgetKept, true);
    await rec.start();
    await page.reload();
    await page.getByTestId('tile-risks').waitFor({ timeout: TIMEOUT });
    await page.waitForTimeout(1000);
    report('reload dashboard with nothing kept', await rec.stop());
    await rec.detach();
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
