import type { Page } from '@playwright/test';
import { workspaceWithEveryPage } from './every-page';
import { expect, test } from './fixtures';

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
  const { pages } = await workspaceWithEveryPage(page, 'Skip Co');
  for (const url of pages) await skipFrom(page, url);
  await page.goto('./#/import');
  await skipFrom(page, page.url());
});
