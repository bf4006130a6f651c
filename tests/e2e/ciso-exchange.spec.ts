import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { createWorkspace, expect, settled, test } from './fixtures';

/** Library files written for the tests in CISO Assistant's YAML shape. */
const frLibrary = fileURLToPath(new URL('../fixtures/matrices/ciso/library-fr-3x3.yaml', import.meta.url));
const twoMatrices = fileURLToPath(new URL('../fixtures/matrices/ciso/library-two-matrices.yaml', import.meta.url));
const bomb = fileURLToPath(new URL('../fixtures/matrices/ciso/hostile/alias-bomb.yaml', import.meta.url));

type Level = { id: number; abbreviation: string; name: string; hexcolor: string; translations?: Record<string, { name?: string }> };
type Library = {
  urn: string;
  locale: string;
  ref_id: string;
  version: number;
  objects: { risk_matrix: { urn: string; ref_id: string; name: string; probability: Level[]; impact: Level[]; risk: Level[]; grid: number[][] }[] };
};

test('CISO Assistant: import a YAML library through the UI, pick among its matrices, export a library back', async ({ watched: { page } }) => {
  await createWorkspace(page, 'CISO Co');
  await page.goto(page.url() + '/criteria');
  const importer = page.getByLabel('Import a matrix (CISO Assistant YAML or JSON)');

  // A hostile file is refused with a message, and nothing changes.
  await importer.setInputFiles(bomb);
  await expect(page.getByRole('alert').filter({ hasText: 'The file was not imported' })).toContainText('repeats its YAML aliases more than 100 times');

  // Two matrices in one library: the user picks which one to preview.
  await importer.setInputFiles(twoMatrices);
  const pick = page.getByLabel('The file holds 2 matrices. Matrix to preview');
  await expect(pick).toHaveValue('0');
  await expect(page.getByRole('region', { name: 'Preview: Model risk 4x3' })).toBeVisible();
  await pick.selectOption({ label: 'Vendor 3x3' });
  await expect(page.getByRole('region', { name: 'Preview: Vendor 3x3' })).toBeVisible();
  await page.getByRole('button', { name: 'Discard' }).click();
  await expect(pick).toHaveCount(0);

  // The French library with English and Chinese translations and numeric abbreviations, shown in English.
  await importer.setInputFiles(frLibrary);
  const preview = page.getByRole('region', { name: 'Preview: AI 3x3 matrix' });
  await expect(preview).toContainText('From CISO Assistant (urn:example:risk:matrix:ia-3x3)');
  await expect(preview).toContainText("Names are shown from the file's English translation");
  await preview.getByRole('button', { name: 'Replace the current matrix' }).click();
  await expect(page.getByText('Imported "AI 3x3 matrix".')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Likelihood 3 (Frequent) × Impact 3 (Severe)' })).toHaveValue('2');
  await page.getByRole('textbox', { name: 'Name of risk level 3' }).fill('Very high');
  await settled(page);
  await page.reload();
  await expect(page.getByLabel('Matrix name')).toHaveValue('AI 3x3 matrix');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export for CISO Assistant (YAML)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('ia-3x3.yaml');
  const lib = parse(readFileSync(await file.path(), 'utf8')) as Library;
  // Same library and matrix identity, one version up, in the library's own language with every translation.
  expect([lib.urn, lib.locale, lib.ref_id, lib.version]).toEqual(['urn:example:risk:library:ia-3x3', 'fr', 'ia-3x3', 5]);
  const m = lib.objects.risk_matrix[0]!;
  expect([m.urn, m.ref_id, m.name]).toEqual(['urn:example:risk:matrix:ia-3x3', 'ia-3x3', 'Matrice IA 3x3']);
  expect(m.probability.map((l) => [l.id, l.abbreviation, l.name, l.hexcolor])).toEqual([
    [0, '1', 'Rare', '#D9F2D0'],
    [1, '2', 'Possible', '#FFF2B3'],
    [2, '3', 'Fréquent', '#F9C0A8'],
  ]);
  expect([m.risk[2]!.name, m.risk[2]!.translations?.en?.name, m.risk[2]!.translations?.zh?.name]).toEqual(['Élevé', 'Very high', '高']);
  expect(m.grid).toEqual([
    [0, 0, 1],
    [0, 1, 2],
    [1, 2, 2],
  ]);
});
