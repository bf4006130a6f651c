import { seriousViolations } from './axe';
import { workspaceWithEveryPage } from './every-page';
import { expect, test } from './fixtures';

/**
 * On a phone (390 px) and a tablet (768 px) no page scrolls sideways: wide tables scroll inside their
 * own box, the rest wraps. Each page is checked with a record in every register, and axe checks it
 * at that width too (the phone layout has its own controls: the menu button, the drawer, the cards).
 */
for (const width of [390, 768]) {
  test(`no page scrolls sideways at ${width} px and none has a serious accessibility violation there`, async ({ watched: { page } }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width, height: 844 });
    const { pages } = await workspaceWithEveryPage(page, 'Narrow Co');
    const wide: string[] = [];
    const axe: string[] = [];
    // The start page and the import page come before any workspace.
    const start = new URL('./', page.url()).href;
    for (const url of [start, `${start}#/import`, ...pages]) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      if (scroll > inner) wide.push(`${new URL(url).hash || 'start page'}: ${scroll} px`);
      for (const v of await seriousViolations(page)) axe.push(`${new URL(url).hash || 'start page'}: ${v}`);
    }
    expect(wide, 'pages wider than the screen').toEqual([]);
    expect(axe, 'serious accessibility violations').toEqual([]);
  });
}

test('on a phone the walkthrough’s item list is folded above the item until opened', async ({ watched: { page } }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { ws } = await workspaceWithEveryPage(page, 'Drawer Co');
  await page.goto(ws + '/item/6.1.2');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const items = page.getByRole('navigation', { name: 'Clauses and controls' });
  await expect(items).toBeHidden();
  await page.getByText('Clauses and controls', { exact: true }).click();
  await expect(items).toBeVisible();
  await items.getByRole('link', { name: /^A\.2\.2/ }).click();
  await expect(page).toHaveURL(/\/item\/A\.2\.2$/);
  // A wide screen shows the list beside the item, never folded.
  await page.setViewportSize({ width: 1366, height: 900 });
  await expect(page.getByRole('navigation', { name: 'Clauses and controls' })).toBeVisible();
});
