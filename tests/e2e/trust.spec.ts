import { createWorkspace, expect, settled, test } from './fixtures';

test('text typed just before the tab closes is all there when the workspace opens again', async ({ watched: { page }, context }) => {
  await createWorkspace(page, 'Flush Co');
  const ws = page.url();
  await page.goto(ws + '/risks');
  await page.getByLabel('Title of the new risk').fill('Model drift');
  await page.getByRole('button', { name: 'Add risk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'R-001 Model drift' })).toBeVisible();
  const riskUrl = page.url();
  await settled(page);

  // Every keystroke autosaves; the page closes at once after the last one (no beforeunload, no wait).
  const text = 'Scores drift when the applicant population changes; we retrain quarterly and compare against a hold-out set.';
  await page.locator('#risk-description').click();
  await page.keyboard.type(text);
  await page.close();

  const again = await context.newPage();
  await again.goto(riskUrl);
  await expect(again.locator('#risk-description')).toHaveValue(text);
  await again.reload();
  await expect(again.locator('#risk-description')).toHaveValue(text);
  // The journal that carried the last keystrokes over is gone once they are in the database.
  expect(await again.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('aims.unsaved.')))).toEqual([]);
});

test('deleting a workspace asks for its name typed and offers a backup in the same dialog', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Keep Co');
  await page.goto('./#/');
  await page.getByLabel('Workspace name').fill('Gone Co');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard — Gone Co' })).toBeVisible();
  await page.goto('./#/');
  await page.getByRole('group', { name: 'Actions for Gone Co' }).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete workspace "Gone Co"?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('It does not go to the Trash and cannot be restored');

  // The backup is the full bundle, downloaded from the dialog.
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export a backup first' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Gone-Co-\d{4}-\d{2}-\d{2}\.aims\.zip$/);
  await expect(dialog.getByTestId('delete-ws-backup-status')).toContainText('Backup saved');

  // The delete button works only once the name matches exactly (spaces around it aside).
  const name = dialog.getByLabel('To confirm, type the name of the workspace: Gone Co');
  const confirm = dialog.getByRole('button', { name: 'Delete "Gone Co"' });
  await expect(confirm).toBeDisabled();
  await name.fill('gone co');
  await expect(confirm).toBeDisabled();
  await name.press('Enter');
  await expect(dialog).toBeVisible();
  await name.fill(' Gone Co ');
  await expect(confirm).toBeEnabled();
  // From the keyboard: Enter in the field confirms.
  await name.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Gone Co' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Keep Co' })).toBeVisible();

  // Escape leaves the dialog without deleting.
  await page.getByRole('group', { name: 'Actions for Keep Co' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Keep Co' })).toBeVisible();
});

test('a bundle imported beside a workspace of the same name is proposed a name that tells the two apart', async ({ watched: { page } }, testInfo) => {
  await createWorkspace(page, 'Client Co');
  await page.goto(page.url() + '/exchange');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const bundlePath = testInfo.outputPath('client.aims.zip');
  await (await downloading).saveAs(bundlePath);

  await page.goto('./#/import');
  await page.getByLabel('Bundle file (.zip or encrypted .enc)').setInputFiles(bundlePath);
  await page.getByRole('button', { name: 'Check the file' }).click();
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  const field = page.getByLabel('Name of the new workspace');
  await expect(field).toHaveValue(`Client Co (imported ${today})`);
  await expect(page.getByText('A workspace named "Client Co" already exists in this browser')).toBeVisible();

  // An empty name is refused; another one is taken as typed.
  await field.fill(' ');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Enter a name.' })).toBeVisible();
  await field.fill('Client Co, returned by the client');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard — Client Co, returned by the client' })).toBeVisible();
  await page.goto('./#/');
  await expect(page.getByRole('heading', { level: 2 }).filter({ hasText: /^Client Co/ })).toHaveText(['Client Co', 'Client Co, returned by the client']);
});

test('every tab title names the page and the workspace', async ({ watched: { page } }) => {
  await page.goto('./');
  await expect(page).toHaveTitle('Workspaces — AIMS Workbench');
  await createWorkspace(page, 'Title Co');
  const ws = page.url();
  await expect(page).toHaveTitle('Dashboard — Title Co — AIMS Workbench');
  await page.goto(ws + '/risks');
  await expect(page).toHaveTitle('Risks — Title Co — AIMS Workbench');
  await page.goto(ws + '/cycle/audit');
  await expect(page).toHaveTitle('Internal audits — Title Co — AIMS Workbench');
  await page.goto('./#/import');
  await expect(page).toHaveTitle('Import a bundle — AIMS Workbench');
  // A rename shows at once.
  await page.goto('./#/');
  await page.getByRole('group', { name: 'Actions for Title Co' }).getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New name for Title Co').fill('Title GmbH');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.goto(ws + '/trash');
  await expect(page).toHaveTitle('Trash — Title GmbH — AIMS Workbench');
});
