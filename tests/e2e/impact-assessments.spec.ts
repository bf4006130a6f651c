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
  // What the inventory says about it becomes the assessment's starting point.
  await expect(page.getByRole('heading', { level: 1, name: 'CV screener' })).toBeVisible();
  await page.getByLabel('Intended purpose').fill('Rank job applications');
  await page.getByLabel('Data used (sources)').fill('CVs and past hiring decisions');
  await page.getByLabel('Deployment context').fill('Recruiters in the EU');
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

  // The scope is pre-filled from the AI system record, each copied field marked for review.
  await expect(page.getByRole('textbox', { name: 'Intended use' })).toHaveValue('Rank job applications');
  await expect(page.getByRole('textbox', { name: 'Data used' })).toHaveValue('CVs and past hiring decisions');
  await expect(page.getByRole('textbox', { name: 'Deployment environment' })).toHaveValue('Recruiters in the EU');
  await expect(page.getByLabel('Who is affected')).toHaveValue('');
  await expect(page.getByText('Copied from the AI system', { exact: true })).toHaveCount(3);
  await expect(page.getByRole('textbox', { name: 'Intended use' })).toHaveAccessibleDescription(/Copied from the AI system/);
  await page.getByRole('button', { name: 'Mark as reviewed: Data used' }).click();
  await expect(page.getByText('Copied from the AI system', { exact: true })).toHaveCount(2);

  // Scope, one impact raised as a risk, then sign-off. Editing a copied field reviews it.
  await page.getByRole('textbox', { name: 'Intended use' }).fill('Rank job applications for recruiters');
  await expect(page.getByText('Copied from the AI system', { exact: true })).toHaveCount(1);
  await page.getByRole('button', { name: 'Add impact' }).click();
  const impact = page.getByRole('article', { name: /^Impact 1:/ });
  await expect(impact.getByLabel('Area')).toBeFocused();
  await impact.getByLabel('What could happen').fill('Older applicants are ranked lower');
  await impact.getByLabel('Severity').selectOption('major');
  await settled(page);
  await impact.getByRole('button', { name: 'Raise as risk' }).click();
  await expect(impact.getByRole('link', { name: 'R-001' })).toHaveAttribute('href', /#\/w\/[^/]+\/risks\/[^/]+$/);
  expect(await seriousViolations(page), 'draft page').toEqual([]);

  // Approval names every missing item at once (the copied field not reviewed yet, approver, date,
  // decision), before any confirmation, and moves focus to the first.
  await page.getByRole('button', { name: 'Approve this version' }).click();
  const problems = page.getByRole('alert').filter({ hasText: '4 problems to fix' });
  await expect(problems.getByRole('link')).toHaveText([
    'This text was copied from the AI system record: edit it or mark it as reviewed before approving.',
    'Enter who approves this version.',
    'Enter the date of approval.',
    'Choose a decision before approving.',
  ]);
  await expect(page.getByRole('textbox', { name: 'Deployment environment' })).toBeFocused();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await problems.getByRole('link', { name: 'Enter who approves this version.' }).click();
  await expect(page.getByLabel('Approver', { exact: true })).toBeFocused();
  await page.getByLabel('Approver', { exact: true }).fill('Carla Chief');
  await page.getByLabel('Approved on').fill('2025-03-10');
  await page.getByLabel('Decision').selectOption('proceed-with-conditions');
  await settled(page);
  await expect(page.getByRole('alert').filter({ hasText: 'problem to fix' }).getByRole('link')).toHaveText([
    'This text was copied from the AI system record: edit it or mark it as reviewed before approving.',
  ]);
  await page.getByRole('button', { name: 'Mark as reviewed: Deployment environment' }).click();
  await expect(page.getByText('Copied from the AI system', { exact: true })).toHaveCount(0);

  // Approval asks first, naming what becomes frozen.
  await page.getByRole('button', { name: 'Approve this version' }).click();
  const confirm = page.getByRole('dialog', { name: 'Approve version 1?' });
  await expect(confirm).toContainText(
    'Approving freezes version 1 of the impact assessment for CV screener: its scope and context, impacts, conclusion and sign-off can no longer change. Later changes need a new version.',
  );
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('button', { name: 'Approve this version' })).toBeVisible();
  await page.getByRole('button', { name: 'Approve this version' }).click();
  await confirm.getByRole('button', { name: 'Approve version 1' }).click();

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
  await expect(page.getByRole('textbox', { name: 'Intended use' })).toHaveValue('Rank job applications for recruiters');
  await expect(page.getByLabel('Approver', { exact: true })).toHaveValue('');
  await page.getByRole('textbox', { name: 'Intended use' }).fill('Rank and explain job applications');
  await settled(page);

  const versions = page.getByRole('navigation', { name: 'Versions' });
  await expect(versions.getByRole('link')).toHaveText(['Version 2', 'Version 1']);
  await expect(versions.getByRole('link', { name: 'Version 2' })).toHaveAttribute('aria-current', 'page');
  await versions.getByRole('link', { name: 'Version 1' }).click();
  await expect(page).toHaveURL(v1Url);
  await expect(page.getByText('Approved version — frozen')).toBeVisible();
  await expect(page.getByText('Rank job applications for recruiters', { exact: true })).toBeVisible();
  await expect(page.getByText('Rank and explain job applications')).toHaveCount(0);

  // Version 1 points to the draft instead of starting another version; its impact raises into the draft.
  await expect(page.getByRole('button', { name: 'Start a new version' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Open the draft (version 2)' })).toBeVisible();
  await expect(page.getByRole('article', { name: /^Impact 1:/ }).getByRole('link', { name: 'R-001' })).toBeVisible();
  expect(await seriousViolations(page), 'approved page with a draft').toEqual([]);

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

  // Starting again for the same system opens its assessment (the draft) instead of a parallel one.
  await expect(page.getByText('CV screener already has an impact assessment, latest version 2 (Draft).')).toBeVisible();
  await page.getByRole('button', { name: 'Open its assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Impact assessment: CV screener' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Intended use' })).toHaveValue('Rank and explain job applications');
  const v2Url = page.url();
  expect(v2Url).not.toBe(v1Url);
  await page.getByRole('link', { name: 'All impact assessments' }).click();
  await expect(page.getByTestId('ia-row')).toHaveCount(1);

  // Version 1's print view: the approved content, and no app chrome when printed.
  await page.goto(v1Url);
  await page.getByRole('link', { name: 'Print view' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'AI system impact assessment: CV screener' })).toBeVisible();
  const sheet = page.locator('main');
  for (const text of [
    'Impact Co',
    'Rank job applications for recruiters',
    'Older applicants are ranked lower',
    'Major',
    'Carla Chief',
    'Proceed with conditions',
    'R-001',
  ]) {
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
