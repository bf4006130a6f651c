import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { SCHEMA_VERSIONS, schemaErrors, type SchemaModel } from '../fixtures/oscal/schemas';
import { createWorkspace, expect, settled, test } from './fixtures';

/** The OSCAL panel on the Export and import page: what the walkthrough recorded is in the downloaded files. */

interface Prop {
  name: string;
  value: string;
}
interface Requirement {
  'control-id': string;
  props?: Prop[];
  remarks?: string;
  'responsible-roles'?: { 'role-id': string; 'party-uuids': string[] }[];
  'by-components': { description: string; 'implementation-status': { state: string } }[];
}
interface Control {
  id: string;
  class: string;
  title: string;
  props: Prop[];
}
interface Group {
  id: string;
  groups?: Group[];
  controls?: Control[];
}

async function downloadJson(page: Page, click: () => Promise<void>): Promise<{ download: Download; doc: Record<string, unknown> }> {
  const downloading = page.waitForEvent('download');
  await click();
  const download = await downloading;
  const path = await download.path();
  return { download, doc: JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown> };
}

function expectValid(model: SchemaModel, doc: unknown) {
  for (const version of SCHEMA_VERSIONS) {
    const errors = schemaErrors(version, model, doc);
    expect(errors, `OSCAL ${version} ${model}: ${JSON.stringify(errors.slice(0, 3))}`).toEqual([]);
  }
}

const prop = (x: { props?: Prop[] } | undefined, name: string) => x?.props?.filter((p) => p.name === name).map((p) => p.value);
const allControls = (groups: Group[]): Control[] => groups.flatMap((g) => [...allControls(g.groups ?? []), ...(g.controls ?? [])]);

test('the SoA and the catalog download as OSCAL and hold what was recorded', async ({ watched: { page } }) => {
  await createWorkspace(page, 'OSCAL Co');
  const ws = page.url();

  // A.2.2 applies, is implemented, has an owner, a reason and where it is done.
  await page.goto(ws + '/item/A.2.2');
  await expect(page.getByRole('heading', { level: 1, name: 'A.2.2 AI policy' })).toBeVisible();
  await page.getByRole('group', { name: 'Applicable?' }).getByRole('radio', { name: 'Yes' }).check();
  await page.getByLabel('Status', { exact: true }).selectOption('implemented');
  await page.getByLabel('Owner', { exact: true }).fill('Dana Okafor');
  await page.getByLabel('Justification category').selectOption('legal-regulatory');
  await page.getByLabel('Justification', { exact: true }).fill('Required by the EU AI Act.');
  await page.getByLabel('Where and how it is implemented').fill('AI policy v1.2, approved by the board');
  await settled(page);

  // A.10.4 is excluded, with its reason.
  await page.goto(ws + '/item/A.10.4');
  await expect(page.getByRole('heading', { level: 1, name: 'A.10.4 Customers' })).toBeVisible();
  await page.getByLabel('Status', { exact: true }).selectOption('not-applicable');
  await page.getByLabel('Justification category').selectOption('business-practice');
  await page.getByLabel('Justification', { exact: true }).fill('We sell no AI products or services.');
  await settled(page);

  await page.goto(ws + '/exchange');
  const panel = page.getByRole('region', { name: 'OSCAL (JSON)' });
  const version = panel.getByLabel('OSCAL version');
  await expect(version).toHaveValue('1.1.3');
  await expect(version).toHaveAccessibleDescription(/valid against both OSCAL 1\.1\.3 and 1\.2\.1/);

  // The SoA as a system security plan, in the default version.
  const ssp = await downloadJson(page, () => panel.getByRole('button', { name: 'SoA and implementation status' }).click());
  expect(ssp.download.suggestedFilename()).toMatch(/^OSCAL-Co-soa-\d{4}-\d{2}-\d{2}\.oscal\.json$/);
  await expect(panel.getByRole('status')).toContainText(`Saved ${ssp.download.suggestedFilename()}`);
  expectValid('ssp', ssp.doc);
  const plan = ssp.doc['system-security-plan'] as {
    metadata: { 'oscal-version': string; parties?: { uuid: string; name: string }[] };
    'control-implementation': { 'implemented-requirements': Requirement[] };
  };
  expect(plan.metadata['oscal-version']).toBe('1.1.3');
  const reqs = new Map(plan['control-implementation']['implemented-requirements'].map((r) => [r['control-id'], r]));
  expect(reqs.size).toBe(70);
  const state = (id: string) => reqs.get(id)?.['by-components'][0]?.['implementation-status'].state;

  const policy = reqs.get('a.2.2');
  expect(prop(policy, 'applicability')).toEqual(['applicable']);
  expect(prop(policy, 'status')).toEqual(['implemented']);
  expect(prop(policy, 'justification-category')).toEqual(['legal-regulatory']);
  expect(prop(policy, 'justification')).toEqual(['Required by the EU AI Act.']);
  expect(state('a.2.2')).toBe('implemented');
  expect(policy?.['by-components'][0]?.description).toBe('AI policy v1.2, approved by the board');
  const owners = (policy?.['responsible-roles'] ?? []).flatMap((r) => r['party-uuids'].map((u) => plan.metadata.parties?.find((p) => p.uuid === u)?.name));
  expect(owners).toEqual(['Dana Okafor']);

  expect(prop(reqs.get('a.10.4'), 'applicability')).toEqual(['not-applicable']);
  expect(prop(reqs.get('a.10.4'), 'justification')).toEqual(['We sell no AI products or services.']);
  expect(state('a.10.4')).toBe('not-applicable');
  // Untouched items: not started ("planned" in OSCAL) and, for a control, undecided.
  expect(state('a.2.3')).toBe('planned');
  expect(prop(reqs.get('a.2.3'), 'applicability')).toEqual(['undecided']);
  expect(state('c-4.1')).toBe('planned');

  // The catalog, declared as OSCAL 1.2.1, downloaded from the keyboard.
  await version.selectOption('1.2.1');
  const catalogButton = panel.getByRole('button', { name: 'Catalog' });
  const cat = await downloadJson(page, async () => {
    await catalogButton.focus();
    await page.keyboard.press('Enter');
  });
  expect(cat.download.suggestedFilename()).toBe('iso-iec-42001-catalog.oscal.json');
  expectValid('catalog', cat.doc);
  const catalog = cat.doc.catalog as { metadata: { 'oscal-version': string }; groups: Group[] };
  expect(catalog.metadata['oscal-version']).toBe('1.2.1');
  const controls = allControls(catalog.groups);
  const annexA = controls.filter((c) => c.class === 'control');
  const clauses = controls.filter((c) => c.class === 'requirement');
  expect(annexA).toHaveLength(38);
  expect(annexA.filter((c) => !/^a\.\d+(\.\d+)+$/.test(c.id)).map((c) => c.id)).toEqual([]);
  expect(clauses).toHaveLength(32);
  expect(clauses.filter((c) => !/^c-\d+(\.\d+)+$/.test(c.id)).map((c) => c.id)).toEqual([]);
  expect(controls.find((c) => c.id === 'a.10.4')).toMatchObject({ title: 'Customers', props: expect.arrayContaining([{ name: 'label', value: 'A.10.4' }]) });
  // Every control of the SoA is in the catalog.
  expect([...reqs.keys()].sort()).toEqual(controls.map((c) => c.id).sort());
});

test('a failed OSCAL export is announced as an alert, and the panel stays usable', async ({ watched: { page, errors } }) => {
  await createWorkspace(page, 'Broken Crypto Co');
  await page.goto(page.url() + '/exchange');
  // The UUIDs are SHA-1 (WebCrypto) based: make SHA-1 fail, as on a page without a secure context.
  await page.evaluate(() => {
    const subtle = crypto.subtle;
    const digest = subtle.digest.bind(subtle);
    subtle.digest = (algorithm: AlgorithmIdentifier, data: BufferSource) =>
      algorithm === 'SHA-1' ? Promise.reject(new Error('SHA-1 unavailable (test)')) : digest(algorithm, data);
  });
  const panel = page.getByRole('region', { name: 'OSCAL (JSON)' });
  await panel.getByRole('button', { name: 'Profile (baseline)' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Something went wrong' })).toContainText('SHA-1 unavailable (test)');
  await expect(panel.getByRole('status')).toHaveText('');
  await expect(panel.getByRole('button', { name: 'Profile (baseline)' })).toBeEnabled();
  // The app logs unexpected errors; this one was expected, so it does not fail the run.
  expect(errors.some((e) => e.includes('SHA-1 unavailable (test)'))).toBe(true);
  errors.length = 0;
});
