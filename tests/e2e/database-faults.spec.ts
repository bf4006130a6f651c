import type { Page } from '@playwright/test';
import { createWorkspace, expect, settled, test } from './fixtures';

/** Another tab of the same origin (a static page of the app) opens the database at a higher version, as a newer app would. */
async function upgradeFrom(other: Page, by: number, addStore = false): Promise<string> {
  await other.goto('./favicon.svg');
  return other.evaluate(
    ([step, add]) =>
      new Promise<string>((resolve) => {
        const probe = indexedDB.open('aims-workbench');
        probe.onsuccess = () => {
          const version = probe.result.version;
          probe.result.close();
          const req = indexedDB.open('aims-workbench', version + step);
          req.onupgradeneeded = () => {
            if (add) req.result.createObjectStore('fromTheFuture');
          };
          req.onblocked = () => resolve('blocked');
          req.onsuccess = () => {
            req.result.close();
            resolve('opened');
          };
          req.onerror = () => resolve(`error: ${String(req.error)}`);
        };
        probe.onerror = () => resolve('probe failed');
      }),
    [by, addStore] as const,
  );
}

test('after another tab upgrades the database, fields stop taking edits and the save indicator never says "Saved"', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Closed Co');
  await page.goto(page.url() + '/item/4.1');
  const owner = page.getByLabel('Owner', { exact: true });
  await owner.fill('Head of Compliance');
  await settled(page);

  const other = await page.context().newPage();
  expect(await upgradeFrom(other, 1)).toBe('opened');
  await expect(page.getByRole('alert').filter({ hasText: 'updated in another tab' })).toBeVisible();
  await expect(owner).not.toBeEditable();
  await expect(page.locator('.save-state')).toHaveText('Not saved — reload this tab');
  await expect(owner).toHaveValue('Head of Compliance');
  // The reload is the one way on, and it works.
  await other.close();
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByLabel('Owner', { exact: true })).toHaveValue('Head of Compliance');
  await expect(page.getByLabel('Owner', { exact: true })).toBeEditable();
});

test('an update held up by another tab that keeps the database open says what is waiting and what to do', async ({ watched: { page } }) => {
  const other = await page.context().newPage();
  await other.goto('./favicon.svg');
  // An old tab holds the database at a lower version and never lets go when asked.
  await other.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const req = indexedDB.open('aims-workbench', 1);
        req.onsuccess = () => {
          (window as unknown as { held: IDBDatabase }).held = req.result;
          resolve();
        };
      }),
  );
  await page.goto('./');
  await expect(page.getByRole('status').filter({ hasText: 'Close the other AIMS Workbench tabs to finish the update' })).toBeVisible();
  await other.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
  await expect(page.getByLabel('Workspace name')).toBeVisible();
  await expect(page.getByText('Close the other AIMS Workbench tabs')).toHaveCount(0);
  await other.close();
});

test('a database a newer version of the app has changed is shown read-only, never written by this older app', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Newer Co');
  const ws = page.url();
  await page.goto(ws + '/item/4.1');
  await page.getByLabel('Owner', { exact: true }).fill('Head of Compliance');
  await settled(page);
  // A newer app (here, raw IndexedDB) moves the database on by one release and adds a table.
  expect(await upgradeFrom(page, 10, true)).toBe('opened');

  await page.goto(ws + '/item/4.1');
  await expect(page.getByRole('alert').filter({ hasText: "A newer version of AIMS Workbench changed this browser's data. Reload to update." })).toBeVisible();
  const owner = page.getByLabel('Owner', { exact: true });
  await expect(owner).toHaveValue('Head of Compliance');
  await expect(owner).not.toBeEditable();
  await expect(page.locator('.save-state')).toHaveText('Read-only');
  // Reading goes on: another page of the workspace opens.
  await page.getByRole('link', { name: 'Statement of Applicability' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Statement of Applicability/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
});
