import { expect, test } from './fixtures';

test('the UI switches to Simplified Chinese on the start page, stays Chinese after a reload, and switches back', async ({ watched: { page } }) => {
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const language = page.getByLabel('Language / 语言');
  await expect(language).toHaveValue('en');

  // Keyboard operable: focus the select and choose with the keyboard.
  await language.focus();
  await language.selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '工作区' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // Focus stays on the switch after the page re-renders.
  await expect(page.getByLabel('Language / 语言')).toBeFocused();

  await page.getByLabel('工作区名称').fill('示例公司');
  await page.getByRole('button', { name: '创建工作区' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '仪表板 — 示例公司' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: '主导航' });
  for (const label of ['仪表板', '逐项检查', '适用性声明', 'AI系统', '风险', '影响评估']) await expect(nav.getByRole('link', { name: label, exact: true })).toBeVisible();

  // A walkthrough item in Chinese.
  await page.getByRole('link', { name: '开始逐项检查' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('4.1');
  await expect(page.getByText('第 1 项，共')).toBeVisible();
  await expect(page.getByLabel('状态', { exact: true })).toBeVisible();
  await expect(page.getByLabel('实施说明')).toBeVisible();

  // A lazy page (the risk register) in Chinese too.
  await nav.getByRole('link', { name: '风险', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'AI风险登记册' })).toBeVisible();

  // Remembered in this browser.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'AI风险登记册' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByLabel('Language / 语言')).toHaveValue('zh-CN');

  // Back to English from the workspace header.
  await page.getByLabel('Language / 语言').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'AI risk register' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'AI risk register' })).toBeVisible();
});
