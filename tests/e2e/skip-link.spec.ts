import type { Page } from '@playwright/test';
import { createWorkspace, expect, test } from './fixtures';

/**
 * "Skip to content" moves keyboard focus into the page's main region and leaves the address alone:
 * the hash is the route, so a link to #main used to send keyboard users to the workspaces page.
 */
async function skipFrom(page: Page, url: string): Promise<void> {
  await page.goto(url);
  // A fresh document, as after following a link from elsewhere: focus starts at the top.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  const where = url.split('#')[1] ?? '';
  expect(await page.locator('main').count(), `${where}: one main region`).toBe(1);
  expect(await page.locator('main#main').count(), `${where}: it is #main`).toBe(1);

  // The first Tab reaches the skip link; a page that put focus on its heading (a walkthrough item)
  // is left by Shift+Tab, back up to the top of the page.
  const skip = page.getByRole('link', { name: 'Skip to content' });
  const onSkip = () => page.evaluate(() => document.activeElement?.classList.contains('skip') ?? false);
  await page.keyboard.press('Tab');
  for (let i = 0; i < 200 && !(await onSkip()); i++) await page.keyboard.press('Shift+Tab');
  await expect(skip, where).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  expect(page.url(), `${where}: the route stays`).toBe(url);
  const focus = await page.evaluate(() => {
    const el = document.activeElement;
    return { inMain: el?.closest('main')?.id === 'main', tag: el?.tagName ?? '' };
  });
  expect(focus, `${where}: focus is in the main region`).toEqual({ inMain: true, tag: 'MAIN' });

  // The next Tab goes on from the main region (into it, or past it when it holds no control), never back to the top.
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => {
    const main = document.getElementById('main')!;
    const el = document.activeElement;
    const fromMain = (node: Element) => main.contains(node) || Boolean(main.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING);
    const controls = Array.from(document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])'));
    // Nothing to reach in or after main (the trash when it is empty): Tab wraps round, as it should.
    if (!controls.some((c) => fromMain(c) && !c.hasAttribute('disabled') && c.getClientRects().length > 0)) return true;
    return !!el && fromMain(el);
  });
  expect(next, `${where}: Tab continues from main`).toBe(true);
}

test('the skip link focuses the main region of every page and keeps the route', async ({ watched: { page } }) => {
  test.setTimeout(180_000);
  await page.goto('./');
  await skipFrom(page, page.url());
  await createWorkspace(page, 'Skip Co');
  const ws = page.url();

  await page.goto(ws + '/systems');
  await page.getByLabel('Name of the new AI system').fill('Claims triage');
  await page.getByRole('button', { name: 'Add AI system' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Claims triage' })).toBeVisible();
  const system = page.url();
  await page.getByRole('button', { name: 'Start an impact assessment' }).click();
  await expect(page).toHaveURL(/\/assessments\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const assessment = page.url();
  await page.goto(ws + '/risks');
  await page.getByLabel('Title of the new risk').fill('Unfair refusals');
  await page.getByRole('button', { name: 'Add risk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'R-001 Unfair refusals' })).toBeVisible();
  const risk = page.url();
  await page.goto(ws + '/controls');
  await page.getByLabel('Name of the new control').fill('Release checklist');
  await page.getByRole('button', { name: 'Add control' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Release checklist' })).toBeVisible();
  const control = page.url();
  await page.goto(ws + '/cycle/document');
  await page.locator('#new-document').fill('AI policy');
  await page.locator('#new-document').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /AI policy/ })).toBeVisible();
  const record = page.url();

  const pages = [
    ws,
    ws + '/item/6.1.2',
    ws + '/soa',
    ws + '/soa/print',
    ws + '/profile',
    ws + '/systems',
    system,
    ws + '/risks',
    risk,
    ws + '/risks/print',
    ws + '/criteria',
    ws + '/controls',
    control,
    ws + '/assessments',
    assessment,
    assessment + '/print',
    ws + '/exchange',
    ws + '/cycle',
    ws + '/cycle/document',
    record,
    ws + '/tasks',
    ws + '/readiness',
    ws + '/readiness/print',
    ws + '/history',
    ws + '/trash',
    ws + '/crosswalks',
  ];
  for (const url of pages) await skipFrom(page, url);
  await page.goto('./#/import');
  await skipFrom(page, page.url());
});
