import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { createWorkspace, expect, settled, test } from './fixtures';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** As in accessibility.spec.ts: axe-core injected over the DevTools protocol, serious and critical only. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('an implemented control shows its crosswalk under the item and counts on the coverage page, with the disclaimer', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Crosswalk Co');
  const ws = page.url();

  await page.goto(`${ws}/item/A.6.2.6`);
  await expect(page.getByRole('heading', { level: 1, name: /A\.6\.2\.6/ })).toBeVisible();
  const panel = page.getByTestId('item-crosswalk');
  await expect(panel.getByRole('heading', { level: 2, name: 'Also relevant to' })).toBeVisible();
  await expect(panel.getByTestId('crosswalk-rmf-ms-2.4')).toContainText('MEASURE 2.4');
  await expect(panel.getByTestId('crosswalk-rmf-ms-2.4')).toContainText('Strong');
  await expect(panel.getByTestId('crosswalk-euaia-72')).toContainText('Post-market monitoring');
  await page.getByLabel('Status', { exact: true }).selectOption('implemented');
  await settled(page);

  await page.getByRole('link', { name: 'Crosswalks', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Crosswalks: NIST AI RMF, EU AI Act and ISO/IEC 27001' })).toBeVisible();
  await expect(page.getByTestId('crosswalk-disclaimer')).toContainText('not legal advice and not a conformity claim');
  const sub = page.getByTestId('crosswalk-rmf-ms-2.4');
  await expect(sub).toHaveAttribute('data-state', 'touched');
  await expect(sub).toContainText('A.6.2.6 (strong)');
  await expect(page.getByTestId('crosswalk-rmf-gv-1.1')).toHaveAttribute('data-state', 'untouched');
  await expect(page.getByTestId('crosswalk-rmf-summary')).toContainText(/^[1-9]\d* of 72 subcategories touched/);
  await expect(page.getByTestId('crosswalk-euaia-72')).toHaveAttribute('data-state', 'touched');
  await expect(page.getByTestId('crosswalk-rmf-untouched')).not.toContainText('MEASURE 2.4,');

  // The filter leaves only what is not touched.
  await page.getByLabel('Show only what is not touched yet').check();
  await expect(page.getByTestId('crosswalk-rmf-ms-2.4')).toHaveCount(0);
  await expect(page.getByTestId('crosswalk-rmf-gv-1.1')).toBeVisible();

  // The item link leads back to the walkthrough.
  await page.getByLabel('Show only what is not touched yet').uncheck();
  await page.getByTestId('crosswalk-rmf-ms-2.4').getByRole('link', { name: 'A.6.2.6 (strong)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /A\.6\.2\.6/ })).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the coverage page and the item panel have no serious accessibility violations (${scheme})`, async ({ watched: { page } }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await createWorkspace(page, 'Axe Crosswalk Co');
    const ws = page.url();
    await page.goto(`${ws}/item/4.1`);
    await page.getByLabel('Status', { exact: true }).selectOption('implemented');
    await settled(page);
    await expect(page.getByTestId('item-crosswalk').getByTestId('crosswalk-rmf-gv-1.1')).toBeVisible();
    expect(await seriousViolations(page), 'item 4.1').toEqual([]);
    await page.goto(`${ws}/crosswalks`);
    await expect(page.getByTestId('crosswalk-rmf-gv-1.1')).toHaveAttribute('data-state', 'touched');
    expect(await seriousViolations(page), 'crosswalks').toEqual([]);
  });
}
