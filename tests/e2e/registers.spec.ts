import { createWorkspace, expect, settled, test } from './fixtures';

test('an AI system, a risk treated by A.6.2.4 and an own control show up in the SoA and the heat map', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Risk Co');
  const ws = page.url();

  await page.goto(ws + '/systems');
  await page.getByLabel('Name of the new AI system').fill('Loan scoring model');
  await page.getByRole('button', { name: 'Add AI system' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Loan scoring model' })).toBeVisible();
  await page.getByLabel('Intended purpose').fill('Scores consumer loan applications.');
  await page.getByLabel('Life-cycle stage').selectOption('operation-monitoring');
  await page.getByLabel('EU AI Act category (indicative)').selectOption('high-risk');
  await settled(page);

  await page.goto(ws + '/controls');
  await page.getByLabel('Name of the new control').fill('Model release checklist');
  await page.getByRole('button', { name: 'Add control' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Model release checklist' })).toBeVisible();
  await page
    .getByRole('group', { name: /Annex A controls it implements/ })
    .getByLabel('A.6.2.5 AI system deployment')
    .check();
  await settled(page);

  await page.goto(ws + '/risks');
  await page.getByLabel('Title of the new risk').fill('Unfair refusals for some groups');
  await page.getByRole('button', { name: 'Add risk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'R-001 Unfair refusals for some groups' })).toBeVisible();
  await page
    .getByRole('group', { name: /AI systems affected/ })
    .getByLabel('Loan scoring model')
    .check();
  await page.locator('#inherent-likelihood').selectOption({ label: 'Likely' });
  await page.locator('#inherent-impact').selectOption({ label: 'Major' });
  await expect(page.getByRole('group', { name: 'Inherent risk (before treatment)' })).toContainText('High');
  await page.getByLabel('Treatment option').selectOption('modify');
  await page
    .getByRole('group', { name: /Annex A controls that treat it/ })
    .getByLabel('A.6.2.4 AI system verification and validation')
    .check();
  await page
    .getByRole('group', { name: /Own controls that treat it/ })
    .getByLabel('Model release checklist')
    .check();
  // Residual above the threshold: acceptance is required and flagged until recorded.
  await page.locator('#residual-likelihood').selectOption({ label: 'Possible' });
  await page.locator('#residual-impact').selectOption({ label: 'Moderate' });
  await expect(page.getByRole('alert').filter({ hasText: 'Residual Medium is above the acceptance threshold Low and is not accepted.' })).toBeVisible();
  await page.getByLabel('Accepted by (designated management)').fill('Head of Credit');
  await page.getByLabel('Accepted on').fill('2026-11-20');
  await settled(page);
  await expect(page.getByRole('alert').filter({ hasText: 'is not accepted' })).toHaveCount(0);

  // The heat map counts it; clicking its cell filters the table.
  await page.goto(ws + '/risks');
  await expect(page.getByTestId('risk-count')).toHaveText('1 of 1 risk');
  const cell = page.getByRole('button', { name: /Likelihood Likely, impact Major \(High\): 1 risk\b/ });
  await cell.click();
  await expect(cell).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('table', { name: 'Risk register' })).toContainText('R-001');
  await page.getByRole('button', { name: /Likelihood Rare, impact Negligible/ }).click();
  await expect(page.getByTestId('risk-count')).toHaveText('0 of 1 risk');
  await page.getByLabel('Residual risk').check();
  await expect(page.getByRole('button', { name: /Likelihood Possible, impact Moderate \(Medium\): 1 risk\b/ })).toBeVisible();

  // The SoA shows both controls as applicable, justified by the risk.
  await page.getByRole('link', { name: 'Statement of Applicability' }).first().click();
  for (const id of ['A.6.2.4', 'A.6.2.5']) {
    const row = page.getByTestId(`soa-row-${id}`);
    await expect(row).toContainText('Yes');
    await expect(row).toContainText('Risk treatment: R-001');
    await expect(row.locator('.badge')).toHaveCount(0);
  }
  // Excluding a control a risk relies on warns and names the risk.
  await page.goto(ws + '/item/A.6.2.4');
  await page.getByLabel('Status', { exact: true }).selectOption('not-applicable');
  await expect(page.getByRole('alert').filter({ hasText: 'Risks R-001 name this control' })).toBeVisible();

  // The system's page lists its risk.
  await page.goto(ws + '/systems');
  await page.getByRole('link', { name: 'Loan scoring model' }).click();
  await expect(page.getByRole('region', { name: /Risks for this system/ })).toContainText('R-001 Unfair refusals for some groups');
});
