import type { Page } from '@playwright/test';
import { createWorkspace, expect, settled, test } from './fixtures';
import { cycleKindNames } from '../../src/domain/cycle/kind-names';

/**
 * A person never reads the database: after a scenario that touches every register (ratings, links,
 * nested rows, choices), no page, print view or history shows an id, JSON or an internal choice key.
 */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/i;
const JSON_BITS = ['{"', '[{', '":'];
/** Stored choice keys whose labels differ from them, each of them stored by the scenario below. */
const KEYS = [
  'in-progress',
  'not-started',
  'ai-policy',
  'treating',
  'proceed-with-conditions',
  'operation-monitoring',
  'not-checked',
  'previous-actions',
  'context-changes',
  'risk-treatment',
  'party-needs',
  'on-track',
];
/** English prose says "high-risk system"; the key is looked for where the prose is Chinese. */
const KEYS_ZH = [...KEYS, 'high-risk'];

/** Opens a page, waits for it to finish loading, and says what it shows that a person should never read. */
async function leaksOn(page: Page, url: string, keys: readonly string[]): Promise<string[]> {
  await page.goto(url);
  await expect(page.locator('h1:visible').first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^(Loading…|正在加载…)$/ })).toHaveCount(0);
  await page.waitForTimeout(150);
  // Text quoted from an English source (crosswalk titles, marked lang="en") is the source's, not a stored key.
  const text = await page.evaluate(() => {
    const quoted = Array.from(document.querySelectorAll<HTMLElement>('main [lang="en"]'));
    // Not `hidden`: a class that sets display would keep it shown.
    for (const el of quoted) el.style.setProperty('display', 'none', 'important');
    const shown = document.body.innerText;
    for (const el of quoted) el.style.removeProperty('display');
    return shown;
  });
  const found: string[] = [];
  const uuid = UUID.exec(text);
  if (uuid) found.push(`id ${text.slice(Math.max(0, uuid.index - 40), uuid.index + 40)}`);
  for (const bit of JSON_BITS) {
    const at = text.indexOf(bit);
    if (at >= 0) found.push(`JSON ${text.slice(Math.max(0, at - 40), at + 40)}`);
  }
  for (const key of keys) {
    const m = new RegExp(`(^|[^\\w-])${key}($|[^\\w-])`).exec(text);
    if (m) found.push(`key "${key}": ${text.slice(Math.max(0, m.index - 40), m.index + 40)}`);
  }
  return found.map((f) => `${url.replace(/^.*#\/w\/[^/]+/, '')}: ${f.replace(/\s+/g, ' ')}`);
}

async function addCycleRecord(page: Page, ws: string, kind: string, title: string): Promise<string> {
  await page.goto(`${ws}/cycle/${kind}`);
  await page.locator(`#new-${kind}`).fill(title);
  if (kind === 'document') await page.locator('#new-document-type').selectOption('ai-policy');
  await page.locator(`#new-${kind}`).press('Enter');
  await expect(page.locator('#rec-title')).toHaveValue(title);
  return page.url();
}

/** Every register, with ratings, links, nested rows and choices; returns the pages it made. */
async function scenario(page: Page): Promise<{ ws: string; records: string[]; assessment: string }> {
  await page.goto('./');
  await page.getByLabel('Your name (for the change history)').fill('Dana Auditor');
  await page.getByRole('button', { name: 'Save my name' }).click();
  await expect(page.getByRole('group', { name: /^Your name is saved/ })).toBeVisible();
  await createWorkspace(page, 'Leak Co');
  const ws = page.url();
  const records: string[] = [];

  // Profile and risk criteria.
  await page.goto(`${ws}/profile`);
  await page.locator('#profile-sector').fill('Health');
  await page.locator('#profile-size').selectOption({ index: 2 });
  await page.getByLabel('AI provider').check();
  await settled(page);
  await page.goto(`${ws}/criteria`);
  await page.getByRole('combobox', { name: 'Likelihood 1 (Rare) × Impact 5 (Severe)' }).selectOption({ label: 'Very high' });
  await settled(page);

  // An AI system, an own control, a risk with ratings linking all of them and an Annex A control.
  await page.goto(`${ws}/systems`);
  await page.getByLabel('Name of the new AI system').fill('TalentSift');
  await page.getByRole('button', { name: 'Add AI system' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TalentSift' })).toBeVisible();
  records.push(page.url());
  await page.getByLabel('Intended purpose').fill('Ranks job applications');
  await page.getByLabel('Life-cycle stage').selectOption('operation-monitoring');
  await page.getByLabel('EU AI Act category (indicative)').selectOption('high-risk');
  await settled(page);

  await page.goto(`${ws}/controls`);
  await page.getByLabel('Name of the new control').fill('Bias review board');
  await page.getByRole('button', { name: 'Add control' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bias review board' })).toBeVisible();
  records.push(page.url());
  await page
    .getByRole('group', { name: /Annex A controls it implements/ })
    .getByLabel('A.6.2.5 AI system deployment')
    .check();
  await settled(page);

  await page.goto(`${ws}/risks`);
  await page.getByLabel('Title of the new risk').fill('Resume model discriminates');
  await page.getByRole('button', { name: 'Add risk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'R-001 Resume model discriminates' })).toBeVisible();
  records.push(page.url());
  await page
    .getByRole('group', { name: /AI systems affected/ })
    .getByLabel('TalentSift')
    .check();
  await page.locator('#inherent-likelihood').selectOption({ label: 'Likely' });
  await page.locator('#inherent-impact').selectOption({ label: 'Major' });
  await page.getByLabel('Treatment option').selectOption('modify');
  await page
    .getByRole('group', { name: /Annex A controls that treat it/ })
    .getByLabel('A.6.2.4 AI system verification and validation')
    .check();
  await page
    .getByRole('group', { name: /Own controls that treat it/ })
    .getByLabel('Bias review board')
    .check();
  await page.locator('#residual-likelihood').selectOption({ label: 'Possible' });
  await page.locator('#residual-impact').selectOption({ label: 'Moderate' });
  await page.getByLabel('Accepted by (designated management)').fill('Head of HR');
  await page.getByLabel('Accepted on').fill('2026-11-20');
  await settled(page);

  // An impact assessment whose impact is raised as a risk.
  await page.goto(`${ws}/assessments`);
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Impact assessment: TalentSift' })).toBeVisible();
  const assessment = page.url();
  await page.getByRole('button', { name: 'Add impact' }).click();
  const impact = page.getByRole('article', { name: /^Impact 1:/ });
  await impact.getByLabel('What could happen').fill('Delayed care');
  await impact.getByLabel('Severity').selectOption('major');
  await settled(page);
  await impact.getByRole('button', { name: 'Raise as risk' }).click();
  await expect(impact.getByRole('link', { name: 'R-002' })).toBeVisible();
  await page.getByLabel('Decision').selectOption('proceed-with-conditions');
  await settled(page);

  // Management-system records: scope exclusions, an audit checklist and its finding, review inputs,
  // a nonconformity, an AI policy, an objective with measurements.
  records.push(await addCycleRecord(page, ws, 'scope', 'AIMS scope'));
  await page.getByRole('button', { name: 'Add a row to Exclusions' }).click();
  await page.getByLabel('Excluded, row 1').fill('Marketing chatbot');
  await page.getByLabel('Justification, row 1').fill('Run by a vendor outside the AIMS');
  await settled(page);

  records.push(await addCycleRecord(page, ws, 'audit', 'Internal audit 2026'));
  await page.locator('#rec-status').selectOption('in-progress');
  await page.getByRole('button', { name: 'Add a row to Checklist' }).click();
  await page.getByLabel('Item, row 1').selectOption('A.2.4');
  await page.getByLabel('Result, row 1').selectOption('minor');
  await settled(page);
  await page.locator('#new-finding').fill('AI policy not reviewed');
  await page.getByRole('button', { name: 'Add finding' }).click();
  const finding = page.getByRole('link', { name: /F-001 AI policy not reviewed/ });
  await expect(finding).toBeVisible();
  await finding.click();
  await expect(page.getByRole('heading', { level: 1, name: 'F-001 AI policy not reviewed' })).toBeVisible();
  records.push(page.url());

  records.push(await addCycleRecord(page, ws, 'review', 'Management review Q1'));
  await page.getByLabel('What was presented, row 6').fill('One minor finding on the AI policy');
  await page.locator('#rec-status').selectOption('held');
  await settled(page);

  records.push(await addCycleRecord(page, ws, 'nonconformity', 'Model card missing'));
  await page.locator('#rec-rootCause').fill('No release checklist');
  await settled(page);

  records.push(await addCycleRecord(page, ws, 'document', 'AI policy'));
  await page.locator('#rec-owner').fill('Chief AI Officer');
  await settled(page);

  records.push(await addCycleRecord(page, ws, 'objective', 'Model cards for every model'));
  await page.locator('#rec-target').fill('100');
  await page.getByRole('button', { name: 'Add a row to Measurements' }).click();
  await page.getByLabel('Date, row 1').fill('2026-06-30');
  await page.getByLabel('Value, row 1').fill('40');
  await settled(page);

  // A walkthrough answer and an SoA decision.
  await page.goto(`${ws}/item/4.1`);
  await page.locator('[id="a-4.1-status"]').selectOption('in-progress');
  await settled(page);
  await page.goto(`${ws}/item/A.2.2`);
  await page.getByRole('radio', { name: 'Yes' }).check();
  await page.locator('[id="soa-A.2.2-justificationCategory"]').selectOption({ index: 1 });
  await settled(page);

  return { ws, records, assessment };
}

/** Every page of the workspace, every print view, the History page. */
function pagesOf(ws: string, records: readonly string[], assessment: string): string[] {
  const paths = [
    '',
    '/item/4.1',
    '/item/A.2.2',
    '/soa',
    '/profile',
    '/systems',
    '/risks',
    '/criteria',
    '/controls',
    '/assessments',
    '/exchange',
    '/cycle',
    '/tasks',
    '/readiness',
    '/trash',
    '/crosswalks',
    '/history',
  ];
  const prints = ['/soa/print', '/risks/print', '/readiness/print'];
  return [
    ...paths.map((p) => ws + p),
    ...cycleKindNames.map((k) => `${ws}/cycle/${k}`),
    ...records,
    assessment,
    `${assessment}/print`,
    ...prints.map((p) => ws + p),
  ];
}

test('no page, print view or history shows an id, JSON or an internal choice key, in English and in Chinese', async ({ watched: { page } }) => {
  test.setTimeout(240_000);
  const { ws, records, assessment } = await scenario(page);

  // The history words every value: ratings by level, links by name, rows by row, one entry per burst.
  await page.goto(`${ws}/history`);
  const history = page.getByRole('main');
  await expect(history).toContainText('Inherent likelihood: (empty) → 4 Likely');
  await expect(history).toContainText('AI systems affected: (empty) → TalentSift');
  await expect(history).toContainText('Own controls that treat it: (empty) → Bias review board');
  await expect(history).toContainText('Annex A controls that treat it: (empty) → A.6.2.4 AI system verification and validation');
  await expect(history).toContainText('Impacts: row 1 “Delayed care” added');
  await expect(history).toContainText('Exclusions: row 1 “Marketing chatbot” added');
  await expect(history).toContainText('Checklist: row 1 “A.2.4 Review of the AI policy” added');
  await expect(history).toContainText('Inputs, row 6 “Audit results”: What was presented (empty) → One minor finding on the AI policy');
  await expect(history).toContainText('Decision: (empty) → Proceed with conditions');
  const riskEntries = page.getByRole('row').filter({ hasText: 'R-001 Resume model discriminates' }).filter({ hasText: 'Changed' });
  await expect(riskEntries).toHaveCount(1);

  const leaks: string[] = [];
  for (const url of pagesOf(ws, records, assessment)) leaks.push(...(await leaksOn(page, url, KEYS)));
  expect(leaks, 'internal values on screen (English)').toEqual([]);

  await page.goto(`${ws}/profile`);
  await page.locator('#language-select').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const leaksZh: string[] = [];
  // The crosswalks quote NIST AI RMF and the EU AI Act in English, "high-risk" included.
  for (const url of pagesOf(ws, records, assessment)) leaksZh.push(...(await leaksOn(page, url, url.endsWith('/crosswalks') ? KEYS : KEYS_ZH)));
  expect(leaksZh, 'internal values on screen (Chinese)').toEqual([]);
});
