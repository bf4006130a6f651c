import { createWorkspace, expect, settled, test } from './fixtures';

/**
 * The risk list is read and rated in a worker of its own, outside the page's live queries: an edit
 * in this tab or another must still reach it, and only the rows that changed are sent again.
 */
test('the risk list follows an edit in another tab and a new one while a search is on', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Live List Co');
  const ws = page.url();
  await page.goto(ws + '/risks');
  await expect(page.getByTestId('risk-count')).toHaveText('0 of 0 risks');
  for (const title of ['Model drift', 'Unfair refusals']) {
    await page.getByLabel('Title of the new risk').fill(title);
    await page.getByRole('button', { name: 'Add risk' }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(title) })).toBeVisible();
    await page.goto(ws + '/risks');
  }
  const register = page.getByRole('table', { name: 'Risk register' });
  await expect(page.getByTestId('risk-count')).toHaveText('2 of 2 risks');
  await expect(register.getByRole('row')).toHaveCount(3);

  // Another tab renames R-002 and rates it; this tab's list and heat map follow.
  const other = await page.context().newPage();
  await other.goto(ws + '/risks');
  await other.getByRole('link', { name: 'R-002' }).click();
  await other.getByLabel('Title', { exact: true }).fill('Unfair refusals for some groups');
  await other.locator('#inherent-likelihood').selectOption({ label: 'Likely' });
  await other.locator('#inherent-impact').selectOption({ label: 'Major' });
  await settled(other);
  await expect(register.getByRole('row', { name: /R-002/ })).toContainText('Unfair refusals for some groups');
  await expect(register.getByRole('row', { name: /R-002/ })).toContainText('High');
  await expect(page.getByRole('button', { name: /Likelihood Likely, impact Major \(High\): 1 risk\b/ })).toBeVisible();
  await other.close();

  // A search while the other tab adds a risk: the search stays and its count follows.
  await page.getByLabel('Search risks').fill('refusals');
  await expect(page.getByTestId('risk-count')).toHaveText('1 of 2 risks');
  const third = await page.context().newPage();
  await third.goto(ws + '/risks');
  await third.getByLabel('Title of the new risk').fill('Refusals explained badly');
  await third.getByRole('button', { name: 'Add risk' }).click();
  await expect(third.getByRole('heading', { level: 1, name: /R-003/ })).toBeVisible();
  await third.close();
  await expect(page.getByTestId('risk-count')).toHaveText('2 of 3 risks');
  await expect(page.getByLabel('Search risks')).toHaveValue('refusals');
  await expect(register.getByRole('row', { name: /R-003/ })).toContainText('Refusals explained badly');
});
