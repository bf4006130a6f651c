import { seriousViolations } from './axe';
import { createWorkspace, expect, settled, test } from './fixtures';

test('a refused form lists every problem at once; each summary link focuses its field and keeps the route', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Summary Co');
  const ws = page.url();

  // A new document with neither title nor type.
  await page.goto(ws + '/cycle/document');
  await page.getByRole('button', { name: 'Add Document' }).click();
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: '2 problems to fix' }) });
  await expect(summary.getByRole('link')).toHaveText(['Enter a title.', "Choose the document's type before adding it."]);
  const url = page.url();
  await summary.getByRole('link', { name: "Choose the document's type before adding it." }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Type', { exact: true })).toBeFocused();
  expect(page.url()).toBe(url);
  await summary.getByRole('link', { name: 'Enter a title.' }).click();
  await expect(page.getByLabel('Document title')).toBeFocused();
  expect(page.url()).toBe(url);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page), scheme).toEqual([]);
  }

  // Fixed: the record is created and the problems go.
  await page.getByLabel('Document title').fill('AI policy');
  await page.getByLabel('Type', { exact: true }).selectOption({ label: 'AI policy' });
  await page.getByRole('button', { name: 'Add Document' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /AI policy/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /problems? to fix/ })).toHaveCount(0);

  // An AI system whose name is emptied: refused at the field and in the summary, the stored name kept.
  await page.goto(ws + '/systems');
  await page.getByLabel('Name of the new AI system').fill('Claims triage');
  await page.getByRole('button', { name: 'Add AI system' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Claims triage' })).toBeVisible();
  await page.locator('#sys-name').fill('');
  await page.locator('#sys-name').blur();
  await expect(page.getByRole('heading', { name: '1 problem to fix' })).toBeVisible();
  await expect(page.locator('#sys-name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#sys-name')).toHaveValue('');
  await expect(page.getByRole('alert').filter({ hasText: 'Unexpected' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Enter a name.' }).click();
  await expect(page.locator('#sys-name')).toBeFocused();
  await page.locator('#sys-name').fill('Claims triage v2');
  await settled(page);
  await expect(page.getByRole('heading', { name: /problems? to fix/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Claims triage v2' })).toBeVisible();
});
