import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every e2e test records each request and console error: the app must never reach
 * another origin, and a clean run shows no errors.
 */
export const test = base.extend<{ watched: { page: Page; foreign: string[]; errors: string[] } }>({
  watched: async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    const errors: string[] = [];
    page.on('request', (req) => {
      const url = req.url();
      if (url.startsWith('blob:') || url.startsWith('data:')) return;
      if (new URL(url).origin !== origin) foreign.push(url);
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(err.message));
    await use({ page, foreign, errors });
    expect(foreign, 'requests to other origins').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
  },
});

export { expect };

export async function createWorkspace(page: Page, name: string): Promise<void> {
  await page.goto('./');
  await page.getByLabel('Workspace name').fill(name);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Dashboard — ${name}` })).toBeVisible();
}

/** Waits until autosave has nothing pending. */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('.save-state')).toHaveText('Saved');
}
