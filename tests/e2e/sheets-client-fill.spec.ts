import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { createWorkspace, expect, settled, test } from './fixtures';

/** Types into cells as a client would in Excel: the row whose first cell is `id`, by column header. */
function fill(wb: XLSX.WorkBook, sheet: string, id: string, column: string, value: string): void {
  const ws = wb.Sheets[sheet]!;
  const grid = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null });
  const col = (grid[0] as string[]).indexOf(column);
  const row = grid.findIndex((r) => r[0] === id);
  expect(col >= 0 && row >= 0, `${sheet} ${id} ${column}`).toBe(true);
  ws[XLSX.utils.encode_cell({ r: row, c: col })] = { t: 's', v: value };
}

test('a blank template filled in by a client keeps the answers it leaves empty; a "-" clears one, listed apart before anything is saved', async ({
  watched: { page },
}, testInfo) => {
  await createWorkspace(page, 'Client Co');
  const ws = page.url();
  await page.goto(ws + '/item/4.1');
  await page.getByLabel('Status', { exact: true }).selectOption('implemented');
  await page.getByLabel('Owner', { exact: true }).fill('Dana');
  await settled(page);
  await page.goto(ws + '/item/4.2');
  await page.getByLabel('Owner', { exact: true }).fill('Kim');
  await settled(page);

  await page.goto(ws + '/exchange');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Blank consultant workbook (.xlsx)' }).click();
  const path = testInfo.outputPath('template.xlsx');
  await (await downloading).saveAs(path);

  // The client fills in one owner and clears another on purpose; every other row stays empty.
  const wb = XLSX.read(await readFile(path), { type: 'buffer' });
  fill(wb, 'Clauses 4-10', '4.3', 'Owner', 'Client CISO');
  fill(wb, 'Clauses 4-10', '4.2', 'Owner', '-');
  const filled = Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  await page
    .getByLabel('Workbook exported by AIMS Workbench (.xlsx, .xls, .ods or .csv)')
    .setInputFiles({ name: 'filled.xlsx', mimeType: 'application/octet-stream', buffer: filled });
  await page.getByRole('button', { name: 'Check the spreadsheet' }).click();

  await expect(page.getByTestId('sheets-origin')).toHaveText('This file is a blank template: its empty cells leave the values in the app as they are.');
  const clears = page.getByTestId('sheets-clears');
  await expect(clears.getByRole('heading', { name: 'Values that would be cleared (1)' })).toBeVisible();
  await expect(clears).toContainText('4.2');
  await expect(clears).toContainText('Owner: Kim → (empty)');
  const changes = page.getByTestId('sheets-changes');
  await expect(changes.locator(':scope > li')).toHaveCount(1);
  await expect(changes).toContainText('Owner: (empty) → Client CISO');
  await expect(changes).not.toContainText('Dana');
  await expect(page.getByLabel('Blank cells clear values')).not.toBeChecked();

  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(page.getByTestId('sheets-status')).toHaveText('2 rows imported.');
  await page.goto(ws + '/item/4.1');
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('implemented');
  await expect(page.getByLabel('Owner', { exact: true })).toHaveValue('Dana');
  await page.goto(ws + '/item/4.2');
  await expect(page.getByLabel('Owner', { exact: true })).toHaveValue('');
  await page.goto(ws + '/item/4.3');
  await expect(page.getByLabel('Owner', { exact: true })).toHaveValue('Client CISO');
});

test('an .ods LibreOffice wrote imports with its text exactly as typed, and nothing on the console', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Calc Co');
  await page.goto(page.url() + '/exchange');
  await page
    .getByLabel('Workbook exported by AIMS Workbench (.xlsx, .xls, .ods or .csv)')
    .setInputFiles(fileURLToPath(new URL('../fixtures/sheets/libreoffice-text.ods', import.meta.url)));
  await page.getByRole('button', { name: 'Check the spreadsheet' }).click();
  const changes = page.getByTestId('sheets-changes');
  // Ten new systems, each with only a name: the register's defaults fill in the rest.
  await expect(changes.locator(':scope > li')).toHaveCount(10);
  await expect(changes).toContainText('New: _x0041_');
  await expect(changes).not.toContainText('New: A ');
  await expect(changes).toContainText('Status: Planned (default)');
  await page.getByRole('button', { name: 'Import 10 rows' }).click();
  await expect(page.getByTestId('sheets-status')).toHaveText('10 rows imported.');
});
