import { createWorkspace, expect, settled, test } from './fixtures';

test('a record shows who changed which field from what to what; a deleted record comes back from the trash', async ({ watched: { page } }) => {
  await page.goto('./');
  await page.getByLabel('Your name (for the change history)').fill('Dana Auditor');
  await page.getByRole('button', { name: 'Save my name' }).click();
  await expect(page.getByRole('group', { name: /^Your name is saved/ })).toBeVisible();
  await createWorkspace(page, 'History Co');
  const ws = page.url();

  await page.goto(ws + '/cycle/nonconformity');
  await page.locator('#new-nonconformity').fill('Model card missing');
  await page.locator('#new-nonconformity').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'NC-001 Model card missing' })).toBeVisible();
  await page.locator('#rec-rootCause').fill('No release checklist <b>yet</b>');
  await settled(page);

  // The history is the record's second tab.
  await page.getByRole('tab', { name: /^History/ }).click();
  const history = page.getByRole('region', { name: 'History' });
  await expect(history).toContainText('Dana Auditor');
  await expect(history).toContainText('Created');
  await expect(history).toContainText('Root cause');
  // User text is shown as text, never as markup.
  await expect(history).toContainText('No release checklist <b>yet</b>');

  // Delete it: it goes to the trash, and comes back with its history.
  await page.getByRole('tab', { name: 'Details' }).click();
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
  await page.getByRole('tab', { name: /^History/ }).click();
  await expect(page.getByRole('region', { name: 'History' })).toContainText('Restored');

  // The workspace-wide history lists the same events.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change history' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('NC-001 Model card missing');
  await expect(page.getByRole('main')).toContainText('Deleted');
});

test('the History page filters by register (a management-system kind too), person and period, from the keyboard', async ({ watched: { page } }) => {
  await page.goto('./');
  await page.getByLabel('Your name (for the change history)').fill('Dana Auditor');
  await page.getByRole('button', { name: 'Save my name' }).click();
  await expect(page.getByRole('group', { name: /^Your name is saved/ })).toBeVisible();
  await createWorkspace(page, 'Filter Co');
  const ws = page.url();
  for (const [kind, title] of [
    ['audit', 'Internal audit 2026'],
    ['nonconformity', 'Model card missing'],
  ]) {
    await page.goto(`${ws}/cycle/${kind}`);
    await page.locator(`#new-${kind}`).fill(title!);
    await page.locator(`#new-${kind}`).press('Enter');
    await expect(page.locator('#rec-title')).toHaveValue(title!);
  }
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workspaces' }).click();
  await page.getByLabel('Your name (for the change history)').fill('Sam Auditor');
  await page.getByRole('button', { name: 'Save my name' }).click();
  await expect(page.getByRole('group', { name: /^Your name is saved/ })).toBeVisible();
  await page.goto(`${ws}/risks`);
  await page.getByLabel('Title of the new risk').fill('Drift');
  await page.getByRole('button', { name: 'Add risk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'R-001 Drift' })).toBeVisible();

  await page.goto(`${ws}/history`);
  const count = page.getByTestId('history-count');
  await expect(count).toHaveText('4 of 4 changes');
  const rows = page.locator('tbody tr');

  // A kind of management-system record, chosen with the keyboard.
  const register = page.getByLabel('Register');
  await register.focus();
  await page.keyboard.type('Internal');
  await expect(register).toHaveValue('kind:audit');
  await expect(count).toHaveText('1 of 4 changes');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Internal audit');
  await expect(rows.first()).toContainText('IA-001 Internal audit 2026');
  await register.selectOption({ label: 'All management-system records' });
  await expect(count).toHaveText('2 of 4 changes');

  // A person, then everyone again (the reset button, pressed with Enter).
  await page.getByRole('button', { name: 'Show all changes' }).focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Who').selectOption('Sam Auditor');
  await expect(count).toHaveText('1 of 4 changes');
  await expect(rows.first()).toContainText('R-001 Drift');
  await page.getByRole('button', { name: 'Show all changes' }).click();
  await expect(count).toHaveText('4 of 4 changes');
  await expect(page.getByRole('button', { name: 'Show all changes' })).toHaveCount(0);

  // A period in local days: today has them all, a period that ends before it starts says so.
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv'));
  await page.getByLabel('From', { exact: true }).fill(today);
  await page.getByLabel('To', { exact: true }).fill(today);
  await expect(count).toHaveText('4 of 4 changes');
  await page.getByLabel('From', { exact: true }).fill('2099-01-02');
  await page.getByLabel('To', { exact: true }).fill('2099-01-01');
  await expect(page.getByRole('alert').filter({ hasText: 'The period ends before it starts' })).toBeVisible();
  await expect(page.getByLabel('From', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(count).toHaveText('0 of 4 changes');
});
