import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { readinessMessages } from '../../src/i18n/en/readiness';
import { createWorkspace, expect, settled, test } from './fixtures';
import { pdfText } from './pdf';
import { seriousViolations } from './axe';

const structure = JSON.parse(readFileSync(new URL('../../catalog/iso42001/structure.json', import.meta.url), 'utf8')) as {
  items: { id: string; kind: string }[];
};
const CONTROL_IDS = structure.items.filter((i) => i.kind === 'control').map((i) => i.id);
const CHECK_LABELS = Object.entries(readinessMessages)
  .filter(([key]) => key.startsWith('readiness.check.'))
  .map(([, label]) => label);

/** Text compared without whitespace: a PDF line break may fall anywhere a space was. */
const squash = (s: string) => s.replace(/\s+/g, '');

const A4_PORTRAIT: [number, number] = [210, 297];
const A4_LANDSCAPE: [number, number] = [297, 210];

/**
 * Prints the current page as Chromium's print does (print media, A4, backgrounds, and the page's
 * own @page size) and returns its text. Before that, checks the print-media page: no app chrome
 * and nothing marked no-print.
 */
async function printed(page: Page, heading: string): Promise<{ text: string; pages: number; sizes: [number, number][]; size: number }> {
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.locator('.no-print:visible')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const { text, pages, sizes } = pdfText(pdf);
  return { text, pages, sizes, size: pdf.byteLength };
}

function expectAll(text: string, wanted: readonly string[], what: string): void {
  const flat = squash(text);
  const missing = wanted.filter((w) => !flat.includes(squash(w)));
  expect(missing, `${what} missing from the PDF`).toEqual([]);
}

async function answer(
  page: Page,
  ws: string,
  itemId: string,
  a: { status: string; owner?: string; target?: string; category?: string; justification?: string },
): Promise<void> {
  await page.goto(`${ws}/item/${itemId}`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${itemId.replace(/\./g, '\\.')} `) })).toBeVisible();
  await page.getByLabel('Status', { exact: true }).selectOption(a.status);
  if (a.owner) await page.getByLabel('Owner', { exact: true }).fill(a.owner);
  if (a.target) await page.getByLabel('Target date').fill(a.target);
  if (a.category) await page.getByLabel('Justification category').selectOption(a.category);
  if (a.justification) await page.getByLabel('Justification', { exact: true }).fill(a.justification);
  await settled(page);
}

async function addRisk(page: Page, ws: string, title: string, ref: string): Promise<void> {
  await page.goto(`${ws}/risks`);
  await page.getByLabel('Title of the new risk').fill(title);
  await page.getByRole('button', { name: 'Add risk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${ref} ${title}` })).toBeVisible();
}

test('the four reports print as clean A4 documents with everything in them', async ({ watched: { page } }) => {
  test.setTimeout(120_000);
  await createWorkspace(page, 'Print Reports Co');
  const ws = page.url();

  // Organization profile, walkthrough answers, an exclusion.
  await page.goto(`${ws}/profile`);
  await page.getByLabel('Organization name').fill('Print Reports Ltd');
  await settled(page);
  await answer(page, ws, '4.1', { status: 'implemented', owner: 'Dana' });
  await answer(page, ws, '4.2', { status: 'in-progress', owner: 'Eli', target: '2026-03-31' });
  await answer(page, ws, 'A.2.2', { status: 'implemented', owner: 'CISO', category: 'risk-treatment', justification: 'Policy approved by the board.' });
  await answer(page, ws, 'A.10.4', { status: 'not-applicable', category: 'business-practice', justification: 'We sell no AI products to customers.' });

  // An AI system, three risks (one above the threshold without acceptance, one low, one unrated).
  await page.goto(`${ws}/systems`);
  await page.getByLabel('Name of the new AI system').fill('CV screener');
  await page.getByRole('button', { name: 'Add AI system' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'CV screener' })).toBeVisible();
  await settled(page);

  await addRisk(page, ws, 'Older applicants are ranked lower', 'R-001');
  await page
    .getByRole('group', { name: /AI systems affected/ })
    .getByLabel('CV screener')
    .check();
  await page.locator('#inherent-likelihood').selectOption({ label: 'Likely' });
  await page.locator('#inherent-impact').selectOption({ label: 'Major' });
  await page.getByLabel('Risk owner', { exact: true }).fill('Head of HR');
  await page.getByLabel('Treatment option').selectOption('modify');
  await page
    .getByRole('group', { name: /Annex A controls that treat it/ })
    .getByLabel('A.6.2.4 AI system verification and validation')
    .check();
  await page.locator('#residual-likelihood').selectOption({ label: 'Possible' });
  await page.locator('#residual-impact').selectOption({ label: 'Moderate' });
  await expect(page.getByText('Residual Medium is above the acceptance threshold Low and is not accepted.').first()).toBeVisible();
  await settled(page);

  await addRisk(page, ws, 'Training data leaks', 'R-002');
  await page.locator('#inherent-likelihood').selectOption({ label: 'Rare' });
  await page.locator('#inherent-impact').selectOption({ label: 'Minor' });
  await page.getByLabel('Risk owner', { exact: true }).fill('CISO');
  await settled(page);

  await addRisk(page, ws, 'Model drift goes unnoticed', 'R-003');
  await settled(page);

  // An impact assessment with two impacts.
  await page.goto(`${ws}/assessments`);
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Impact assessment: CV screener' })).toBeVisible();
  const assessmentUrl = page.url();
  await page.getByLabel('Intended use').fill('Rank job applications for recruiters');
  for (const [n, text, severity] of [
    [1, 'Qualified people are never interviewed', 'major'],
    [2, 'Applicants cannot see why they were rejected', 'moderate'],
  ] as const) {
    await page.getByRole('button', { name: 'Add impact' }).click();
    const impact = page.getByRole('article', { name: new RegExp(`^Impact ${n}:`) });
    await impact.getByLabel('What could happen').fill(text);
    await impact.getByLabel('Severity').selectOption(severity);
    await settled(page);
  }

  // 1. The Statement of Applicability: every Annex A control.
  await page.goto(`${ws}/soa`);
  await page.getByRole('link', { name: 'Print view' }).click();
  await expect(page).toHaveURL(/\/soa\/print$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Statement of Applicability' })).toBeVisible();
  await expect(page.locator('[data-testid^="print-soa-"]')).toHaveCount(38);
  // Long texts print on a row across the table under their control.
  await expect(page.getByTestId('print-soa-A.10.4').getByRole('cell', { name: 'Justification We sell no AI products to customers.' })).toHaveAttribute(
    'colspan',
    '4',
  );
  expect(await seriousViolations(page), 'SoA print view').toEqual([]);
  const soa = await printed(page, 'Statement of Applicability');
  expect(CONTROL_IDS).toHaveLength(38);
  expectAll(soa.text, CONTROL_IDS, 'SoA controls');
  expectAll(
    soa.text,
    ['Print Reports Ltd', 'Printed on', 'AIMS Workbench 0.1.0', 'We sell no AI products to customers.', 'Risk treatment: R-001', 'Applicability not decided'],
    'SoA details',
  );
  expect(soa.pages).toBeGreaterThan(1);
  expect(soa.sizes[0]).toEqual(A4_LANDSCAPE);
  expect(soa.size).toBeGreaterThan(20_000);

  // 2. The risk register: every risk by ref, both heat maps, the unaccepted risk marked.
  await page.goto(`${ws}/risks`);
  await page.getByRole('link', { name: 'Print view' }).click();
  await expect(page).toHaveURL(/\/risks\/print$/);
  await expect(page.getByRole('heading', { level: 1, name: 'AI risk register' })).toBeVisible();
  const rows = page.locator('table.register tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.locator('th')).toHaveText(['R-001', 'R-002', 'R-003']);
  await expect(page.getByTestId('print-risk-R-001')).toContainText('Not accepted');
  await expect(page.getByTestId('print-risk-R-002')).not.toContainText('Not accepted');
  await expect(page.getByTestId('print-unaccepted')).toContainText('1 risk is above the acceptance threshold');
  expect(await seriousViolations(page), 'risk register print view').toEqual([]);
  const risks = await printed(page, 'AI risk register');
  expectAll(risks.text, ['R-001', 'R-002', 'R-003', 'Older applicants are ranked lower', 'Training data leaks', 'Model drift goes unnoticed'], 'risks');
  expectAll(
    risks.text,
    [
      'Inherent risk',
      'Residual risk',
      'High',
      'Medium',
      'Low',
      'Modify (reduce)',
      'A.6.2.4',
      'Head of HR',
      'CV screener',
      'Not accepted',
      'Not rated',
      'Print Reports Ltd',
      'AIMS Workbench 0.1.0',
    ],
    'risk details',
  );
  // The heat maps print their level names and counts as text in the cells.
  expectAll(risks.text, ['1 risk High', '1 risk Medium', '1 risk Low'], 'heat map cells');
  expect(risks.size).toBeGreaterThan(15_000);
  expect(risks.sizes).toEqual(Array(risks.pages).fill(A4_PORTRAIT));

  // 3. The impact assessment: its impacts.
  await page.goto(assessmentUrl);
  await page.getByRole('link', { name: 'Print view' }).click();
  await expect(page).toHaveURL(/\/assessments\/[^/]+\/print$/);
  const ia = await printed(page, 'AI system impact assessment: CV screener');
  expectAll(
    ia.text,
    [
      'Print Reports Ltd',
      'Rank job applications for recruiters',
      'Qualified people are never interviewed',
      'Applicants cannot see why they were rejected',
      'Major',
      'Moderate',
      'Draft: not approved',
    ],
    'impact assessment',
  );
  expect(ia.size).toBeGreaterThan(10_000);
  expect(ia.sizes[0]).toEqual(A4_PORTRAIT);

  // 4. The gap and readiness report: coverage, gaps, SoA completeness, all 14 checks with a result.
  await page.goto(`${ws}/readiness`);
  await page.getByRole('link', { name: 'Print view' }).click();
  await expect(page).toHaveURL(/\/readiness\/print$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Gap and readiness report' })).toBeVisible();
  await expect(page.locator('[data-testid^="print-check-"]')).toHaveCount(14);
  // R-003 was added without a rating: the results check names it instead of passing on R-001 alone.
  await expect(page.getByTestId('print-check-risk-results')).toContainText('Not met');
  await expect(page.getByTestId('print-check-risk-results')).toContainText('R-003 "Model drift goes unnoticed" is not assessed');
  await expect(page.getByTestId('print-check-risk-criteria')).toContainText('Met');
  await expect(page.getByTestId('print-check-scope')).toContainText('Not met');
  await expect(page.getByTestId('print-gap-4.2')).toContainText('In progress');
  await expect(page.getByTestId('print-gap-4.1')).toHaveCount(0);
  await expect(page.getByTestId('print-gap-A.10.4')).toHaveCount(0);
  expect(await seriousViolations(page), 'readiness print view').toEqual([]);
  const report = await printed(page, 'Gap and readiness report');
  expect(CHECK_LABELS).toHaveLength(14);
  expectAll(report.text, CHECK_LABELS, 'readiness checks');
  expectAll(
    report.text,
    [
      'Walkthrough coverage by clause and Annex A objective',
      'Gaps: items not implemented',
      '4.2 Understanding the needs and expectations of interested parties',
      'Eli',
      'Statement of Applicability completeness',
      'A.2.3',
      'Justification text missing',
      'Met',
      'Not met',
      'The register is still empty.',
      'Print Reports Ltd',
    ],
    'readiness details',
  );
  expect(report.pages).toBeGreaterThan(1);
  expect(report.sizes).toEqual(Array(report.pages).fill(A4_PORTRAIT));

  // The two new print views on screen in the dark scheme, too.
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const [path, heading] of [
    ['risks/print', 'AI risk register'],
    ['readiness/print', 'Gap and readiness report'],
  ] as const) {
    await page.goto(`${ws}/${path}`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    expect(await seriousViolations(page), `${path} (dark)`).toEqual([]);
  }
});
