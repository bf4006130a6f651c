import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { createWorkspace, expect, settled, test } from './fixtures';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/i;

async function exportBundle(page: Page, ws: string, path: string): Promise<void> {
  await page.goto(ws + '/exchange');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await (await downloading).saveAs(path);
}

async function editRisk(page: Page, ws: string, fields: Record<string, string>): Promise<void> {
  await page.goto(ws + '/risks');
  await page.getByRole('link', { name: /R-001/ }).first().click();
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  await settled(page);
}

test('a bundle edited elsewhere merges back: the preview lists the record to update and the conflict field by field, resolved from the keyboard', async ({
  watched: { page },
  browser,
  baseURL,
}, testInfo) => {
  // The consultant sends a workspace with one risk.
  await createWorkspace(page, 'Merge Co');
  const ws = page.url();
  await page.goto(ws + '/risks');
  await page.getByLabel('Title of the new risk').fill('Biased screening');
  await page.getByRole('button', { name: 'Add risk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'R-001 Biased screening' })).toBeVisible();
  const sent = testInfo.outputPath('sent.aims.zip');
  await exportBundle(page, ws, sent);

  // The client, in a browser of their own, imports it, renames the risk, names its owner and sends it back.
  const context = await browser.newContext({ baseURL: baseURL! });
  const client = await context.newPage();
  const clientErrors: string[] = [];
  client.on('console', (m) => m.type() === 'error' && clientErrors.push(m.text()));
  await client.goto('./#/import');
  await expect(client.getByRole('heading', { level: 1, name: 'Import a bundle' })).toBeVisible();
  await client.getByLabel('Bundle file (.zip or encrypted .enc)').setInputFiles(sent);
  await client.getByRole('button', { name: 'Check the file' }).click();
  await client.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(client.getByRole('heading', { level: 1, name: 'Dashboard — Merge Co' })).toBeVisible();
  const clientWs = client.url().replace(/\/dashboard$/, '');
  await editRisk(client, clientWs, { Title: 'Biased CV screening', 'Risk owner': 'Client HR' });
  await client.goto(clientWs + '/risks');
  await client.getByLabel('Title of the new risk').fill('Vendor model drift');
  await client.getByRole('button', { name: 'Add risk' }).click();
  await expect(client.getByRole('heading', { level: 1, name: 'R-002 Vendor model drift' })).toBeVisible();
  const back = testInfo.outputPath('back.aims.zip');
  await exportBundle(client, clientWs, back);
  await context.close();
  expect(clientErrors).toEqual([]);

  // Meanwhile the consultant renamed it too and described it.
  await editRisk(page, ws, { Title: 'Biased screening of applicants', Description: 'Older applicants are ranked lower.' });

  await page.goto(ws + '/exchange');
  await page.getByLabel('Bundle file (.zip or encrypted .enc)').setInputFiles(back);
  await page.getByRole('button', { name: 'Check the file' }).click();
  // The records it adds or updates, by number and title, per register.
  const lists = page.getByTestId('import-lists');
  const risks = lists.getByText('Risk register: 1 new, 0 updated, 0 removed');
  await risks.focus();
  await page.keyboard.press('Enter');
  await expect(lists.getByRole('heading', { level: 4, name: 'New (1)' })).toBeVisible();
  await expect(lists.getByRole('listitem')).toHaveText(['R-002 Vendor model drift']);
  const conflicts = page.getByTestId('merge-conflicts');
  await expect(conflicts.getByRole('heading')).toHaveText('Conflicts: changed on both sides since the last exchange (1)');
  const record = conflicts.getByRole('group', { name: 'Risk register: R-001 Biased screening of applicants' });
  const fields = record.getByTestId('merge-fields');
  await expect(fields.getByRole('rowheader')).toHaveText(['Title', 'Description', 'Risk owner']);
  // Title: both changed it; the value at the export is known from both histories.
  const title = fields.getByRole('row', { name: /^Title/ });
  await expect(title.getByRole('cell').nth(0)).toHaveText('Biased screening', { useInnerText: true });
  await expect(title).toContainText('Biased CV screening');
  // A field only one side changed starts on that side.
  await expect(record.getByRole('radio', { name: 'Risk owner: take theirs' })).toBeChecked();
  await expect(record.getByRole('radio', { name: 'Description: keep mine' })).toBeChecked();
  await expect(record.getByRole('radio', { name: 'Title: keep mine' })).toBeChecked();
  expect(await page.getByTestId('import-preview-card').innerText()).not.toMatch(UUID);
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);

  // From the keyboard: Tab from the record's buttons into the title's choice, arrow to theirs.
  await record.getByRole('button', { name: /^Take all theirs/ }).focus();
  await page.keyboard.press('Tab');
  await expect(record.getByRole('radio', { name: 'Title: keep mine' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(record.getByRole('radio', { name: 'Title: take theirs' })).toBeChecked();
  await expect(record.getByTestId('merge-tally')).toHaveText('Fields kept from mine: 1; taken from theirs: 2');
  await page.keyboard.press('Tab');
  await expect(record.getByRole('radio', { name: 'Description: keep mine' })).toBeFocused();
  await page.getByRole('button', { name: 'Import', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard — Merge Co' })).toBeVisible();

  // The risk holds exactly the chosen mix.
  await page.goto(ws + '/risks');
  await page.getByRole('link', { name: /R-001/ }).first().click();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Biased CV screening');
  await expect(page.getByLabel('Risk owner', { exact: true })).toHaveValue('Client HR');
  await expect(page.getByLabel('Description', { exact: true })).toHaveValue('Older applicants are ranked lower.');
});
