import { createWorkspace, expect, settled, test } from './fixtures';

test('a record shows who changed which field from what to what; a deleted record comes back from the trash', async ({ watched: { page } }) => {
  await page.goto('./');
  await page.getByLabel('Your name (for the change history)').fill('Dana Auditor');
  await page.getByRole('button', { name: 'Save my name' }).click();
  await expect(page.getByText('Your name is saved')).toBeVisible();
  await createWorkspace(page, 'History Co');
  const ws = page.url();

  await page.goto(ws + '/cycle/nonconformity');
  await page.locator('#new-nonconformity').fill('Model card missing');
  await page.locator('#new-nonconformity').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'NC-001 Model card missing' })).toBeVisible();
  await page.locator('#rec-rootCause').fill('No release checklist <b>yet</b>');
  await settled(page);

  const history = page.getByRole('region', { name: 'History' });
  await expect(history).toContainText('Dana Auditor');
  await expect(history).toContainText('Created');
  await expect(history).toContainText('Root cause');
  // User text is shown as text, never as markup.
  await expect(history).toContainText('No release checklist <b>yet</b>');

  // Delete it: it goes to the trash, and comes back with its history.
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nonconformities and corrective actions' })).toBeVisible();
  await expect(page.getByText('Nothing recorded yet.')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trash' }).click();
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  await page.goto(ws + '/cycle/nonconformity');
  await page.getByRole('link', { name: 'Model card missing' }).click();
  await expect(page.locator('#rec-rootCause')).toHaveValue('No release checklist <b>yet</b>');
  await expect(page.getByRole('region', { name: 'History' })).toContainText('Restored');

  // The workspace-wide history lists the same events.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change history' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('NC-001 Model card missing');
  await expect(page.getByRole('main')).toContainText('Deleted');
});
