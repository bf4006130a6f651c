import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { expect, test } from './fixtures';

/** The spreadsheet exchange with the UI in Simplified Chinese: the workbook is written in Chinese and reads back in either language. */

const FILE_LABEL_ZH = '由 AIMS Workbench 导出的工作簿（.xlsx、.xls、.ods 或 .csv）';

async function checkFile(page: Page, label: string, button: string, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.getByLabel(label).setInputFiles(file);
  await page.getByRole('button', { name: button }).click();
}

test('a workbook exported in Chinese has Chinese sheets and headers, and imports back unchanged in Chinese and in English', async ({
  watched: { page },
}, testInfo) => {
  await page.goto('./');
  await page.getByLabel('Language / 语言').selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '工作区' })).toBeVisible();
  await page.getByLabel('工作区名称').fill('表格公司');
  await page.getByRole('button', { name: '创建工作区' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '仪表板 — 表格公司' })).toBeVisible();
  const ws = page.url();

  await page.goto(ws + '/risks');
  await page.getByLabel('新风险的标题').fill('模型漂移');
  await page.getByRole('button', { name: '添加风险' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'R-001 模型漂移' })).toBeVisible();
  // Autosave has nothing pending (the header says so in Chinese).
  await expect(page.locator('.save-state')).toHaveText('已保存');

  await page.goto(ws + '/exchange');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '完整工作簿（.xlsx）' }).click();
  const download = await downloading;
  const path = testInfo.outputPath('workbook-zh.xlsx');
  await download.saveAs(path);

  // Read in Node: sheet names, headers, the About sheet and the risk's status label are Chinese.
  const wb = XLSX.read(await readFile(path), { type: 'buffer' });
  expect(wb.SheetNames.slice(0, 6)).toEqual(['说明', '条款4-10', '适用性声明', 'AI系统', '风险', '自有控制措施']);
  expect(wb.SheetNames).toContain('不符合项');
  expect(wb.SheetNames).not.toContain('Risks');
  const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['风险']!, { header: 1 });
  const header = rows[0] as string[];
  expect(header.slice(0, 4)).toEqual(['ID', '编号', '标题', '描述']);
  expect(header).toEqual(expect.arrayContaining(['固有可能性', '附录A控制措施', '状态']));
  expect(rows[1]![header.indexOf('标题')]).toBe('模型漂移');
  expect(rows[1]![header.indexOf('状态')]).toBe('已识别');
  expect(XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['说明']!, { header: 1 })[0]).toEqual(['项目', '内容']);

  // Unchanged: the preview (in Chinese) says there is nothing to import.
  await checkFile(page, FILE_LABEL_ZH, '检查电子表格', path);
  await expect(page.getByText('电子表格与工作区一致：无需导入任何内容。')).toBeVisible();

  // One cell changed, by its Chinese header and to a Chinese choice label: exactly that change.
  wb.Sheets['风险']![XLSX.utils.encode_cell({ r: 1, c: header.indexOf('状态') })] = { t: 's', v: '已关闭' };
  const edited = Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  await checkFile(page, FILE_LABEL_ZH, '检查电子表格', { name: 'edited.xlsx', mimeType: 'application/octet-stream', buffer: edited });
  const changes = page.getByTestId('sheets-changes');
  await expect(changes.locator(':scope > li')).toHaveCount(1);
  await expect(changes).toContainText('R-001 模型漂移');
  await expect(changes.locator('li li')).toHaveText(['状态：已识别 → 已关闭']);

  // The same Chinese file with the UI switched to English: still nothing to import.
  await page.getByLabel('Language / 语言').selectOption('en');
  await expect(page.getByRole('button', { name: 'Full workbook (.xlsx)' })).toBeVisible();
  await checkFile(page, 'Workbook exported by AIMS Workbench (.xlsx, .xls, .ods or .csv)', 'Check the spreadsheet', {
    name: 'workbook-zh.xlsx',
    mimeType: 'application/octet-stream',
    buffer: await readFile(path),
  });
  await expect(page.getByText('The spreadsheet matches the workspace: nothing to import.')).toBeVisible();
});

test('the mapping wizard words what it found in a file in Chinese when the UI is Chinese', async ({ watched: { page } }) => {
  await page.goto('./');
  await page.getByLabel('Language / 语言').selectOption('zh-CN');
  await page.getByLabel('工作区名称').fill('映射公司');
  await page.getByRole('button', { name: '创建工作区' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '仪表板 — 映射公司' })).toBeVisible();
  await page.goto(page.url() + '/exchange');
  const wizard = page.getByTestId('mapping-wizard');
  // A quote that never closes: the rest of the file lands in one cell, and the reader says so.
  await wizard
    .getByLabel('您自己的电子表格（.xlsx、.xls、.ods 或 .csv）')
    .setInputFiles({ name: 'risks.csv', mimeType: 'text/csv', buffer: Buffer.from('风险名称,负责人\n"未闭合,张三\n第二行,李四\n', 'utf8') });
  await wizard.getByRole('button', { name: '读取文件' }).click();
  // Refused, in Chinese, naming the line where the quote opens.
  await expect(wizard.getByText(/某个带引号的字段未闭合：该引号从第 2 行开始/)).toBeVisible();
  await expect(wizard.getByText(/quoted field/i)).toHaveCount(0);
});
