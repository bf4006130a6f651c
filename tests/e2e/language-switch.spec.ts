import type { Page } from '@playwright/test';
import { createWorkspace, expect, test } from './fixtures';
import { workspaceWithEveryPage } from './every-page';
import { core as enCore } from '../../src/i18n/en/core';
import { core as zhCore } from '../../src/i18n/zh-CN/core';

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

/** What a person reads on the page: its visible text, the names given to controls, the tab's title. */
const reading = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const named = Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]')).map((el) =>
      ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? '').join(' | '),
    );
    return [`title: ${document.title}`, `lang: ${document.documentElement.lang}`, ...document.body.innerText.split('\n').filter((l) => l.trim()), ...named];
  });

/** The page once it stops changing (its lazy parts loaded). */
async function settledReading(page: Page): Promise<string[]> {
  let last: string[] = [];
  await expect
    .poll(async () => {
      const before = last;
      await page.waitForTimeout(300);
      last = await reading(page);
      return JSON.stringify(last) === JSON.stringify(before);
    })
    .toBe(true);
  return last;
}

/** The main menu as the catalogue of that language words it, in its order (grouped: overview, requirements, AI systems and risks, management system, workspace). */
const MENU = [
  'nav.dashboard',
  'nav.readiness',
  'nav.tasks',
  'nav.walkthrough',
  'nav.soa',
  'nav.crosswalks',
  'nav.systems',
  'nav.criteria',
  'nav.risks',
  'nav.assessments',
  'nav.controls',
  'nav.cycle',
  'nav.profile',
  'nav.exchange',
  'nav.history',
  'nav.trash',
  'nav.workspaces',
] as const;

async function switchTo(page: Page, l: 'en' | 'zh-CN'): Promise<void> {
  await languageSelect(page).selectOption(l);
  await expect(page.locator('html')).toHaveAttribute('lang', l);
  const words = l === 'en' ? enCore : zhCore;
  await expect
    .configure({ soft: true })(page.getByRole('navigation', { name: words['nav.main'] }).getByRole('link'))
    .toHaveText(MENU.map((k) => words[k]));
}

test('every page switched live reads exactly as the same page opened in that language, in both directions', async ({ watched: { page } }) => {
  test.setTimeout(420_000);
  const { pages } = await workspaceWithEveryPage(page, 'Every Page Co');
  for (const url of pages) {
    // Opened afresh: no announcement of the last action lingers in the status region.
    await page.goto(url);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const shown = (await page.locator('html').getAttribute('lang')) === 'zh-CN' ? 'zh-CN' : 'en';
    const other = shown === 'en' ? 'zh-CN' : 'en';
    const asOpened = await settledReading(page);
    await switchTo(page, other);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const otherAsOpened = await settledReading(page);
    expect(otherAsOpened, `${url} reads differently in ${other}`).not.toEqual(asOpened);

    // Soft: one run names every page that keeps a stale word.
    await switchTo(page, shown);
    await expect
      .configure({ soft: true })
      .poll(() => reading(page), { message: `${url} switched to ${shown} without a reload` })
      .toEqual(asOpened);
    await switchTo(page, other);
    await expect
      .configure({ soft: true })
      .poll(() => reading(page), { message: `${url} switched to ${other} without a reload` })
      .toEqual(otherAsOpened);
  }
});
