import { createWorkspace, expect, settled, test } from './fixtures';
import { seriousViolations } from './axe';



test('an impact assessment is drafted, approved and frozen, versioned, and printed', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Impact Co');
  const ws = page.url();

  // The AI system comes from the inventory page.
  await page.goto(`${ws}/systems`);
  await page.getByLabel('Name of the new AI system').fill('CV screener');
  await page.getByRole('button', { name: 'Add AI system' }).click();
  await expect(page.getByText('CV screener', { exact: true }).first()).toBeVisible();
  await settled(page);

  // Start an assessment for it.
  await page.goto(`${ws}/assessments`);
  await expect(page.getByRole('heading', { level: 1, name: 'Impact assessments' })).toBeVisible();
  await expect(page.getByText('No impact assessment yet.')).toBeVisible();
  await expect(page.getByLabel('AI system to assess').locator('option', { hasText: 'CV screener' })).toHaveCount(1);
  expect(await seriousViolations(page), 'list page').toEqual([]);
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Impact assessment: CV screener' })).toBeVisible();
  const v1Url = page.url();

  // Scope, one impact raised as a risk, then sign-off.
  await page.getByLabel('Intended use').fill('Rank job applications for recruiters');
  await page.getByRole('button', { name: 'Add impact' }).click();
  const impact = page.getByRole('article', { name: /^Impact 1:/ });
  await expect(impact.getByLabel('Area')).toBeFocused();
  await impact.getByLabel('What could happen').fill('Older applicants are ranked lower');
  await impact.getByLabel('Severity').selectOption('major');
  await settled(page);
  await impact.getByRole('button', { name: 'Raise as risk' }).click();
  await expect(impact.getByRole('link', { name: 'R-001' })).toHaveAttribute('href', /#\/w\/[^/]+\/risks\/[^/]+$/);
  expect(await seriousViolations(page), 'draft page').toEqual([]);

  // Approval names the missing field and moves focus to it.
  await page.getByRole('button', { name: 'Approve this version' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Enter who approves this version.' })).toBeVisible();
  await expect(page.getByLabel('Approver', { exact: true })).toBeFocused();
  await page.getByLabel('Approver', { exact: true }).fill('Carla Chief');
  await page.getByLabel('Approved on').fill('2025-03-10');
  await page.getByLabel('Decision').selectOption('proceed-with-conditions');
  await settled(page);
  await page.getByRole('button', { name: 'Approve this version' }).click();

  await expect(page.getByText('Approved version — frozen')).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('combobox')).toHaveCount(0);
  // The frozen content reads as text (the change history below mentions it inside a longer line).
  await expect(page.getByText('Rank job applications for recruiters', { exact: true })).toBeVisible();
  expect(await seriousViolations(page), 'approved page').toEqual([]);

  // A new version starts from the approved content; editing it leaves version 1 alone.
  await page.getByRole('button', { name: 'Start a new version' }).click();
  await expect(page).not.toHaveURL(v1Url);
  await expect(page.getByText('Version 2', { exact: true }).first()).toBeVisible();
  await expect(page.getByLabel('Intended use')).toHaveValue('Rank job applications for recruiters');
  await expect(page.getByLabel('Approver', { exact: true })).toHaveValue('');
  await page.getByLabel('Intended use').fill('Rank and explain job applications');
  await settled(page);

  const versions = page.getByRole('navigation', { name: 'Versions' });
  await expect(versions.getByRole('link')).toHaveText(['Version 2', 'Version 1']);
  await expect(versions.getByRole('link', { name: 'Version 2' })).toHaveAttribute('aria-current', 'page');
  await versions.getByRole('link', { name: 'Version 1' }).click();
  await expect(page).toHaveURL(v1Url);
  await expect(page.getByText('Approved version — frozen')).toBeVisible();
  await expect(page.getByText('Rank job applications for recruiters', { exact: true })).toBeVisible();
  await expect(page.getByText('Rank and explain job applications')).toHaveCount(0);

  // Starting another version from version 1 points to the draft instead.
  await page.getByRole('button', { name: 'Start a new version' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'A draft of this assessment already exists.' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the draft (version 2)' })).toBeVisible();

  // The list shows the series: the draft on top of the approved version in force.
  await page.getByRole('link', { name: 'All impact assessments' }).click();
  const row = page.getByTestId('ia-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Version 2');
  await expect(row).toContainText('Draft');
  await expect(row).toContainText('Version 1');
  await expect(row).toContainText('Proceed with conditions');
  await expect(row.getByRole('cell').last()).toHaveText('1');
  await expect(page.getByRole('heading', { level: 2, name: 'CV screener' }).getByRole('link')).toHaveAttribute('href', /#\/w\/[^/]+\/systems\/[^/]+$/);

  // Version 1's print view: the approved content, and no app chrome when printed.
  await page.goto(v1Url);
  await page.getByRole('link', { name: 'Print view' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'AI system impact assessment: CV screener' })).toBeVisible();
  const sheet = page.locator('main');
  for (const text of ['Impact Co', 'Rank job applications for recruiters', 'Older applicants are ranked lower', 'Major', 'Carla Chief', 'Proceed with conditions', 'R-001']) {
    await expect(sheet).toContainText(text);
  }
  await expect(sheet).not.toContainText('Rank and explain job applications');
  const printButton = page.getByRole('button', { name: 'Print or save as PDF' });
  await expect(printButton).toBeVisible();
  expect(await seriousViolations(page), 'print view').toEqual([]);
  await page.emulateMedia({ media: 'print' });
  await expect(printButton).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'AI system impact assessment: CV screener' })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // Everything survives a reload.
  await page.goBack();
  await page.reload();
  await expect(page.getByText('Approved version — frozen')).toBeVisible();
  await expect(page.getByText('Rank job applications for recruiters', { exact: true })).toBeVisible();
});

test('without AI systems, the assessments page sends people to the inventory', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Empty Co');
  await page.getByRole('link', { name: 'Impact assessments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Impact assessments' })).toBeVisible();
  await expect(page.getByText('this workspace has no AI system yet')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start assessment' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Add an AI system first' }).click();
  await expect(page).toHaveURL(/\/systems$/);
});

test('a draft can be deleted after confirmation', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Delete Co');
  const ws = page.url();
  await page.goto(`${ws}/systems`);
  await page.getByLabel('Name of the new AI system').fill('Chat assistant');
  await page.getByRole('button', { name: 'Add AI system' }).click();
  await expect(page.getByText('Chat assistant', { exact: true }).first()).toBeVisible();
  await settled(page);
  await page.goto(`${ws}/assessments`);
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Impact assessment: Chat assistant' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete this draft' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete draft version 1?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete this draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Impact assessments' })).toBeVisible();
  await expect(page.getByText('No impact assessment yet.')).toBeVisible();
});
