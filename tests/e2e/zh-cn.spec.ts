import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import JSZip from 'jszip';
import { expect, test } from './fixtures';
import { seriousViolations } from './axe';

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
  for (const label of ['仪表板', '逐项检查', '适用性声明', 'AI系统', '风险', '影响评估'])
    await expect(nav.getByRole('link', { name: label, exact: true })).toBeVisible();

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

/** The Chinese catalog text as shipped: its clause and control titles are what the pages must show. */
const zhCatalog = JSON.parse(readFileSync(new URL('../../catalog/iso42001/zh-CN.json', import.meta.url), 'utf8')) as {
  items: Record<string, { title: string }>;
};
const zhTitle = (id: string): string => zhCatalog.items[id]!.title;
const NOTE_ITEM = '标题为非官方译文，仅供参考';
const NOTE_LINE = /条款和控制措施标题为本工具自行翻译的非官方译文/;

async function startInChinese(page: Page): Promise<void> {
  await page.goto('./');
  await page.getByLabel('Language / 语言').selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '工作区' })).toBeVisible();
}

async function createChineseWorkspace(page: Page, name: string): Promise<string> {
  await page.getByLabel('工作区名称').fill(name);
  await page.getByRole('button', { name: '创建工作区' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `仪表板 — ${name}` })).toBeVisible();
  return page.url();
}

/** Autosave has nothing pending (the header says so in Chinese). */
async function saved(page: Page): Promise<void> {
  await expect(page.locator('.save-state')).toHaveText('已保存');
}

test('the main flow of a small organization in Chinese: profile, walkthrough, SoA, AI system, risk, impact assessment, audit, readiness, a Chinese bundle that imports again', async ({
  watched: { page },
}, testInfo) => {
  test.setTimeout(240_000);
  await startInChinese(page);
  const ws = await createChineseWorkspace(page, '示例科技');
  const nav = page.getByRole('navigation', { name: '主导航' });

  await test.step('organization profile', async () => {
    await nav.getByRole('link', { name: '组织', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: '组织概况' })).toBeVisible();
    await page.getByLabel('组织名称').fill('示例科技有限公司');
    await page.getByLabel('行业').fill('金融服务');
    await page.getByLabel('规模').selectOption('small');
    await saved(page);
  });

  await test.step('a clause answered in the walkthrough, its Chinese title marked as unofficial', async () => {
    await nav.getByRole('link', { name: '逐项检查', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: `4.1 ${zhTitle('4.1')}` })).toBeVisible();
    await expect(page.getByText(NOTE_ITEM, { exact: true })).toBeVisible();
    await page.getByLabel('状态', { exact: true }).selectOption('implemented');
    await page.getByLabel('负责人', { exact: true }).fill('王芳');
    await page.getByLabel('实施说明').fill('董事会已审议组织环境分析。');
    await saved(page);
  });

  await test.step('a control excluded in the SoA, with its justification', async () => {
    await nav.getByRole('link', { name: '适用性声明', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: '适用性声明' })).toBeVisible();
    await expect(page.getByText(NOTE_LINE)).toBeVisible();
    await page.getByRole('button', { name: '编辑 A.2.3' }).click();
    await page.getByRole('group', { name: '是否适用？' }).getByRole('radio', { name: '否' }).check();
    await page.getByLabel('理由类别').selectOption('business-practice');
    await page.getByLabel('理由', { exact: true }).fill('我们尚无其他组织方针。');
    await saved(page);
    const row = page.getByTestId('soa-row-A.2.3');
    await expect(row).toContainText(zhTitle('A.2.3'));
    await expect(row).toContainText('否');
    await expect(row).toContainText('业务需要或最佳实践');
    await expect(row).toContainText('我们尚无其他组织方针。');
  });

  await test.step('an AI system in the inventory', async () => {
    await nav.getByRole('link', { name: 'AI系统', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'AI系统清单' })).toBeVisible();
    await page.getByLabel('新AI系统的名称').fill('贷款评分模型');
    await page.getByRole('button', { name: '添加AI系统' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '贷款评分模型' })).toBeVisible();
    await page.getByLabel('预期用途').fill('为个人贷款申请评分。');
    await page.getByLabel('生命周期阶段').selectOption('operation-monitoring');
    await saved(page);
  });

  await test.step('a risk to that system, rated, treated by an Annex A control', async () => {
    await nav.getByRole('link', { name: '风险', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'AI风险登记册' })).toBeVisible();
    await page.getByLabel('新风险的标题').fill('对部分群体的不公平拒贷');
    await page.getByRole('button', { name: '添加风险' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'R-001 对部分群体的不公平拒贷' })).toBeVisible();
    await page
      .getByRole('group', { name: /受影响的AI系统/ })
      .getByLabel('贷款评分模型')
      .check();
    await page.locator('#inherent-likelihood').selectOption({ index: 4 });
    await page.locator('#inherent-impact').selectOption({ index: 4 });
    await expect(page.getByRole('group', { name: '固有风险（处置前）' })).not.toContainText('未评级');
    await page.getByLabel('处置方式').selectOption('modify');
    // The control is offered under its Chinese title, with the note that the titles are our translation.
    await expect(page.getByRole('main').getByText(NOTE_LINE)).toBeVisible();
    await page
      .getByRole('group', { name: /处置该风险的附录 A 控制措施/ })
      .getByLabel(`A.6.2.4 ${zhTitle('A.6.2.4')}`)
      .check();
    await page.locator('#residual-likelihood').selectOption({ index: 1 });
    await page.locator('#residual-impact').selectOption({ index: 1 });
    await saved(page);
    await nav.getByRole('link', { name: '风险', exact: true }).click();
    await expect(page.getByTestId('risk-count')).toHaveText('1 项风险中的 1 项');
  });

  await test.step('an impact assessment of the system', async () => {
    await nav.getByRole('link', { name: '影响评估', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: '影响评估' })).toBeVisible();
    await expect(page.getByLabel('要评估的AI系统').locator('option', { hasText: '贷款评分模型' })).toHaveCount(1);
    await page.getByRole('button', { name: '开始评估' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '影响评估：贷款评分模型' })).toBeVisible();
    await page.getByRole('textbox', { name: '预期用途' }).fill('为信贷员对贷款申请排序。');
    await page.getByRole('button', { name: '添加影响' }).click();
    const impact = page.getByRole('article', { name: /^影响 1/ });
    await impact.getByLabel('可能发生什么').fill('部分申请人被系统性地评为低分');
    await impact.getByLabel('严重程度').selectOption('major');
    await saved(page);
  });

  await test.step('an internal audit, completed', async () => {
    await nav.getByRole('link', { name: '管理体系', exact: true }).click();
    await page.getByRole('link', { name: '内部审核' }).first().click();
    await page.locator('#new-audit').fill('第四季度内部审核');
    await page.getByRole('button', { name: '添加内部审核' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'IA-001 第四季度内部审核' })).toBeVisible();
    await page.getByLabel('审核员').fill('外部审核机构');
    await page.locator('#rec-status').selectOption('completed');
    await saved(page);
  });

  await test.step('my tasks download as a calendar file in Chinese', async () => {
    await page.goto(`${ws}/item/4.2`);
    await expect(page.getByRole('heading', { level: 1, name: `4.2 ${zhTitle('4.2')}` })).toBeVisible();
    await page.getByLabel('状态', { exact: true }).selectOption('in-progress');
    await page.getByLabel('负责人', { exact: true }).fill('李雷');
    await page.getByLabel('目标日期').fill('2099-06-30');
    await saved(page);
    await nav.getByRole('link', { name: '我的任务', exact: true }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载为日历（.ics）' }).click();
    const ics = (await readFile((await (await downloading).path())!, 'utf8')).replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('X-WR-CALNAME:AIMS 任务 — 示例科技\r\n');
    expect(ics).toContain(`SUMMARY:4.2 ${zhTitle('4.2')}\r\n`);
    expect(ics).toMatch(/DESCRIPTION:[^\r]*负责人：李雷。工作区：示例科技。/);
  });

  await test.step('the readiness page counts the audit', async () => {
    await nav.getByRole('link', { name: '认证就绪', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: '认证就绪' })).toBeVisible();
    await expect(page.getByTestId('readiness-audit')).toHaveAttribute('data-met', 'true');
    await expect(page.getByTestId('readiness-met')).toContainText('14');
  });

  const bundlePath = testInfo.outputPath('示例科技.aims.zip');
  await test.step('the bundle: README.txt and report.html in Chinese, data files language-neutral', async () => {
    await nav.getByRole('link', { name: '导出 / 导入', exact: true }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出', exact: true }).click();
    const download = await downloading;
    await download.saveAs(bundlePath);
    await expect(page.getByTestId('export-status')).toContainText('已保存');

    const zip = await JSZip.loadAsync(await readFile(bundlePath));
    const readme = await zip.file('README.txt')!.async('string');
    expect(readme.split('\n')[0]).toBe('AIMS Workbench 工作区数据包：示例科技');
    expect(readme).toContain('如何打开');
    expect(readme).toContain('report.html');
    expect(readme).not.toMatch(/How to open|SENSITIVE/);

    const report = await zip.file('report.html')!.async('string');
    expect(report).toContain('<html lang="zh-CN">');
    expect(report).toContain('AIMS Workbench 报告：示例科技');
    expect(report).toContain('组织：示例科技有限公司');
    expect(report).toContain('<h2>适用性声明</h2>');
    expect(report).toContain(`<strong>A.2.3</strong> ${zhTitle('A.2.3')}`);
    expect(report).toContain('我们尚无其他组织方针。');
    expect(report).toContain('对部分群体的不公平拒贷');
    expect(report).toContain('贷款评分模型');
    expect(report).toMatch(/<td>已实施<\/td><td>王芳<\/td>/);
    expect(report).toContain('非官方译文');
    expect(report).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    for (const english of ['Statement of Applicability', 'AI risk register', 'Implemented', 'Contents', 'Exported']) expect(report).not.toContain(english);

    // The data stays codes and ids, whatever the language.
    const assessments = JSON.parse(await zip.file('data/assessments.json')!.async('string')) as {
      itemId: string;
      status: string;
      applicable: boolean | null;
      justificationCategory: string | null;
    }[];
    expect(assessments.find((a) => a.itemId === '4.1')?.status).toBe('implemented');
    expect(assessments.find((a) => a.itemId === 'A.2.3')).toMatchObject({ applicable: false, justificationCategory: 'business-practice' });
  });

  await test.step('the bundle imports into a new workspace with its data', async () => {
    await page.goto('./#/import');
    await expect(page.getByRole('heading', { level: 1, name: '导入数据包' })).toBeVisible();
    await page.getByLabel('数据包文件（.zip 或加密的 .enc）').setInputFiles(bundlePath);
    await page.getByRole('button', { name: '检查文件' }).click();
    await expect(page.getByTestId('import-summary')).toBeVisible();
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: '仪表板 — 示例科技' })).toBeVisible();
    expect(page.url()).not.toBe(ws);
    const copy = page.url();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '适用性声明', exact: true }).click();
    await expect(page.getByTestId('soa-row-A.2.3')).toContainText('我们尚无其他组织方针。');
    await expect(page.getByTestId('soa-row-A.6.2.4')).toContainText('风险处置：R-001');
    await page.goto(`${copy}/risks`);
    await expect(page.getByRole('table', { name: '风险登记册' })).toContainText('对部分群体的不公平拒贷');
    await page.goto(`${copy}/assessments`);
    await expect(page.getByRole('main')).toContainText('贷款评分模型');
    await page.goto(`${copy}/item/4.1`);
    await expect(page.getByLabel('状态', { exact: true })).toHaveValue('implemented');
    await expect(page.getByLabel('实施说明')).toHaveValue('董事会已审议组织环境分析。');

    // Reloading keeps the Chinese UI.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: `4.1 ${zhTitle('4.1')}` })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByText(NOTE_ITEM, { exact: true })).toBeVisible();
  });
});

test('the Chinese titles are marked as an unofficial translation on the dashboard, item page, SoA and print view, and not in English', async ({
  watched: { page },
}) => {
  await startInChinese(page);
  const ws = await createChineseWorkspace(page, '标题公司');
  await expect(page.getByTestId('group-4')).toContainText(zhTitle('4'));
  await expect(page.getByRole('main').getByText(NOTE_LINE)).toBeVisible();

  await page.goto(`${ws}/item/A.6.2.4`);
  await expect(page.getByRole('heading', { level: 1, name: `A.6.2.4 ${zhTitle('A.6.2.4')}` })).toBeVisible();
  await expect(page.getByText(NOTE_ITEM, { exact: true })).toBeVisible();
  expect(await seriousViolations(page), 'item page with the note').toEqual([]);

  await page.goto(`${ws}/soa/print`);
  await expect(page.getByTestId('print-soa-A.6.2.4')).toContainText(zhTitle('A.6.2.4'));
  await expect(page.locator('header.report-head')).toContainText(NOTE_LINE);

  // In English the titles are the standard's: no note anywhere.
  await page.goto(`${ws}/soa`);
  await expect(page.getByText(NOTE_LINE)).toBeVisible();
  expect(await seriousViolations(page), 'SoA page with the note').toEqual([]);
  await page.getByLabel('Language / 语言').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Statement of Applicability' })).toBeVisible();
  await expect(page.getByTestId('soa-row-A.6.2.4')).not.toContainText(zhTitle('A.6.2.4'));
  await expect(page.getByTestId('titles-unofficial')).toHaveCount(0);
  await page.goto(`${ws}/item/A.6.2.4`);
  await expect(page.getByRole('heading', { level: 1, name: /^A\.6\.2\.4 / })).toBeVisible();
  await expect(page.getByTestId('titles-unofficial')).toHaveCount(0);
});
