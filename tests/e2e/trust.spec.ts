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
