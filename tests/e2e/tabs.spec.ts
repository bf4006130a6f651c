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
