import { fileURLToPath } from 'node:url';
import config from './playwright.config';
import { createWorkspace, expect, test } from './fixtures';

/**
 * Chinese prints need a Chinese font on the machine: without one every character prints as a box.
 * This browser sees only DejaVu and Liberation (fontconfig limited to them), as on a Linux machine
 * without fonts-noto-cjk; the print views in Chinese say so, in Chinese and in English, on the
 * screen only.
 */
test.use({
  launchOptions: { ...config.use?.launchOptions, env: { ...process.env, FONTCONFIG_FILE: fileURLToPath(new URL('./fonts/no-cjk.conf', import.meta.url)) } },
});

test('without a Chinese font, the Chinese print views warn that the text would print as boxes', async ({ watched: { page } }) => {
  await createWorkspace(page, 'No Font Co');
  const ws = page.url();
  // In English nothing is said: the report has no Chinese to print.
  await page.goto(`${ws}/risks/print`);
  await expect(page.getByRole('heading', { level: 1, name: 'AI risk register' })).toBeVisible();
  await expect(page.getByTestId('cjk-font-missing')).toHaveCount(0);

  await page.evaluate(() => localStorage.setItem('aims.locale', 'zh-CN'));
  for (const [path, heading] of [
    ['risks/print', 'AI风险登记册'],
    ['soa/print', '适用性声明'],
    ['readiness/print', '差距与就绪报告'],
  ] as const) {
    await page.goto(`${ws}/${path}`);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    const warning = page.getByRole('status').filter({ hasText: 'fonts-noto-cjk' });
    await expect(warning, path).toContainText('这台计算机没有中文字体');
    // Readable without the font: said in English too.
    await expect(warning.locator('[lang="en"]')).toContainText('This computer has no font for Chinese characters');
    await page.emulateMedia({ media: 'print' });
    await expect(warning).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
  }
});
