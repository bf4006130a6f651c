import { workspaceWithEveryPage } from './every-page';
import { expect, test } from './fixtures';

/**
 * Dates keep the browser's picker, but the app writes them in its own language: under each date field,
 * and wherever a page shows a date (lists, summaries, history), never as yyyy-mm-dd.
 */
test('dates show in the UI’s language under their pickers and on every page, never as yyyy-mm-dd', async ({ watched: { page } }) => {
  test.setTimeout(180_000);
  const { pages } = await workspaceWithEveryPage(page, 'Dates Co');
  const risk = pages.find((u) => /\/risks\/[0-9a-f-]{20,}$/.test(u))!;
  await page.goto(risk);
  const due = page.getByLabel('Next review', { exact: true });
  await due.fill('2026-12-07');
  const text = page.getByTestId('date-text').filter({ hasText: 'Dec 7, 2026' });
  await expect(text).toHaveCount(1);
  await expect(due).toHaveAccessibleDescription(/Dec 7, 2026/);
  await page.getByLabel('Language / 语言').selectOption('zh-CN');
  await expect(page.getByTestId('date-text').filter({ hasText: '2026年12月7日' })).toHaveCount(1);
  await page.getByLabel('Language / 语言').selectOption('en');
  await expect(text).toHaveCount(1);

  const iso: string[] = [];
  for (const url of pages) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
    const shown = await page.evaluate(() => document.body.innerText);
    for (const m of shown.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? []) iso.push(`${new URL(url).hash}: ${m}`);
  }
  expect(iso, 'dates shown as yyyy-mm-dd').toEqual([]);
});
