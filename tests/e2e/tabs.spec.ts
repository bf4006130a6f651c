import { createWorkspace, expect, settled, test } from './fixtures';

test('an edit in one tab appears in another tab of the same browser without a reload', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Two Tabs Co');
  const ws = page.url();
  const other = await page.context().newPage();
  await other.goto(ws + '/item/4.1');
  await expect(other.getByRole('heading', { level: 1, name: /^4\.1 / })).toBeVisible();

  await page.goto(ws + '/item/4.1');
  await page.getByLabel('Owner', { exact: true }).fill('Head of Compliance');
  await page.getByLabel('Status', { exact: true }).selectOption('in-progress');
  await settled(page);

  await expect(other.getByLabel('Owner', { exact: true })).toHaveValue('Head of Compliance');
  await expect(other.getByLabel('Status', { exact: true })).toHaveValue('in-progress');

  // A new record created in one tab shows in the other tab's register list.
  await other.goto(ws + '/cycle/issue');
  await page.goto(ws + '/cycle/issue');
  await page.locator('#new-issue').fill('New EU rules for AI providers');
  await page.locator('#new-issue').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'CTX-001 New EU rules for AI providers' })).toBeVisible();
  await expect(other.getByRole('link', { name: 'New EU rules for AI providers' })).toBeVisible();
  await other.close();
});

test('a newer database version opened in another tab is not blocked: this tab closes its connection and asks for a reload', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Upgrade Co');
  const other = await page.context().newPage();
  // Another tab of the same origin (a newer app version, here a static page of the app) opens the database at a higher version.
  await other.goto('./favicon.svg');
  const opened = await other.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const probe = indexedDB.open('aims-workbench');
        probe.onsuccess = () => {
          const version = probe.result.version;
          probe.result.close();
          const req = indexedDB.open('aims-workbench', version + 1);
          req.onblocked = () => resolve('blocked');
          req.onsuccess = () => {
            req.result.close();
            resolve('opened');
          };
          req.onerror = () => resolve(`error: ${String(req.error)}`);
        };
        probe.onerror = () => resolve('probe failed');
      }),
  );
  expect(opened).toBe('opened');
  await expect(page.getByRole('alert').filter({ hasText: 'updated in another tab' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
  await other.close();
});

test('two tabs typing in the same field: the second writer is asked which version to keep, nothing is lost silently', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Conflict Co');
  const ws = page.url();
  await page.goto(ws + '/risks');
  await page.getByLabel('Title of the new risk').fill('Model drift');
  await page.getByRole('button', { name: 'Add risk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'R-001 Model drift' })).toBeVisible();
  const riskUrl = page.url();
  const other = await page.context().newPage();
  await other.goto(riskUrl);

  // This tab starts typing the owner.
  const mine = page.getByLabel('Risk owner', { exact: true });
  await mine.click();
  await mine.pressSequentially('Alice');
  await settled(page);
  // The other tab, seeing "Alice", changes it.
  const theirs = other.getByLabel('Risk owner', { exact: true });
  await expect(theirs).toHaveValue('Alice');
  await theirs.click();
  await theirs.press('End');
  await theirs.pressSequentially(' and Bob');
  await theirs.blur();
  await expect(other.locator('.save-state')).toHaveText('Saved');

  // This tab, still in its field, types on: its save is held and the user is asked.
  await mine.pressSequentially('!');
  const dialog = page.getByRole('alertdialog', { name: 'Changed in another tab' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('conflict-theirs')).toHaveText('Alice and Bob');
  await expect(dialog.getByTestId('conflict-mine')).toHaveText('Alice!');
  await expect(dialog.getByRole('button', { name: 'Keep mine' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Keep theirs' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(mine).toBeFocused();
  await expect(mine).toHaveValue('Alice and Bob');
  await expect(theirs).toHaveValue('Alice and Bob');

  // Keeping mine writes mine everywhere.
  await mine.click();
  await mine.press('End');
  await mine.pressSequentially(' (risk');
  await settled(page);
  await expect(theirs).toHaveValue('Alice and Bob (risk');
  await theirs.click();
  await theirs.press('End');
  await theirs.pressSequentially(' (legal)');
  await theirs.blur();
  await expect(other.locator('.save-state')).toHaveText('Saved');
  await mine.pressSequentially(')');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep mine' }).click();
  await expect(theirs).toHaveValue('Alice and Bob (risk)');
  // Back in its field, this tab shows the kept text at once, and typing on asks nothing more.
  await expect(mine).toBeFocused();
  await expect(mine).toHaveValue('Alice and Bob (risk)');
  await mine.press('End');
  await mine.pressSequentially('!');
  await settled(page);
  await expect(dialog).toHaveCount(0);
  await expect(theirs).toHaveValue('Alice and Bob (risk)!');
  await expect(mine).toHaveValue('Alice and Bob (risk)!');
  await other.close();
});
