import { readFile } from 'node:fs/promises';
import * as XLSX from 'xlsx';
import { createWorkspace, expect, settled, test } from './fixtures';

test('a workbook goes out, is edited in a spreadsheet program, and comes back with exactly that change', async ({ watched: { page } }, testInfo) => {
  await createWorkspace(page, 'Sheet Co');
  const ws = page.url();
  await page.goto(ws + '/risks');
  await page.getByLabel('Title of the new risk').fill('Model drift');
  await page.getByRole('button', { name: 'Add risk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'R-001 Model drift' })).toBeVisible();
  await settled(page);

  await page.goto(ws + '/exchange');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Full workbook (.xlsx)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Sheet-Co-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const path = testInfo.outputPath('workbook.xlsx');
  await download.saveAs(path);

  // Unchanged: nothing to import.
  await page.getByLabel('Workbook exported by AIMS Workbench (.xlsx, .xls, .ods or .csv)').setInputFiles(path);
  await page.getByRole('button', { name: 'Check the spreadsheet' }).click();
  await expect(page.getByText('The spreadsheet matches the workspace: nothing to import.')).toBeVisible();

  // Edit one cell as a person would, in the Risks sheet.
  const wb = XLSX.read(await readFile(path), { type: 'buffer' });
  // The management-system registers have their sheets too, between the registers and the read-only impact sheets.
  expect(wb.SheetNames.slice(wb.SheetNames.indexOf('Own controls') + 1, wb.SheetNames.indexOf('Impact assessments'))).toEqual([
    'Context issues',
    'Interested parties',
    'Scope',
    'Documents',
    'Roles (RACI)',
    'AI objectives',
    'Changes',
    'Competence',
    'Awareness',
    'Communication',
    'Monitoring metrics',
    'Internal audits',
    'Audit findings',
    'Management reviews',
    'Nonconformities',
    'Improvements',
    'AI incidents',
  ]);
  const sheet = wb.Sheets['Risks']!;
  const header = (XLSX.utils.sheet_to_json(sheet, { header: 1 })[0] as string[]) ?? [];
  sheet[XLSX.utils.encode_cell({ r: 1, c: header.indexOf('Owner') })] = { t: 's', v: '数据负责人' };
  const edited = Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  await page
    .getByLabel('Workbook exported by AIMS Workbench (.xlsx, .xls, .ods or .csv)')
    .setInputFiles({ name: 'edited.xlsx', mimeType: 'application/octet-stream', buffer: edited });
  await page.getByRole('button', { name: 'Check the spreadsheet' }).click();
  // The row is named by its record, the values as the app words them.
  const changes = page.getByTestId('sheets-changes');
  await expect(changes.locator(':scope > li')).toHaveCount(1);
  await expect(changes).toContainText('R-001 Model drift');
  await expect(changes).toContainText('Owner: (empty) → 数据负责人');
  await page.getByRole('button', { name: 'Import 1 row' }).click();
  await expect(page.getByTestId('sheets-status')).toHaveText('1 row imported.');
  await page.goto(ws + '/risks');
  await expect(page.getByRole('table', { name: 'Risk register' })).toContainText('数据负责人');
});

test('a broken spreadsheet is refused with a clear message', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Broken Sheet Co');
  await page.goto(page.url() + '/exchange');
  await page
    .getByLabel('Workbook exported by AIMS Workbench (.xlsx, .xls, .ods or .csv)')
    .setInputFiles({ name: 'fake.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('this is not a spreadsheet at all') });
  await page.getByRole('button', { name: 'Check the spreadsheet' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The spreadsheet cannot be read' })).toBeVisible();
});

test('one management-system register downloads on its own as CSV', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Audit Co');
  await page.goto(page.url() + '/exchange');
  await page.getByLabel('Register', { exact: true }).selectOption({ label: 'Nonconformities (10.2)' });
  await page.getByLabel('Format').selectOption('csv');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Audit-Co-nonconformity-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile(await download.path(), 'utf8');
  expect(text.split('\r\n')[0]).toBe(
    '\uFEFFId,Ref,Title,Owner,Source,Nonconformity,Correction,Root cause,Corrective action,Due,Effectiveness check,Checked on,Effective,Status,Clauses and controls,Source record',
  );
});
