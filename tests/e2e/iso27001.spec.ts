import { seriousViolations } from './axe';
import { createWorkspace, expect, settled, test } from './fixtures';

test('with the ISMS option on, items show which ISMS records may serve as evidence, and one ISMS policy file serves two items', async ({
  watched: { page },
}) => {
  await createWorkspace(page, 'ISMS Holder Co');
  const ws = page.url();

  // Off by default: no marks.
  await page.goto(`${ws}/item/A.2.2`);
  await expect(page.getByRole('heading', { level: 1, name: /A\.2\.2/ })).toBeVisible();
  await expect(page.getByTestId('item-crosswalk').getByTestId('crosswalk-iso27001-A.5.1')).toContainText('Policies for information security');
  await expect(page.getByTestId('isms-marker')).toHaveCount(0);
  await expect(page.getByTestId('isms-badge-A.2.2')).toHaveCount(0);

  await page.goto(`${ws}/profile`);
  await page.getByLabel('We run an ISO/IEC 27001 information security management system').check();
  await settled(page);

  // One ISMS policy file, attached once to 5.2.
  await page.goto(`${ws}/item/5.2`);
  await expect(page.getByTestId('isms-marker')).toContainText('ISO/IEC 27001 5.2');
  await page
    .getByLabel('File', { exact: true })
    .setInputFiles({ name: 'isms-policy.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 ISMS policy') });
  await page.getByRole('button', { name: 'Add' }).nth(1).click();
  await expect(page.getByRole('list', { name: 'Evidence for 5.2' })).toContainText('isms-policy.pdf');

  // A.2.2: marked in the walkthrough and in the list, and linked to the same file instead of an upload.
  await page.goto(`${ws}/item/A.2.2`);
  await expect(page.getByTestId('isms-marker')).toContainText('Your ISMS records may serve as evidence here: ISO/IEC 27001 A.5.1.');
  await expect(page.getByTestId('isms-badge-A.2.2')).toBeVisible();
  await expect(page.getByTestId('isms-badge-A.7.4')).toHaveCount(0);
  await page.getByLabel('Evidence to link').selectOption({ label: 'isms-policy.pdf (isms-policy.pdf), evidence for 5.2' });
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  const onA22 = page.getByRole('list', { name: 'Evidence for A.2.2' });
  await expect(onA22).toContainText('isms-policy.pdf');
  await expect(onA22).toContainText('Also evidence for 5.2');
  await expect(page.getByRole('status').filter({ hasText: 'is now evidence for A.2.2 too' })).toBeVisible();

  // Taken off 5.2, the file stays for A.2.2.
  await page.goto(`${ws}/item/5.2`);
  const on52 = page.getByRole('list', { name: 'Evidence for 5.2' });
  await expect(on52).toContainText('Also evidence for A.2.2');
  page.once('dialog', (d) => {
    expect(d.message()).toBe('Remove isms-policy.pdf from 5.2? It stays as evidence for A.2.2.');
    void d.accept();
  });
  await on52.getByRole('button', { name: 'Remove isms-policy.pdf' }).click();
  await expect(page.getByText('No evidence recorded yet.')).toBeVisible();
  await page.goto(`${ws}/item/A.2.2`);
  await expect(onA22).toContainText('isms-policy.pdf');
  await expect(onA22).not.toContainText('Also evidence for');
  const download = page.waitForEvent('download');
  await onA22.getByRole('button', { name: 'Download isms-policy.pdf' }).click();
  expect((await download).suggestedFilename()).toBe('isms-policy.pdf');

  // The SoA marks the control too; the coverage page counts A.5.1 once A.2.2 is implemented.
  await page.getByLabel('Status', { exact: true }).selectOption('implemented');
  await settled(page);
  await page.goto(`${ws}/soa`);
  await expect(page.getByTestId('soa-row-A.2.2').getByTestId('isms-badge-A.2.2')).toBeVisible();
  await page.goto(`${ws}/crosswalks`);
  await expect(page.getByTestId('crosswalk-iso27001-A.5.1')).toHaveAttribute('data-state', 'touched');
  await expect(page.getByTestId('crosswalk-iso27001-A.5.1')).toContainText('A.2.2 (partial)');
  await expect(page.getByTestId('crosswalk-iso27001-summary')).toContainText(/^\s*1 of \d+ related clauses and controls touched/);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the ISMS marks, the profile option and the evidence link form have no serious accessibility violations (${scheme})`, async ({ watched: { page } }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await createWorkspace(page, 'Axe ISMS Co');
    const ws = page.url();
    await page.goto(`${ws}/profile`);
    await page.getByLabel('We run an ISO/IEC 27001 information security management system').check();
    await settled(page);
    expect(await seriousViolations(page), 'profile').toEqual([]);
    await page.goto(`${ws}/item/5.2`);
    await page.getByLabel('Web address').fill('https://intranet.example.com/isms-policy');
    await page.getByLabel('Title', { exact: true }).fill('ISMS policy');
    await page.getByRole('button', { name: 'Add' }).first().click();
    await page.goto(`${ws}/item/A.2.2`);
    await expect(page.getByTestId('isms-marker')).toBeVisible();
    await page.getByLabel('Evidence to link').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    await expect(page.getByTestId('evidence-shared')).toBeVisible();
    expect(await seriousViolations(page), 'item A.2.2').toEqual([]);
  });
}
