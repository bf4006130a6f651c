import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

/** A bundle folder compressed as a folder with Info-ZIP `zip -r` (tests/fixtures/rezipped-bundles/README.md). */
const folderZip = fileURLToPath(new URL('../fixtures/rezipped-bundles/folder.aims.zip', import.meta.url));

test('a bundle folder compressed as a folder imports, with a note naming the folder, and keeps its evidence file name', async ({ watched: { page } }) => {
  await page.goto('./#/import');
  await page.getByLabel('Bundle file (.zip or encrypted .enc)').setInputFiles(folderZip);
  await page.getByRole('button', { name: 'Check the file' }).click();
  const preview = page.getByTestId('import-preview-card');
  await expect(preview.getByTestId('import-summary')).toBeVisible();
  await expect(preview.getByText('1 evidence file', { exact: true })).toBeVisible();
  await expect(preview.getByRole('listitem').filter({ hasText: 'The bundle is inside the folder' })).toContainText('"AIMS bundle 2026-11-27"');
  await expect(preview).not.toContainText('not listed in the manifest');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard — Zip fixture' })).toBeVisible();
  await page.goto(page.url().replace(/\/?$/, '/item/4.1'));
  await expect(page.getByRole('list', { name: 'Evidence for 4.1' })).toContainText('Prüfbericht 风险评估.txt');
});
