import type { Locator, Page } from '@playwright/test';
import { createWorkspace, expect, settled, test } from './fixtures';

/**
 * The risk register draws only the rows in view (and a few around them). A keyboard user on a row's
 * link kept losing their place: scrolling the box (the wheel, PageDown) took the focused row out of
 * the page and the focus fell to the page's body. The focused row now stays drawn while it has the
 * focus, Tab goes on to the next row, and the keys scroll the box.
 */

const COUNT = 300;

/** A workspace with COUNT risks, imported from a CSV through the mapping wizard. */
async function manyRisks(page: Page): Promise<string> {
  await createWorkspace(page, 'Long Register Co');
  const ws = page.url();
  await page.goto(ws + '/exchange');
  const wizard = page.getByTestId('mapping-wizard');
  const csv = ['Title', ...Array.from({ length: COUNT }, (_, i) => `Risk number ${i + 1}`)].join('\n');
  await wizard.getByLabel('Import into').selectOption('risks');
  await wizard
    .getByLabel('Your own spreadsheet (.xlsx, .xls, .ods or .csv)')
    .setInputFiles({ name: 'risks.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await wizard.getByRole('button', { name: 'Read the file' }).click();
  await expect(wizard.getByRole('heading', { level: 3, name: 'Sheet and header row' })).toBeFocused();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByLabel('Field for column Title')).toHaveValue('title');
  for (let step = 0; step < 3; step++) {
    const go = wizard.getByRole('button', { name: `Import ${COUNT} risks` });
    if (await go.isVisible()) break;
    await wizard.getByRole('button', { name: 'Next' }).click();
  }
  await wizard.getByRole('button', { name: `Import ${COUNT} risks` }).click();
  await expect(wizard.getByText(`Risks imported into the risk register: ${COUNT}.`)).toBeVisible();
  await settled(page);
  await page.goto(ws + '/risks');
  await expect(page.getByTestId('risk-count')).toHaveText(`${COUNT} of ${COUNT} risks`);
  return ws;
}

const scrollTop = (box: Locator) => box.evaluate((el) => el.scrollTop);
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? null);

test('a focused row keeps the focus while the register scrolls, Tab goes on to the next row, and the keys scroll the box', async ({ watched: { page } }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 800 });
  await manyRisks(page);
  const box = page.getByRole('region', { name: 'Risk register' });
  const register = page.getByRole('table', { name: 'Risk register' });

  // Tab from the scroll box past the sort buttons into the first row's link.
  await box.focus();
  for (let i = 0; i < 20 && (await focusedText(page)) !== 'R-001'; i++) await page.keyboard.press('Tab');
  const first = register.getByRole('link', { name: 'R-001', exact: true });
  await expect(first).toBeFocused();

  // PageDown and the wheel scroll the box far past the drawn rows; the link keeps the focus.
  for (let i = 0; i < 8; i++) await page.keyboard.press('PageDown');
  await expect.poll(() => scrollTop(box)).toBeGreaterThan(2_000);
  await expect(register.getByRole('link', { name: 'R-001', exact: true })).toBeFocused();
  const box0 = (await box.boundingBox())!;
  await page.mouse.move(box0.x + box0.width / 2, box0.y + box0.height / 2);
  await page.mouse.wheel(0, 3_000);
  await expect.poll(() => scrollTop(box)).toBeGreaterThan(4_000);
  // The drawn rows are far down the register, the focused one apart from them at the top.
  await expect
    .poll(() =>
      register.evaluate((t) => Math.max(...Array.from(t.querySelectorAll('tbody tr[aria-rowindex]'), (r) => Number(r.getAttribute('aria-rowindex'))))),
    )
    .toBeGreaterThan(100);
  await expect(first).toBeFocused();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);

  // Tab goes on from where the focus is: the row's title, then the next row, scrolled back into view.
  await page.keyboard.press('Tab');
  await expect(register.getByRole('link', { name: 'Risk number 1', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  const second = register.getByRole('link', { name: 'R-002', exact: true });
  await expect(second).toBeFocused();
  await expect(second).toBeInViewport();
  await page.keyboard.press('Shift+Tab');
  await expect(register.getByRole('link', { name: 'Risk number 1', exact: true })).toBeFocused();

  // On the scroll box itself, End, Home, PageDown and the arrows scroll it.
  await box.focus();
  await page.keyboard.press('End');
  await expect(register.getByRole('link', { name: `R-${COUNT}`, exact: true })).toBeInViewport();
  await page.keyboard.press('Home');
  await expect.poll(() => scrollTop(box)).toBe(0);
  await page.keyboard.press('PageDown');
  await expect.poll(() => scrollTop(box)).toBeGreaterThan(200);
  const paged = await scrollTop(box);
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => scrollTop(box)).toBeGreaterThan(paged);
  await page.keyboard.press('PageUp');
  await expect.poll(() => scrollTop(box)).toBeLessThan(paged);
  await expect(box).toBeFocused();
});
