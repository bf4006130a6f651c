import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { createWorkspace, expect, settled, test } from './fixtures';

const chineseCsv = fileURLToPath(new URL('../fixtures/foreign-sheets/risk-register-zh.csv', import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious axe-core findings inside the wizard (each step renders different controls). */
async function wizardViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Element, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const r = await axe.run(document.querySelector('[data-testid="mapping-wizard"]')!, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

test('a Chinese CSV risk register imports through the mapping wizard and shows in the risk register', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Mapping Co');
  const ws = page.url();
  await page.goto(ws + '/exchange');
  await expect(page.getByRole('heading', { name: 'Import from another spreadsheet' })).toBeVisible();
  const wizard = page.getByTestId('mapping-wizard');
  expect(await wizardViolations(page)).toEqual([]);

  // 1. File and target register; the sheet is read in the worker.
  await wizard.getByLabel('Import into').selectOption('risks');
  await wizard.getByLabel('Your own spreadsheet (.xlsx, .xls, .ods or .csv)').setInputFiles(chineseCsv);
  await wizard.getByRole('button', { name: 'Read the file' }).click();

  // 2. Sheet and header row: the first row is the header.
  await expect(wizard.getByRole('heading', { level: 3, name: 'Sheet and header row' })).toBeFocused();
  await expect(wizard.getByLabel(/^Header row/)).toHaveValue('0');
  expect(await wizardViolations(page)).toEqual([]);
  await wizard.getByRole('button', { name: 'Next' }).click();

  // 3. Columns suggested from the Chinese headers.
  await expect(wizard.getByRole('heading', { level: 3, name: 'Columns' })).toBeVisible();
  await expect(wizard.getByLabel('Field for column 风险名称')).toHaveValue('title');
  await expect(wizard.getByLabel('Field for column 负责人')).toHaveValue('owner');
  await expect(wizard.getByLabel('Field for column 可能性')).toHaveValue('inherentLikelihood');
  await expect(wizard.getByLabel('Field for column 序号')).toHaveValue('');
  expect(await wizardViolations(page)).toEqual([]);
  await wizard.getByRole('button', { name: 'Next' }).click();

  // 4. Values: 高/中/低 and the statuses are pre-filled; this workspace has no AI systems yet.
  await expect(wizard.getByRole('heading', { level: 3, name: 'Values' })).toBeVisible();
  const likelihood = wizard.getByRole('group', { name: 'Column 可能性 → Inherent likelihood' });
  await expect(likelihood.getByLabel('"高" (rows: 1)').locator('option:checked')).toHaveText('4 · Likely');
  const systems = wizard.getByRole('group', { name: 'Column 系统名称 → AI systems affected (by name)' });
  await systems.getByLabel('"贷款评分模型" (rows: 2)').selectOption('empty');
  await systems.getByLabel('"智能客服" (rows: 1)').selectOption('empty');
  expect(await wizardViolations(page)).toEqual([]);
  await wizard.getByRole('button', { name: 'Next' }).click();

  // 5. Preview: three risks, the blank and totals rows skipped, no problems.
  await expect(wizard.getByTestId('mapping-summary')).toHaveText('Risks to create: 3.');
  await expect(wizard.getByText('Totals rows skipped: 1 (rows: 6).')).toBeVisible();
  await expect(wizard.getByRole('alert')).toHaveCount(0);
  await expect(wizard.getByTestId('mapping-rows')).toContainText('客服机器人编造费用信息');
  expect(await wizardViolations(page)).toEqual([]);

  // 6. Import, in one transaction.
  await wizard.getByRole('button', { name: 'Import 3 risks' }).click();
  await expect(wizard.getByText('Risks imported into the risk register: 3.')).toBeVisible();
  await settled(page);

  await wizard.getByRole('link', { name: 'Open the risk register' }).click();
  await expect(page.getByTestId('risk-count')).toHaveText('3 of 3 risks');
  const register = page.getByRole('table', { name: 'Risk register' });
  for (const title of ['贷款评分模型对部分人群存在偏见', '客服机器人编造费用信息', '训练数据包含未经授权的个人信息'])
    await expect(register).toContainText(title);
  await expect(register).toContainText('R-003');
});
