import { createWorkspace, expect, settled, test } from './fixtures';
import type { Page } from '@playwright/test';

async function addSystem(page: Page, ws: string, name: string, highRisk: boolean): Promise<void> {
  await page.goto(ws + '/systems');
  await page.getByLabel('Name of the new AI system').fill(name);
  await page.getByRole('button', { name: 'Add AI system' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByLabel('In the scope of the AIMS').selectOption('yes');
  if (highRisk) await page.getByLabel('EU AI Act category (indicative)').selectOption('high-risk');
  await settled(page);
}

test('readiness says exactly what is missing, and the dashboard counts what My tasks counts, each tile opening its filtered list', async ({
  watched: { page },
}) => {
  await createWorkspace(page, 'Health AI Co');
  const ws = page.url();
  await addSystem(page, ws, 'TriageBot', false);
  await addSystem(page, ws, 'TalentSift', true);

  // An AI policy filed under the generic type, approved: readiness names it instead of "nothing recorded".
  await page.goto(ws + '/cycle/document');
  await page.locator('#new-document').fill('AI Policy');
  await expect(page.getByLabel('Type', { exact: true })).toHaveValue('ai-policy');
  await expect(page.getByText('Suggested from the title: check it before adding.')).toBeVisible();
  await page.getByLabel('Type', { exact: true }).selectOption('policy');
  await page.getByRole('button', { name: 'Add Document' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'DOC-001 AI Policy' })).toBeVisible();
  await page.locator('#rec-status').selectOption('approved');
  await settled(page);

  // A risk rated High with no treatment, and a review date that has passed.
  await page.goto(ws + '/risks');
  await page.getByLabel('Title of the new risk').fill('Triage misses urgent cases');
  await page.getByRole('button', { name: 'Add risk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'R-001 Triage misses urgent cases' })).toBeVisible();
  await page.locator('#inherent-likelihood').selectOption({ label: 'Likely' });
  await page.locator('#inherent-impact').selectOption({ label: 'Major' });
  await page.locator('#residual-likelihood').selectOption({ label: 'Likely' });
  await page.locator('#residual-impact').selectOption({ label: 'Major' });
  await expect(page.getByRole('alert').filter({ hasText: 'Residual High is above the acceptance threshold Low and is not accepted.' })).toBeVisible();
  await page.getByLabel('Next review').fill('2020-01-31');
  await settled(page);

  await page.goto(ws + '/readiness');
  const policy = page.getByTestId('readiness-ai-policy');
  await expect(policy).toHaveAttribute('data-met', 'false');
  await expect(policy).toContainText('DOC-001 "AI Policy" looks like an AI policy but is filed as type Policy');
  await expect(page.getByTestId('readiness-risk-criteria')).toHaveAttribute('data-met', 'true');
  await expect(page.getByTestId('readiness-risk-results')).toContainText('R-001 "Triage misses urgent cases" was due for review on');
  await expect(page.getByTestId('readiness-risk-treatment')).toContainText('is High, above the acceptance threshold Low, and has no treatment option');
  const impact = page.getByTestId('readiness-impact');
  await expect(impact).toContainText('TalentSift is in scope, EU AI Act High-risk, and has no approved impact assessment.');
  await expect(impact).toContainText('TriageBot is in scope and has no approved impact assessment.');
  await impact.getByRole('link', { name: /TalentSift is in scope/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TalentSift' })).toBeVisible();

  // Fix the policy's type from the gap's link: the check turns green.
  await page.goto(ws + '/readiness');
  await policy.getByRole('link', { name: /looks like an AI policy/ }).click();
  await page.locator('#rec-type').selectOption('ai-policy');
  await settled(page);
  await page.goto(ws + '/readiness');
  await expect(policy).toHaveAttribute('data-met', 'true');

  // The dashboard: the same overdue work as My tasks, risks by level, systems without assessments.
  await page.goto(ws + '/tasks');
  const tasksOverdue = page.getByRole('heading', { level: 2, name: /^Overdue \(\d+\)$/ });
  const overdueText = (await tasksOverdue.textContent()) ?? '';
  const overdueCount = Number(/\((\d+)\)/.exec(overdueText)?.[1]);
  expect(overdueCount).toBeGreaterThan(0);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('tile-overdue')).toContainText(String(overdueCount));
  await expect(page.getByRole('heading', { level: 2, name: `Overdue (${overdueCount})` })).toBeVisible();
  await expect(page.getByTestId('tile-systems')).toContainText('AI systems in scope (2)');
  await expect(page.getByTestId('tile-systems')).toContainText('2 without one');
  await expect(page.getByTestId('risks-awaiting')).toContainText('1 with a residual level above the threshold Low awaiting acceptance');
  await expect(page.getByTestId('tile-backup')).toContainText('Never');

  await page.getByRole('link', { name: '1 risk at residual level High' }).click();
  await expect(page.getByLabel('Level of')).toHaveValue('residual');
  await expect(page.getByTestId('risk-count')).toHaveText('1 of 1 risk');
  // "Needs attention" says why in the list itself, not only in a tooltip.
  await expect(page.getByRole('table').getByText('Residual High is above the acceptance threshold Low and is not accepted.')).toBeVisible();
  await page.goBack();
  await page.getByTestId('tile-overdue').click();
  await expect(page.getByRole('checkbox', { name: 'Overdue' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Due in the next 14 days' })).not.toBeChecked();
  await expect(page.getByTestId('task-count')).toHaveText(new RegExp(`^${overdueCount} of`));
});

test("the dashboard's figures follow a change made in another tab, without a reload", async ({ watched: { page } }) => {
  await createWorkspace(page, 'Live Co');
  const ws = page.url();
  const risks = page.getByTestId('tile-risks');
  await expect(risks).toContainText('Open risks by level (0)');
  await expect(page.getByTestId('tile-overdue').locator('.big')).toHaveText('0');
  await expect(page.getByTestId('tile-soa')).toContainText(/0 of \d+ controls complete/);

  // Another tab adds a risk whose treatment was due years ago.
  const other = await page.context().newPage();
  await other.goto(ws + '/risks');
  await other.getByLabel('Title of the new risk').fill('Model drift unnoticed');
  await other.getByRole('button', { name: 'Add risk' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'R-001 Model drift unnoticed' })).toBeVisible();
  await other.getByLabel('Treatment due').fill('2020-06-30');
  await settled(other);

  // The first tab, never reloaded, counts it.
  await expect(risks).toContainText('Open risks by level (1)');
  await expect(page.getByTestId('tile-overdue').locator('.big')).toHaveText('1');
  await expect(page.getByRole('heading', { level: 2, name: 'Overdue (1)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'R-001 Model drift unnoticed' })).toBeVisible();
  await other.close();
});

test('after a reload the dashboard shows the figures of its last visit only while nothing has changed: a risk added since counts at once', async ({
  watched: { page },
}) => {
  await createWorkspace(page, 'Kept Co');
  const ws = page.url();
  const risks = page.getByTestId('tile-risks');
  const overdue = page.getByTestId('tile-overdue').locator('.big');
  const addRisk = async (title: string) => {
    await page.goto(ws + '/risks');
    await page.getByLabel('Title of the new risk').fill(title);
    await page.getByRole('button', { name: 'Add risk' }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^R-\\d+ ${title}$`) })).toBeVisible();
    await page.getByLabel('Treatment due').fill('2020-06-30');
    await settled(page);
  };

  await addRisk('Model drift unnoticed');
  await page.goto(ws);
  await expect(risks).toContainText('Open risks by level (1)');
  // Reloaded with nothing changed: the figures kept from the visit before, the same.
  await page.reload();
  await expect(risks).toContainText('Open risks by level (1)');
  await expect(overdue).toHaveText('1');

  // A risk added since: the reload counts it, never the figures kept before it.
  await addRisk('Training data leaks');
  await page.goto(ws);
  await page.reload();
  await expect(risks).toContainText('Open risks by level (2)');
  await expect(overdue).toHaveText('2');
  await expect(page.getByRole('link', { name: 'R-002 Training data leaks' })).toBeVisible();
});
