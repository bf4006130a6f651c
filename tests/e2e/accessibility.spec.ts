import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { workspaceWithEveryPage } from './every-page';
import { createWorkspace, expect, test } from './fixtures';
import { cycleKindNames } from '../../src/domain/cycle/kind-names';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page (injected over the DevTools protocol, so the app's CSP stays strict). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`main pages have no serious accessibility violations (${scheme})`, async ({ watched: { page } }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('./');
    expect(await seriousViolations(page)).toEqual([]);
    await createWorkspace(page, 'Axe Co');
    expect(await seriousViolations(page)).toEqual([]);
    const ws = page.url();
    for (const path of ['/item/4.1', '/item/A.6.2.4', '/soa', '/profile']) {
      await page.goto(ws + path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`management-system pages have no serious accessibility violations (${scheme})`, async ({ watched: { page } }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await createWorkspace(page, 'Axe Cycle Co');
    const ws = page.url();
    for (const path of ['/cycle', '/tasks', '/readiness', ...cycleKindNames.map((k) => `/cycle/${k}`)]) {
      await page.goto(ws + path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await seriousViolations(page), path).toEqual([]);
    }
    // Record editors with nested rows, a chart, the scope builder and related records.
    for (const [kind, title] of [
      ['review', 'Annual review'],
      ['audit', 'Q1 audit'],
      ['metric', 'Drift alerts'],
      ['scope', 'AIMS scope'],
      ['nonconformity', 'Late review'],
    ] as const) {
      await page.goto(`${ws}/cycle/${kind}`);
      await page.locator(`#new-${kind}`).fill(title);
      await page.locator(`#new-${kind}`).press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: new RegExp(title) })).toBeVisible();
      const add = page.getByRole('button', { name: /^Add a row to/ }).first();
      if (await add.count()) await add.click();
      expect(await seriousViolations(page), kind).toEqual([]);
    }
  });
}

test('every page of the app, with a record in each register, has no serious accessibility violations and asks nothing of another origin', async ({
  watched: { page, foreign },
}) => {
  await page.goto('./');
  expect(await seriousViolations(page), 'start page').toEqual([]);
  await page.goto('./#/import');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await seriousViolations(page), 'import page').toEqual([]);
  const { ws, pages } = await workspaceWithEveryPage(page, 'Every Page Co');
  for (const url of pages) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    expect(await seriousViolations(page), url.slice(ws.length) || 'dashboard').toEqual([]);
  }
  expect(foreign).toEqual([]);
});

test('the page declares its language', async ({ watched: { page } }) => {
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
