import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createWorkspace, expect, settled, test } from './fixtures';

test('export a workspace with an attachment, import it as a new workspace, see the same SoA; a damaged bundle changes nothing', async ({
  watched: { page },
}, testInfo) => {
  await createWorkspace(page, 'Bundle Co');
  const ws = page.url();
  await page.goto(ws + '/item/A.2.3');
  await page.getByLabel('Status', { exact: true }).selectOption('not-applicable');
  await page.getByLabel('Justification category').selectOption('business-practice');
  await page.getByLabel('Justification', { exact: true }).fill('We have no other organizational policies yet.');
  await page
    .getByLabel('File', { exact: true })
    .setInputFiles({ name: 'policy-register.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 register\n%%EOF') });
  await page.getByRole('button', { name: 'Add' }).nth(1).click();
  await expect(page.getByRole('list', { name: 'Evidence for A.2.3' })).toContainText('policy-register.pdf');
  await settled(page);

  // Export (the work runs in a worker; the file downloads). A full export counts as a backup.
  await page.goto(ws + '/exchange');
  await expect(page.getByTestId('last-backup')).toHaveText('This workspace has not been backed up from this browser yet.');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Bundle-Co-\d{4}-\d{2}-\d{2}\.aims\.zip$/);
  const bundlePath = testInfo.outputPath('bundle.aims.zip');
  await download.saveAs(bundlePath);
  await expect(page.getByTestId('export-status')).toContainText('Saved');
  await expect(page.getByTestId('last-backup')).toContainText('Last full backup of this workspace:');

  // Import as a new workspace.
  await page.goto('./#/import');
  await page.getByLabel('Bundle file (.zip or encrypted .enc)').setInputFiles(bundlePath);
  await page.getByRole('button', { name: 'Check the file' }).click();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('row', { name: /Walkthrough answers/ })).toContainText('1');
  await expect(page.getByText('1 evidence file', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard — Bundle Co' })).toBeVisible();
  expect(page.url()).not.toBe(ws);
  await page.getByRole('link', { name: 'Statement of Applicability' }).first().click();
  const row = page.getByTestId('soa-row-A.2.3');
  await expect(row).toContainText('No');
  await expect(row).toContainText('We have no other organizational policies yet.');
  await page.goto(page.url().replace('/soa', '/item/A.2.3'));
  await expect(page.getByRole('list', { name: 'Evidence for A.2.3' })).toContainText('policy-register.pdf');

  // A damaged bundle: the error names the problem, and nothing changes.
  const bytes = await readFile(bundlePath);
  const damaged = Buffer.from(bytes.subarray(0, Math.floor(bytes.length / 2)));
  await page.goto('./#/');
  await expect(page.getByRole('heading', { level: 2, name: 'Bundle Co' })).toHaveCount(2);
  const before = await page.getByRole('list').first().textContent();
  await page.goto('./#/import');
  await page.getByLabel('Bundle file (.zip or encrypted .enc)').setInputFiles({ name: 'damaged.aims.zip', mimeType: 'application/zip', buffer: damaged });
  await page.getByRole('button', { name: 'Check the file' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'cannot be imported' });
  await expect(alert).toBeVisible();
  // It says where the file ends, not only that it is damaged.
  await expect(alert).toContainText(`The zip file is cut short: it ends after ${damaged.length} bytes, before its directory and end record.`);
  await page.goto('./#/');
  await expect(page.getByRole('heading', { level: 2, name: 'Bundle Co' })).toHaveCount(2);
  await expect(page.getByRole('list').first()).toHaveText(before ?? '');
});

test('an encrypted bundle asks for its passphrase and refuses a wrong one', async ({ watched: { page } }, testInfo) => {
  await createWorkspace(page, 'Secret Co');
  await page.goto(page.url() + '/exchange');
  await page.getByLabel('Protect with a passphrase').check();
  await page.getByLabel('Passphrase', { exact: true }).fill('a long enough passphrase');
  await page.getByLabel('Repeat the passphrase').fill('a long enough passphrase');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^aims-bundle-\d{4}-\d{2}-\d{2}\.aims\.enc$/);
  const path = testInfo.outputPath('secret.aims.enc');
  await download.saveAs(path);

  await page.goto('./#/import');
  // A damaged copy (its header length out of range) is refused as damaged, naming why, before any passphrase is asked for.
  const damaged = Buffer.from(await readFile(path));
  damaged.writeUInt32BE(70_000, 8);
  await page
    .getByLabel('Bundle file (.zip or encrypted .enc)')
    .setInputFiles({ name: 'damaged.aims.enc', mimeType: 'application/octet-stream', buffer: damaged });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'The encrypted file is damaged: its header length is 70000 bytes (allowed 1 to 4096).' }),
  ).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'enter its passphrase' })).toHaveCount(0);
  await expect(page.getByLabel('Passphrase of the encrypted bundle')).not.toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Bundle file (.zip or encrypted .enc)').setInputFiles(path);
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'enter its passphrase' })).toBeVisible();
  await page.getByLabel('Passphrase of the encrypted bundle').fill('wrong passphrase!');
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong passphrase or damaged file' })).toBeVisible();
  await page.getByLabel('Passphrase of the encrypted bundle').fill('a long enough passphrase');
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('import-summary')).toBeVisible();
});

test('the report in an unzipped bundle indexes the evidence and opens each file from the folder beside it', async ({ watched: { page } }, testInfo) => {
  await createWorkspace(page, 'Report Co');
  const ws = page.url();
  await page.goto(ws + '/item/A.2.3');
  const pdf = Buffer.from('%PDF-1.4 signed register\n%%EOF');
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'policy register #2.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Add' }).nth(1).click();
  await expect(page.getByRole('list', { name: 'Evidence for A.2.3' })).toContainText('policy register #2.pdf');
  await settled(page);
  await page.goto(ws + '/exchange');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const zip = testInfo.outputPath('report.aims.zip');
  await (await downloading).saveAs(zip);
  const folder = testInfo.outputPath('unzipped');
  execFileSync('unzip', ['-q', zip, '-d', folder]);

  // The report is opened as a reader would: a file beside its attachments folder, nothing fetched from anywhere.
  const reader = await page.context().newPage();
  const requests: string[] = [];
  reader.on('request', (r) => requests.push(r.url()));
  await reader.goto(pathToFileURL(`${folder}/report.html`).href);
  const index = reader.locator('#evidence');
  await expect(index.getByRole('heading', { level: 2, name: 'Evidence index' })).toBeVisible();
  const row = index.getByRole('row').filter({ hasText: 'policy register #2.pdf' });
  await expect(row.getByRole('rowheader')).toHaveText(/^A\.2\.3 /);
  const link = row.getByRole('link', { name: 'policy register #2.pdf' });
  const target = new URL((await link.getAttribute('href'))!, reader.url());
  expect(await readFile(fileURLToPath(target))).toEqual(pdf);
  expect(await reader.locator('body').innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  expect(requests.every((u) => u.startsWith(pathToFileURL(folder).href))).toBe(true);
  await reader.close();
});

test('a bundle imported in another browser shows its dashboard from the figures the check worked out, not by reading every record again; an edit after counts at once', async ({
  watched: { page },
  browser,
  baseURL,
}, testInfo) => {
  await createWorkspace(page, 'Figures Co');
  const ws = page.url();
  for (const title of ['Model drift unnoticed', 'Training data leaks']) {
    await page.goto(ws + '/risks');
    await page.getByLabel('Title of the new risk').fill(title);
    await page.getByRole('button', { name: 'Add risk' }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^R-\\d+ ${title}$`) })).toBeVisible();
    await page.getByLabel('Treatment due').fill('2020-06-30');
    await settled(page);
  }
  await page.goto(ws + '/exchange');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const sent = testInfo.outputPath('figures.aims.zip');
  await (await downloading).saveAs(sent);

  const context = await browser.newContext({ baseURL: baseURL! });
  const client = await context.newPage();
  await client.goto('./#/import');
  await client.getByLabel('Bundle file (.zip or encrypted .enc)').setInputFiles(sent);
  await client.getByRole('button', { name: 'Check the file' }).click();
  await client.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(client.getByRole('heading', { level: 1, name: 'Dashboard — Figures Co' })).toBeVisible();
  await expect(client.getByTestId('tile-risks')).toContainText('Open risks by level (2)');
  await expect(client.getByTestId('tile-overdue').locator('.big')).toHaveText('2');
  // The dashboard worker read the kept figures: it never loaded what works them out from records.
  const worker = client.workers().find((w) => w.url().includes('dashboard.worker'));
  expect(worker).toBeDefined();
  const loaded = await worker!.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  expect(loaded.filter((name) => name.includes('dashboard-view'))).toEqual([]);

  // Closing a risk there counts at once, from the digests kept with the figures.
  const clientWs = client.url().replace(/\/dashboard$/, '');
  await client.goto(clientWs + '/risks');
  await client.getByRole('link', { name: /R-001/ }).first().click();
  await client.getByLabel('Status', { exact: true }).selectOption('closed');
  await settled(client);
  await client.goto(clientWs);
  await expect(client.getByTestId('tile-risks')).toContainText('Open risks by level (1)');
  await expect(client.getByTestId('tile-overdue').locator('.big')).toHaveText('1');
  await context.close();
});
