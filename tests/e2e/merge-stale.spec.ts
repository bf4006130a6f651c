import type { Page } from '@playwright/test';
import { createWorkspace, expect, settled, test } from './fixtures';

async function exportBundle(page: Page, ws: string, path: string): Promise<void> {
  await page.goto(ws + '/exchange');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await (await downloading).saveAs(path);
}

test('a merge previewed before another tab edited a record it updates is not written: the preview is made again with the conflict', async ({
  watched: { page },
  browser,
  baseURL,
}, testInfo) => {
  // The consultant sends a workspace with one risk.
  await createWorkspace(page, 'Stale Co');
  const ws = page.url();
  await page.goto(ws + '/risks');
  await page.getByLabel('Title of the new risk').fill('Biased screening');
  await page.getByRole('button', { name: 'Add risk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'R-001 Biased screening' })).toBeVisible();
  const riskUrl = page.url();
  const sent = testInfo.outputPath('sent.aims.zip');
  await exportBundle(page, ws, sent);

  // The client renames the risk and sends it back.
  const context = await browser.newContext({ baseURL: baseURL! });
  const client = await context.newPage();
  await client.goto('./#/import');
  await client.getByLabel('Bundle file (.zip or encrypted .enc)').setInputFiles(sent);
  await client.getByRole('button', { name: 'Check the file' }).click();
  await client.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(client.getByRole('heading', { level: 1, name: 'Dashboard — Stale Co' })).toBeVisible();
  const clientWs = client.url().replace(/\/dashboard$/, '');
  await client.goto(clientWs + '/risks');
  await client.getByRole('link', { name: /R-001/ }).first().click();
  await client.getByLabel('Title', { exact: true }).fill('Biased CV screening');
  await settled(client);
  const back = testInfo.outputPath('back.aims.zip');
  await exportBundle(client, clientWs, back);
  await context.close();

  // The consultant previews the merge: the risk is to be updated, nothing conflicts.
  await page.goto(ws + '/exchange');
  await page.getByLabel('Bundle file (.zip or encrypted .enc)').setInputFiles(back);
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('import-lists').getByText('Risk register: 0 new, 1 updated, 0 removed')).toBeVisible();
  await expect(page.getByTestId('merge-conflicts')).toHaveCount(0);

  // Meanwhile a second tab describes the risk.
  const other = await page.context().newPage();
  await other.goto(riskUrl);
  await other.getByLabel('Description', { exact: true }).fill('Older applicants are ranked lower.');
  await other.getByLabel('Description', { exact: true }).blur();
  await expect(other.locator('.save-state')).toHaveText('Saved');

  // Import: nothing is written, the record is named, and the preview now shows the conflict.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const card = page.getByTestId('import-preview-card');
  await expect(card.getByRole('alert')).toHaveText(
    'Changed in this browser after the preview was made: R-001 Biased screening. Nothing was imported. The preview above has been made again from the records as they are now: check it, then import again.',
  );
  const conflicts = page.getByTestId('merge-conflicts');
  await expect(conflicts.getByRole('heading', { level: 3 })).toHaveText('Conflicts: changed on both sides since the last exchange (1)');
  const record = conflicts.getByRole('group', { name: 'Risk register: R-001 Biased screening' });
  await expect(record.getByRole('radio', { name: 'Description: keep mine' })).toBeChecked();
  await expect(record.getByRole('radio', { name: 'Title: take theirs' })).toBeChecked();
  await expect(other.getByLabel('Description', { exact: true })).toHaveValue('Older applicants are ranked lower.');
  await expect(other.getByLabel('Title', { exact: true })).toHaveValue('Biased screening');

  // Imported from the new preview, the second tab's edit is kept beside the client's title.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard — Stale Co' })).toBeVisible();
  await expect(other.getByLabel('Title', { exact: true })).toHaveValue('Biased CV screening');
  await expect(other.getByLabel('Description', { exact: true })).toHaveValue('Older applicants are ranked lower.');
  await other.close();
});
