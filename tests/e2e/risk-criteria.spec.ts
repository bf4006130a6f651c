import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { createWorkspace, expect, settled, test } from './fixtures';

const fixture4x3 = fileURLToPath(new URL('../fixtures/matrices/matrix-4x3.json', import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Rows and cells per row of a grid table, top row first. */
async function shape(page: Page, table: ReturnType<Page['getByRole']>): Promise<number[]> {
  await expect(table).toBeVisible();
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td').length));
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

test('risk criteria: apply a preset, import a CISO Assistant matrix, export it again', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Criteria Co');
  await page.goto(page.url() + '/criteria');
  await expect(page.getByRole('heading', { level: 1, name: 'Risk criteria' })).toBeVisible();
  const grid = page.getByRole('region', { name: 'Matrix', exact: true }).getByRole('table');
  expect(await shape(page, grid)).toEqual([5, 5, 5, 5, 5]);

  // A preset replaces the matrix only from its preview, which names every change and warns about shorter scales.
  await page.getByRole('combobox', { name: 'Likelihood 1 (Rare) × Impact 5 (Severe)' }).selectOption({ label: 'Very high' });
  await page.getByLabel('Preset', { exact: true }).selectOption('3x3');
  await page.getByRole('button', { name: 'Preview preset' }).click();
  const presetPreview = page.getByRole('region', { name: 'Preview: Simple 3×3' });
  await expect(presetPreview.getByRole('heading', { name: 'Preview: Simple 3×3' })).toBeFocused();
  await expect(presetPreview).toContainText('15 of 15 levels and 23 of 25 cells change');
  await expect(presetPreview).toContainText('flagged for review');
  await expect(presetPreview.getByRole('list', { name: 'Cells that change (23)' })).toContainText('Rare × Severe: Very high, removed with its level');
  await presetPreview.getByRole('button', { name: 'Apply "Simple 3×3"' }).click();
  await expect(presetPreview).toHaveCount(0);
  await expect(grid.locator('tbody tr')).toHaveCount(3);
  expect(await shape(page, grid)).toEqual([3, 3, 3]);
  await expect(page.getByRole('combobox', { name: 'Likelihood 3 (Likely) × Impact 3 (Severe)' })).toHaveValue('2');
  await settled(page);

  // Import the 4×3 fixture: preview first, then apply.
  await page.getByLabel('Import a matrix (CISO Assistant YAML or JSON)').setInputFiles(fixture4x3);
  const preview = page.getByRole('region', { name: 'Preview: Pilot 4×3 matrix' });
  expect(await shape(page, preview.getByRole('table'))).toEqual([3, 3, 3, 3]);
  expect(await shape(page, grid)).toEqual([3, 3, 3]);
  await preview.getByRole('button', { name: 'Replace the current matrix' }).click();
  await expect(page.getByText('Imported "Pilot 4×3 matrix".')).toBeVisible();
  await expect(preview).toHaveCount(0);
  expect(await shape(page, grid)).toEqual([3, 3, 3, 3]);
  await expect(page.getByRole('combobox', { name: 'Likelihood 4 (Routine) × Impact 1 (Contained)' })).toHaveValue('1');
  await settled(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);

  // It was stored, not just shown.
  await page.reload();
  await expect(page.getByLabel('Matrix name')).toHaveValue('Pilot 4×3 matrix');
  expect(await shape(page, grid)).toEqual([3, 3, 3, 3]);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('pilot-4x3.json');
  // The same CISO Assistant library the YAML export writes, as JSON; the matrix keeps the URN it came with.
  const library = JSON.parse(readFileSync(await file.path(), 'utf8')) as {
    objects: { risk_matrix: { urn: string; name: string; grid: number[][]; probability: { name: string }[] }[] };
  };
  const exported = library.objects.risk_matrix[0]!;
  expect(exported.urn).toBe('urn:example:risk:matrix:pilot-4x3');
  expect(exported.name).toBe('Pilot 4×3 matrix');
  expect(exported.grid).toHaveLength(4);
  for (const row of exported.grid) expect(row).toHaveLength(3);
  expect(exported.grid).toEqual(JSON.parse(readFileSync(fixture4x3, 'utf8')).grid);
  expect(exported.probability.map((l) => l.name)).toEqual(['Remote', 'Occasional', 'Frequent', 'Routine']);
  expect(Object.keys(exported)).not.toContain('acceptance_threshold');
});
