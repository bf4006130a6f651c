import type { Page } from '@playwright/test';
import { createWorkspace, expect, test } from './fixtures';

/** A sentence of the English guidance on 6.1.3 (catalog/iso42001/en.json), which only the item page shows. */
const GUIDANCE = 'with the reason for including each one and for excluding any Annex A control';

/** Every JavaScript file the page fetched from now on, with its text. */
function scriptsFetched(page: Page): Promise<string>[] {
  const texts: Promise<string>[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) texts.push(r.text().catch(() => ''));
  });
  return texts;
}

test('the start page and the dashboard fetch no catalog guidance; the item page fetches it and shows it', async ({ watched: { page } }) => {
  const texts = scriptsFetched(page);
  await createWorkspace(page, 'Lean Start Ltd');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard — Lean Start Ltd' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Clauses 4–10' })).toBeVisible();
  const atStart = await Promise.all(texts);
  expect(atStart.length).toBeGreaterThan(0);
  expect(atStart.filter((t) => t.includes(GUIDANCE)).length, 'scripts fetched at start that hold the guidance').toBe(0);

  await page.goto(page.url().replace(/\/?$/, '/item/6.1.3'));
  await expect(page.getByRole('heading', { level: 1, name: '6.1.3 AI risk treatment' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'What it asks, plainly' })).toContainText(GUIDANCE);
  expect((await Promise.all(texts)).filter((t) => t.includes(GUIDANCE))).toHaveLength(1);
});
