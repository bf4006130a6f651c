import type { Page } from '@playwright/test';
import { createWorkspace, expect, test } from './fixtures';

/** The language switch in the header: its label is the same in both languages. */
const languageSelect = (page: Page) => page.getByLabel('Language / 语言');

test('switching the language keeps what was typed and leaves the keyboard on the language select', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Switch Co');
  await page.goto(page.url() + '/risks');
  await expect(page.getByRole('heading', { level: 1, name: 'AI risk register' })).toBeVisible();

  // Typed, not yet submitted: only the page holds it.
  const title = page.locator('#new-risk');
  await title.fill('Half-typed risk title');
  // The very element the user is on: a re-rendered page would put a new select in its place.
  await languageSelect(page).evaluate((el) => el.setAttribute('data-probe', 'the one the user used'));
  await languageSelect(page).focus();

  await languageSelect(page).selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: 'AI风险登记册' })).toBeVisible();
  await expect(page.getByLabel('新风险的标题')).toHaveValue('Half-typed risk title');
  await expect(page.locator('select[data-probe="the one the user used"]')).toBeFocused();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await languageSelect(page).selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'AI risk register' })).toBeVisible();
  await expect(page.getByLabel('Title of the new risk')).toHaveValue('Half-typed risk title');
  await expect(page.locator('select[data-probe="the one the user used"]')).toBeFocused();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
