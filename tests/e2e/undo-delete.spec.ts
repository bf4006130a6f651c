import { createWorkspace, expect, settled, test } from './fixtures';

test('a deleted risk can be brought back from the toast that says it moved to the trash, by keyboard', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Undo Co');
  const ws = page.url();
  await page.goto(`${ws}/risks`);
  await page.getByLabel('Title of the new risk').fill('Scoring drifts after retraining');
  await page.getByRole('button', { name: 'Add risk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'R-001 Scoring drifts after retraining' })).toBeVisible();
  await page.getByLabel('Risk owner', { exact: true }).fill('Head of data');
  await settled(page);

  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'AI risk register' })).toBeVisible();
  const toast = page.getByRole('group', { name: 'R-001 Scoring drifts after retraining moved to the trash.' });
  await expect(toast).toBeVisible();
  // It waits while focused, so there is time to reach it by keyboard.
  await toast.getByRole('button', { name: 'Undo' }).focus();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'R-001 Scoring drifts after retraining' })).toBeVisible();
  await expect(page.getByLabel('Risk owner', { exact: true })).toHaveValue('Head of data');
  await expect(page.getByRole('group', { name: 'R-001 Scoring drifts after retraining is back where it was.' })).toBeVisible();
  await page.goto(`${ws}/trash`);
  await expect(page.getByText('The trash is empty.')).toBeVisible();
});

test('a toast can be dismissed, and leaves by itself', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Toast Co');
  const ws = page.url();
  await page.goto(`${ws}/controls`);
  await page.getByLabel('Name of the new control').fill('Model release gate');
  await page.getByRole('button', { name: 'Add control' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Model release gate' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  const toast = page.getByRole('group', { name: 'Model release gate moved to the trash.' });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Dismiss' }).click();
  await expect(toast).toHaveCount(0);
  await page.goto(`${ws}/trash`);
  await expect(page.getByRole('main')).toContainText('Model release gate');
});
