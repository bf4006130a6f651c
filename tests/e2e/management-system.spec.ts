import { createWorkspace, expect, settled, test } from './fixtures';

test('an audit finding becomes a nonconformity, closes only after its effectiveness check, and the readiness view follows', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Audit Co');
  const ws = page.url();

  await page.goto(ws + '/readiness');
  await expect(page.getByRole('heading', { level: 1, name: 'Certification readiness' })).toBeVisible();
  await expect(page.getByTestId('readiness-audit')).toHaveAttribute('data-met', 'false');
  await expect(page.getByTestId('readiness-nonconformity')).toHaveAttribute('data-met', 'false');
  const metBefore = Number((await page.getByTestId('readiness-met').textContent())!.match(/^(\d+)/)![1]);

  // Plan an audit from the management-system hub.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Management system' }).click();
  await page.getByRole('link', { name: 'Internal audits' }).click();
  await page.locator('#new-audit').fill('Q4 internal audit');
  await page.getByRole('button', { name: 'Add Internal audit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'IA-001 Q4 internal audit' })).toBeVisible();
  await page.getByLabel('Auditor').fill('External auditor Ltd');
  await page.getByRole('button', { name: 'Add a row to Checklist' }).click();
  await page.getByLabel('Item, row 1').selectOption('A.2.4');
  await page.getByLabel('Result, row 1').selectOption('minor');

  // Record a finding against it.
  await page.locator('#new-finding').fill('AI policy not reviewed');
  await page.getByRole('button', { name: 'Add finding' }).click();
  await page.locator('#rec-status').selectOption('completed');
  await settled(page);
  const finding = page.getByRole('link', { name: /F-001 AI policy not reviewed/ });
  await expect(finding).toBeVisible();
  await finding.click();
  await expect(page.getByRole('heading', { level: 1, name: 'F-001 AI policy not reviewed' })).toBeVisible();
  await expect(page.getByText('Found in audit')).toBeVisible();
  await page.locator('#rec-description').fill('The policy was last reviewed in 2023.');
  await settled(page);

  // Raise a nonconformity from the finding.
  await page.getByRole('button', { name: 'Raise a nonconformity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'NC-001 F-001 AI policy not reviewed' })).toBeVisible();
  await expect(page.locator('#rec-description')).toHaveValue('The policy was last reviewed in 2023.');

  // Closing before the effectiveness check is refused, with the reason announced.
  await page.locator('#rec-status').selectOption('closed');
  await expect(page.getByRole('alert').filter({ hasText: 'effectiveness check' })).toBeVisible();
  await expect(page.locator('#rec-status')).not.toHaveValue('closed');

  await page.locator('#rec-correctiveAction').fill('Add the policy to the yearly review calendar.');
  await page.locator('#rec-effectivenessCheck').fill('Checked the calendar and the November review minutes.');
  await page.locator('#rec-checkedOn').fill('2026-11-20');
  await page.locator('#rec-effective').selectOption('yes');
  await settled(page);
  await page.locator('#rec-status').selectOption('closed');
  await settled(page);
  await expect(page.getByRole('alert').filter({ hasText: 'effectiveness check' })).toHaveCount(0);
  await expect(page.locator('#rec-status')).toHaveValue('closed');

  // The walkthrough lists the nonconformity under 10.2.
  await page.goto(ws + '/item/10.2');
  await expect(page.getByRole('region', { name: 'Records that evidence this item' }).getByRole('link', { name: /NC-001/ })).toBeVisible();

  // Readiness: the audit and the nonconformity log now count.
  await page.goto(ws + '/readiness');
  await expect(page.getByTestId('readiness-audit')).toHaveAttribute('data-met', 'true');
  await expect(page.getByTestId('readiness-nonconformity')).toHaveAttribute('data-met', 'true');
  await expect(page.getByTestId('readiness-met')).toHaveText(new RegExp(`^${metBefore + 2} of 14`));
  await page.getByTestId('readiness-audit').getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'IA-001 Q4 internal audit' })).toBeVisible();
});

test('dated records appear in My tasks, filter by owner, and download as a calendar file', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Tasks Co');
  const ws = page.url();
  await page.goto(ws + '/cycle/document');
  await page.locator('#new-document').fill('AI policy');
  await page.getByRole('button', { name: 'Add Document' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'DOC-001 AI policy' })).toBeVisible();
  await page.locator('#rec-owner').fill('Chief AI Officer');
  await page.locator('#rec-approvedOn').fill('2025-01-15');
  await page.locator('#rec-reviewMonths').fill('12');
  await settled(page);
  await page.getByRole('button', { name: 'Set the next review from the approval date and interval' }).click();
  await expect(page.locator('#rec-nextReview')).toHaveValue('2026-01-15');
  await expect(page.getByText('Review overdue')).toBeVisible();
  // The policy file itself, attached to the record; it is also evidence under the document's first item.
  await page.locator('#ev-file').setInputFiles({ name: 'ai-policy.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 policy') });
  await page.getByRole('form', { name: 'Attach a file' }).getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('region', { name: 'Files and links' })).toContainText('ai-policy.pdf');

  await page.goto(ws + '/cycle/objective');
  await page.locator('#new-objective').fill('Model cards for every model');
  await page.getByRole('button', { name: 'Add AI objective' }).click();
  await page.locator('#rec-owner').fill('Head of Data');
  await page.locator('#rec-due').fill('2099-06-30');
  await page.locator('#rec-target').fill('100');
  await page.getByRole('button', { name: 'Add a row to Measurements' }).click();
  await page.getByLabel('Date, row 1').fill('2026-06-30');
  await page.getByLabel('Value, row 1').fill('40');
  await settled(page);
  await expect(page.getByRole('img', { name: /1 reading; latest 40/ })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My tasks' }).click();
  await expect(page.getByTestId('task-count')).toHaveText('2 of 2 open tasks shown');
  await expect(page.getByRole('region', { name: /Overdue/ })).toContainText('DOC-001 AI policy');
  await expect(page.getByRole('region', { name: /Later/ })).toContainText('OBJ-001 Model cards for every model');
  await page.getByLabel('Owner').selectOption('Head of Data');
  await expect(page.getByTestId('task-count')).toHaveText('1 of 2 open tasks shown');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download as calendar (.ics)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Tasks-Co-tasks-\d{4}-\d{2}-\d{2}\.ics$/);
  const text = await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8');
  expect(text).toContain('BEGIN:VCALENDAR\r\n');
  expect(text).toContain('DTSTART;VALUE=DATE:20990630');
  expect(text).toContain('SUMMARY:OBJ-001 Model cards for every model');
  expect(text).not.toContain('DOC-001');
});
