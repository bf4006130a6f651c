import { createWorkspace, expect, test } from './fixtures';

/**
 * The app shell: on a phone the menu is one top bar whose button opens a drawer (a modal dialog: focus
 * inside, Tab kept inside, Escape closes, focus back on the button); Ctrl+K opens the command box,
 * which jumps to a control by its number and to a record by its ref; the switcher opens another workspace.
 */
test('at 390 px the menu is one top bar and a drawer that keeps focus and closes on Escape', async ({ watched: { page } }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await createWorkspace(page, 'Drawer Co');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeHidden();
  // The current place is in the top bar, and the top bar is one row.
  const bar = page.locator('header.top');
  await expect(bar).toContainText('Overview');
  await expect(bar).toContainText('Dashboard');
  expect((await bar.boundingBox())?.height).toBeLessThan(60);

  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  const drawer = page.getByRole('dialog', { name: 'Menu' });
  await expect(drawer).toBeVisible();
  const current = nav.getByRole('link', { name: 'Dashboard' });
  await expect(current).toHaveAttribute('aria-current', 'page');
  await expect(current).toBeFocused();
  // Tab and Shift+Tab go round inside the drawer, never to the page behind it.
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#app-menu') !== null), `focus inside the drawer after ${i + 1} presses`).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(menu).toBeFocused();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');

  // A link followed in the drawer lands on its page with the drawer shut, the new place in the top bar.
  await menu.click();
  await nav.getByRole('link', { name: 'Risks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /risk register/i })).toBeVisible();
  await expect(drawer).toBeHidden();
  await expect(bar).toContainText('AI systems and risks');
  await expect(bar).toContainText('Risks');
  // The close button closes it too.
  await menu.click();
  await page.getByRole('button', { name: 'Close the menu' }).click();
  await expect(drawer).toBeHidden();
  await expect(menu).toBeFocused();
});

test('Ctrl+K jumps to a control by its number and to a risk by its ref', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Command Co');
  const ws = page.url();
  await page.goto(ws + '/risks');
  await page.getByLabel('Title of the new risk').fill('Unfair refusals');
  await page.getByRole('button', { name: 'Add risk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'R-001 Unfair refusals' })).toBeVisible();
  await page.goto(ws);
  await expect(page.getByRole('heading', { level: 1, name: /^Dashboard/ })).toBeVisible();

  await page.keyboard.press('Control+k');
  const box = page.getByRole('combobox', { name: /Search or jump/ });
  await expect(box).toBeFocused();
  await box.fill('A.8.3');
  const list = page.getByRole('listbox');
  const first = list.getByRole('option').first();
  await expect(first).toContainText('A.8.3');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/item\/A\.8\.3$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('A.8.3');
  await expect(box).toBeHidden();

  // The visible button opens it too; arrow keys move the active option; words find a record by its title.
  await page.getByRole('button', { name: 'Search or jump…' }).click();
  await expect(box).toBeFocused();
  await box.fill('R-001');
  await expect(list.getByRole('group', { name: 'Records' }).getByRole('option')).toHaveText([/R-001 Unfair refusals/]);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'R-001 Unfair refusals' })).toBeVisible();

  await page.keyboard.press('Control+k');
  await box.fill('unfair');
  await expect(list.getByRole('option').first()).toContainText('R-001 Unfair refusals');
  await box.fill('impact');
  await expect(list.getByRole('group', { name: 'Pages' }).getByRole('option').first()).toHaveText('Impact assessments');
  const active = () => box.getAttribute('aria-activedescendant');
  const before = await active();
  await page.keyboard.press('ArrowDown');
  expect(await active()).not.toBe(before);
  await page.keyboard.press('ArrowUp');
  expect(await active()).toBe(before);
  // No internal id is shown: every option reads as a page, a numbered item or a ref and title.
  for (const text of await list.getByRole('option').allTextContents()) expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
  await page.keyboard.press('Escape');
  await expect(box).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'R-001 Unfair refusals' })).toBeVisible();
});

test('the workspace switcher shows the client name and opens another workspace', async ({ watched: { page } }) => {
  await createWorkspace(page, 'First Client');
  // The start page reopens the last workspace: the second is made from the workspace list the menu links to.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workspaces' }).click();
  await page.getByLabel('Workspace name').fill('Second Client');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard — Second Client' })).toBeVisible();
  const switcher = page.getByRole('button', { name: 'Second Client Switch workspace' });
  await expect(switcher).toHaveAttribute('aria-expanded', 'false');
  await switcher.click();
  await expect(switcher).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('#workspace-switcher-list').getByRole('link', { name: 'Second Client' })).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Escape');
  await expect(switcher).toBeFocused();
  await expect(switcher).toHaveAttribute('aria-expanded', 'false');
  await switcher.click();
  await page.locator('#workspace-switcher-list').getByRole('link', { name: 'First Client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard — First Client' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'First Client Switch workspace' })).toBeVisible();
});
