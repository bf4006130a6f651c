import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { workspaceWithEveryPage } from './every-page';
import { expect, test } from './fixtures';

/**
 * Writes a PNG of every page at 1366 px and 390 px, light and dark, so a reviewer can look at all of them:
 * `screenshots/<nn>-<page>-<width>-<scheme>.png` (git-ignored; SCREENSHOTS_DIR writes elsewhere).
 */
const outDir = resolve(process.env.SCREENSHOTS_DIR ?? resolve(import.meta.dirname, '../../screenshots'));
const widths = [1366, 390] as const;
const schemes = ['light', 'dark'] as const;
/** SCREENSHOTS_ONLY=risks takes only the files whose name holds it (a quicker look at a few pages). */
const only = process.env.SCREENSHOTS_ONLY ? new RegExp(process.env.SCREENSHOTS_ONLY) : null;

/** A file name a person can read: the path after the workspace, record ids replaced by "record". */
function pageName(url: string, ws: string): string {
  const rest = url.startsWith(ws) ? url.slice(ws.length) : (url.split('#/')[1] ?? '');
  const parts = rest
    .split('/')
    .filter(Boolean)
    .map((p) => (/^[0-9a-f-]{20,}$/i.test(p) ? 'record' : p));
  return parts.length ? parts.join('-') : 'dashboard';
}

async function shoot(page: Page, url: string, file: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  // Lazy chunks and live queries settle; nothing is still saying "Loading".
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: resolve(outDir, file), fullPage: true });
}

test('screenshots of every page at 1366 px and 390 px, light and dark', async ({ watched: { page } }) => {
  mkdirSync(outDir, { recursive: true });
  const { ws, pages } = await workspaceWithEveryPage(page, 'Northwind Insurance');
  // The seeding's toasts ("Risk R-001 added") would sit on the first pages: a reload starts them clean.
  await page.reload();
  const all = [page.url().split('#')[0] + '#/', ...pages];
  for (const width of widths) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    for (const scheme of schemes) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [i, url] of all.entries()) {
        const name = i === 0 ? 'workspaces' : pageName(url, ws);
        const file = `${String(i).padStart(2, '0')}-${name}-${width}-${scheme}.png`;
        if (!only || only.test(file)) await shoot(page, url, file);
      }
    }
  }
});
