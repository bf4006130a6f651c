import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { createWorkspace, expect, settled, test } from './fixtures';

/** Resolves once the service worker is active, has precached the build and controls the page. */
async function controlledBySw(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

test('after the first visit the app loads, reloads and saves with the network off', async ({ watched: { page }, context }) => {
  await createWorkspace(page, 'Offline Ltd');
  await controlledBySw(page);
  const [cache] = await cacheNames(page);
  expect(cache).toMatch(/^aims-workbench-[0-9a-f]{16}$/);
  const ws = page.url();

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard — Offline Ltd' })).toBeVisible();

  // A lazy page (its chunk was never loaded online in this context), then an edit.
  await page.goto(`${ws}/profile`);
  await expect(page.getByRole('heading', { level: 1, name: 'Organization profile' })).toBeVisible();
  await page.getByLabel('Sector').fill('Logistics, offline');
  await settled(page);
  await page.goto(`${ws}/risks`);
  await expect(page.getByRole('heading', { level: 1, name: 'AI risk register' })).toBeVisible();
  // The walkthrough's guidance is a lazy chunk of its own, never loaded online in this context: precached too.
  await page.goto(`${ws}/item/6.1.3`);
  await expect(page.getByRole('region', { name: 'What it asks, plainly' })).toContainText('reason for including each one');

  await page.goto(`${ws}/profile`);
  await page.reload();
  await expect(page.getByLabel('Sector')).toHaveValue('Logistics, offline');
  await expect(page.getByRole('status').filter({ hasText: 'A new version is available' })).toHaveCount(0);
  await context.setOffline(false);
});

test('a new version waits for the user: a banner offers Reload, which activates it', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Update Ltd');
  await controlledBySw(page);
  const [oldCache] = await cacheNames(page);
  const oldVersion = oldCache!.replace('aims-workbench-', '');

  // A new build is deployed: the server now answers with a worker of another version (same files).
  // Playwright cannot route the browser's own service-worker script fetch, so the test rewrites the
  // served file (vite preview serves dist/ from disk) and restores it at the end.
  const swFile = process.env.E2E_OUTDIR ? join(process.env.E2E_OUTDIR, 'sw.js') : fileURLToPath(new URL('../../dist/sw.js', import.meta.url));
  const original = readFileSync(swFile, 'utf8');
  expect(original).toContain(`"version":"${oldVersion}"`);
  const newVersion = `${oldVersion}-next`;
  writeFileSync(swFile, original.replace(`"version":"${oldVersion}"`, `"version":"${newVersion}"`));
  try {
    await applyUpdate(page, oldVersion, newVersion);
  } finally {
    writeFileSync(swFile, original);
  }
});

async function applyUpdate(page: Page, oldVersion: string, newVersion: string): Promise<void> {
  // Someone is typing in a form when the update arrives: nothing switches under them.
  await page.getByRole('link', { name: 'Organization' }).first().click();
  await page.getByLabel('Sector').fill('Half-typed');
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration!.update();
  });
  const banner = page.getByRole('status').filter({ hasText: 'A new version is available.' });
  await expect(banner).toBeVisible();
  await expect(page.getByLabel('Sector')).toHaveValue('Half-typed');
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r?.waiting)))).toBe(true);
  expect((await cacheNames(page)).sort()).toEqual([`aims-workbench-${oldVersion}`, `aims-workbench-${newVersion}`].sort());
  await settled(page);

  // Keyboard: the button is reachable and Enter applies the update; the page reloads once.
  let loads = 0;
  page.on('load', () => (loads += 1));
  const reload = banner.getByRole('button', { name: 'Reload' });
  await reload.focus();
  const reloaded = page.waitForEvent('load');
  await page.keyboard.press('Enter');
  await reloaded;
  await expect(page.getByLabel('Sector')).toHaveValue('Half-typed');
  await expect(banner).toHaveCount(0);
  await expect.poll(() => cacheNames(page)).toEqual([`aims-workbench-${newVersion}`]);
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => [Boolean(r?.waiting), Boolean(r?.active)]))).toEqual([false, true]);
  await page.waitForTimeout(500);
  expect(loads).toBe(1);
}
