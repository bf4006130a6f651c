import type { Page } from '@playwright/test';
import { createWorkspace, expect, settled, test } from './fixtures';
import { pdfText } from './pdf';

/**
 * The risk register's print view with a long treatment plan: the plan had a column a few words
 * wide (one risk ran over many pages) and "Monitoring" broke inside the word. Long texts now print
 * on rows across the page; status words stay whole. In Chinese, a matrix still worded by a preset in
 * English says so, and the risk criteria page switches the words when asked.
 */

const PLAN = Array.from(
  { length: 60 },
  (_, i) => `Step ${i + 1}: retrain the model on balanced data, document the evaluation and have the owner sign it off.`,
).join('\n');

async function printPdf(page: Page): Promise<{ text: string; pages: number }> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const { text, pages } = pdfText(pdf);
  return { text, pages };
}

async function riskWithLongPlan(page: Page): Promise<string> {
  await createWorkspace(page, 'Print Layout Co');
  const ws = page.url();
  await page.goto(`${ws}/risks`);
  await page.getByLabel('Title of the new risk').fill('Resume model discriminates');
  await page.getByRole('button', { name: 'Add risk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'R-001 Resume model discriminates' })).toBeVisible();
  await page.getByLabel('Description').fill('The ranking model learned from ten years of hiring decisions.');
  await page.getByLabel('Treatment plan').fill(PLAN);
  await page.locator('#risk-status').selectOption('monitoring');
  await settled(page);
  return ws;
}

test('a long treatment plan prints across the page, and a status word is never broken', async ({ watched: { page } }) => {
  test.setTimeout(90_000);
  const ws = await riskWithLongPlan(page);
  await page.goto(`${ws}/risks/print`);
  await expect(page.getByRole('heading', { level: 1, name: 'AI risk register' })).toBeVisible();
  const risk = page.getByTestId('print-risk-R-001');
  await expect(risk).toContainText('Step 60: retrain');

  // Laid out as on A4 paper (186 mm between the margins, at 96 px an inch).
  await page.setViewportSize({ width: 703, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  const table = await page.locator('table.register').boundingBox();
  const plan = await risk.getByRole('cell').filter({ hasText: 'Step 60' }).boundingBox();
  expect(plan!.width, 'the plan spans the table but for the reference column').toBeGreaterThan(table!.width * 0.9);
  const status = risk.getByRole('cell', { name: 'Monitoring', exact: true });
  const lines = await status.evaluate((cell) => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
  });
  expect(lines, '"Monitoring" on one line').toBe(1);
  await page.emulateMedia({ media: 'screen' });

  // The PDF: the plan's 60 lines take a page and a bit after the heat maps (it took 8 pages), and
  // the status word is printed whole on one line.
  const printed = await printPdf(page);
  expect(printed.pages).toBeLessThanOrEqual(3);
  expect(printed.text.split('\n').some((line) => /\bMonitoring\b/.test(line))).toBe(true);
  expect(printed.text).toContain('Step 60: retrain the model on balanced data');
  expect(printed.text.replace(/\s+/g, ' ')).toContain('Description The ranking model learned');
});

test('in Chinese, a matrix still in a preset’s English words is noted on the print view and switched on the criteria page when asked', async ({
  watched: { page },
}) => {
  test.setTimeout(90_000);
  const ws = await riskWithLongPlan(page);
  // The remembered language applies when the app starts.
  await page.evaluate(() => localStorage.setItem('aims.locale', 'zh-CN'));
  await page.goto(`${ws}/risks/print`);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'AI风险登记册' })).toBeVisible();
  await expect(page.getByTestId('print-risk-R-001')).toContainText('监视中');
  const note = page.getByTestId('print-preset-wording');
  await expect(note).toContainText('详细 5×5');
  await expect(note).toContainText('Very low');
  // The note is for the screen: the print has the level names as they are, and no note.
  await page.emulateMedia({ media: 'print' });
  await expect(note).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  await note.getByRole('link', { name: '前往风险准则' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '风险准则' })).toBeVisible();
  const offer = page.getByRole('region', { name: '等级名称为另一种语言' });
  await expect(offer).toContainText('详细 5×5');
  // Nothing changes until the user asks.
  await expect(page.getByLabel('矩阵名称')).toHaveValue('Detailed 5×5');
  await offer.getByRole('button', { name: '将措辞切换为当前语言' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已切换为当前显示的语言' })).toBeFocused();
  await expect(page.getByLabel('矩阵名称')).toHaveValue('详细 5×5');
  await expect(page.locator('.save-state')).toHaveText('已保存');
  // Kept in the history like any edit of the criteria.
  await page.goto(`${ws}/history`);
  await expect(
    page
      .getByRole('listitem')
      .filter({ hasText: /Detailed 5×5（5×5[^）]*）\s*→\s*详细 5×5/ })
      .first(),
  ).toBeVisible();

  await page.goto(`${ws}/risks/print`);
  await expect(page.getByRole('heading', { level: 1, name: 'AI风险登记册' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: '风险等级' })).toBeVisible();
  await expect(page.getByTestId('print-preset-wording')).toHaveCount(0);
  const printed = await printPdf(page);
  for (const level of ['极低', '低', '中', '高', '极高', '几乎肯定', '可忽略']) expect(printed.text).toContain(level);
  expect(printed.text).not.toContain('Very high');
});

test('a workspace created in Chinese starts with the default risk criteria in Chinese', async ({ watched: { page } }) => {
  await page.goto('./');
  await page.getByLabel('Language / 语言').selectOption('zh-CN');
  await page.getByLabel('工作区名称').fill('示例公司');
  await page.getByRole('button', { name: '创建工作区' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '仪表板 — 示例公司' })).toBeVisible();
  await page.goto(`${page.url()}/risks/print`);
  await expect(page.getByRole('heading', { level: 1, name: 'AI风险登记册' })).toBeVisible();
  await expect(page.getByText('风险准则：详细 5×5')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: '极高' })).toBeVisible();
  await expect(page.getByTestId('print-preset-wording')).toHaveCount(0);
});
