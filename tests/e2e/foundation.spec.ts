import { createWorkspace, expect, settled, test } from './fixtures';
import { pdfText } from './pdf';

test('a workspace survives a reload: walkthrough answers, exclusion, evidence, SoA and dashboard', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Acme Robotics');
  await page.getByRole('link', { name: 'Start the walkthrough' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '4.1 Understanding the organization and its context' })).toBeVisible();

  // Three clause items: status, owner, notes, target date.
  const answers = [
    { id: '4.1', status: 'implemented', owner: 'Dana', notes: 'Context note signed off by the board.' },
    { id: '4.2', status: 'in-progress', owner: 'Eli', notes: 'Interested parties list drafted.' },
    { id: '4.3', status: 'in-progress', owner: 'Dana', notes: 'Scope statement in review.' },
  ];
  for (const a of answers) {
    await expect(page.getByRole('heading', { level: 1 })).toContainText(a.id);
    await page.getByLabel('Status', { exact: true }).selectOption(a.status);
    await page.getByLabel('Owner', { exact: true }).fill(a.owner);
    await page.getByLabel('Implementation notes').fill(a.notes);
    await settled(page);
    await page.getByRole('link', { name: /^Next:/ }).click();
  }
  await page.goto(page.url().replace(/item\/[^/]+$/, 'item/4.3'));
  await page.getByLabel('Target date').fill('2020-01-31');
  await settled(page);

  // One Annex A control excluded, with a justification.
  await page.goto(page.url().replace(/item\/[^/]+$/, 'item/A.10.4'));
  await expect(page.getByRole('heading', { level: 1, name: 'A.10.4 Customers' })).toBeVisible();
  await page.getByLabel('Status', { exact: true }).selectOption('not-applicable');
  await expect(page.getByText('Record why this control is excluded')).toBeVisible();
  await page.getByLabel('Justification category').selectOption('business-practice');
  await page.getByLabel('Justification', { exact: true }).fill('We sell no AI products or services to customers.');
  await settled(page);

  // An evidence file on 4.1.
  await page.goto(page.url().replace(/item\/[^/]+$/, 'item/4.1'));
  await page
    .getByLabel('File', { exact: true })
    .setInputFiles({ name: 'context-analysis.txt', mimeType: 'text/plain', buffer: Buffer.from('PESTLE notes, 2026') });
  await page.getByRole('button', { name: 'Add' }).nth(1).click();
  await expect(page.getByRole('list', { name: 'Evidence for 4.1' })).toContainText('context-analysis.txt');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /^4\.1 / })).toBeVisible();
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('implemented');
  await expect(page.getByLabel('Owner', { exact: true })).toHaveValue('Dana');
  await expect(page.getByLabel('Implementation notes')).toHaveValue('Context note signed off by the board.');
  const evidence = page.getByRole('list', { name: 'Evidence for 4.1' });
  await expect(evidence).toContainText('context-analysis.txt');
  const download = page.waitForEvent('download');
  await evidence.getByRole('button', { name: 'Download context-analysis.txt' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('context-analysis.txt');

  await page.goto(page.url().replace(/item\/[^/]+$/, 'item/4.2'));
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('in-progress');
  await expect(page.getByLabel('Implementation notes')).toHaveValue('Interested parties list drafted.');

  // The SoA shows the exclusion with its reason.
  await page.getByRole('link', { name: 'Statement of Applicability' }).first().click();
  const row = page.getByTestId('soa-row-A.10.4');
  await expect(row).toContainText('No');
  await expect(row).toContainText('Business need or best practice');
  await expect(row).toContainText('We sell no AI products or services to customers.');
  await expect(row).toContainText('Not applicable');
  await expect(row.locator('.badge')).toHaveCount(0);
  await expect(page.getByTestId('soa-completeness')).toContainText('1 of 38 controls complete');
  await expect(page.getByTestId('soa-row-A.2.2')).toContainText('Needs attention');

  // The dashboard counts it all.
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('tile-clauses')).toContainText('1 implemented, 2 in progress, 29 not started, 0 not applicable');
  await expect(page.getByTestId('tile-controls')).toContainText('0 implemented, 0 in progress, 37 not started, 1 not applicable');
  await expect(page.getByTestId('group-4')).toContainText('25%');
  await expect(page.getByTestId('group-A.10')).toContainText('1 not applicable');
  await expect(page.getByRole('region', { name: /Overdue/ }).or(page.locator('section', { hasText: 'Overdue (1)' }))).toContainText('4.3');
});

test('the last-opened workspace reopens on start', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Reopen Ltd');
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard — Reopen Ltd' })).toBeVisible();
});

test('workspaces can be renamed, duplicated and deleted with a confirmation naming them', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Client One');
  await page.getByRole('link', { name: 'Workspaces' }).click();
  await page.getByRole('group', { name: 'Actions for Client One' }).getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New name for Client One').fill('Client Uno');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Client Uno' })).toBeVisible();

  await page.getByRole('group', { name: 'Actions for Client Uno' }).getByRole('button', { name: 'Duplicate' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Client Uno (copy)' })).toBeVisible();

  await page.getByRole('group', { name: 'Actions for Client Uno (copy)' }).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete workspace "Client Uno (copy)"?' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('To confirm, type the name of the workspace: Client Uno (copy)').fill('Client Uno (copy)');
  await dialog.getByRole('button', { name: 'Delete "Client Uno (copy)"' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Client Uno (copy)' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Client Uno' })).toBeVisible();
});

test('the walkthrough works from the keyboard alone', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Keyboard Co');
  await page.goto(page.url() + '/item/4.1');
  await expect(page.getByRole('heading', { level: 1, name: /^4\.1 / })).toBeFocused();
  await page.keyboard.press(']');
  await expect(page.getByRole('heading', { level: 1, name: /^4\.2 / })).toBeFocused();
  await page.keyboard.press('[');
  await expect(page.getByRole('heading', { level: 1, name: /^4\.1 / })).toBeVisible();
  // Tab into the status field and choose with arrow keys; the choice autosaves.
  const status = page.getByLabel('Status', { exact: true });
  await status.focus();
  await page.keyboard.press('ArrowDown');
  await expect(status).toHaveValue('in-progress');
  await settled(page);
  await page.reload();
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('in-progress');
  // Typing "]" inside a text field types, it does not navigate.
  await page.getByLabel('Owner', { exact: true }).focus();
  await page.keyboard.type('Team [A]');
  await expect(page.getByLabel('Owner', { exact: true })).toHaveValue('Team [A]');
  await expect(page.getByRole('heading', { level: 1, name: /^4\.1 / })).toBeVisible();
});

test('a clause cannot be marked not applicable; a control can', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Rules Co');
  await page.goto(page.url() + '/item/5.2');
  await expect(page.getByRole('heading', { level: 1, name: '5.2 AI policy' })).toBeVisible();
  const status = page.getByLabel('Status', { exact: true });
  await expect(status.locator('option')).toHaveText(['Not started', 'In progress', 'Implemented']);
  await page.goto(page.url().replace('5.2', 'A.2.2'));
  await expect(page.getByRole('heading', { level: 1, name: 'A.2.2 AI policy' })).toBeVisible();
  await expect(status.locator('option')).toHaveText(['Not started', 'In progress', 'Implemented', 'Not applicable']);
});

test('the SoA prints as a clean document with every control', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Print Co');
  await page.getByRole('link', { name: 'Statement of Applicability' }).first().click();
  await page.getByLabel('Version').fill('1.0');
  await page.getByLabel('Approved by').fill('CEO');
  await settled(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1, name: 'Statement of Applicability — Print Co' })).toBeVisible();
  await expect(page.getByText('Version 1.0 · Date not set · Approved by CEO')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(page.locator('tbody tr')).toHaveCount(38);
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
  expect(pdfText(pdf).sizes[0]).toEqual([297, 210]);
  // The SoA's landscape page rule is its own: the dashboard, printed after it in the same page, stays portrait.
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard — Print Co' })).toBeVisible();
  const dashboard = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdfText(dashboard).sizes[0]).toEqual([210, 297]);
});

test('an HTML or SVG evidence file is only ever downloaded, never opened in the app', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Safe Files Co');
  await page.goto(page.url() + '/item/7.5.3');
  for (const f of [
    { name: 'evil.html', mimeType: 'text/html', buffer: Buffer.from('<script>indexedDB.deleteDatabase("aims-workbench")</script>') },
    { name: 'evil.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
    { name: 'minutes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF') },
  ]) {
    await page.getByLabel('File', { exact: true }).setInputFiles(f);
    await page.getByRole('button', { name: 'Add' }).nth(1).click();
    await expect(page.getByRole('list', { name: 'Evidence for 7.5.3' })).toContainText(f.name);
  }
  const list = page.getByRole('list', { name: 'Evidence for 7.5.3' });
  await expect(list.getByRole('button', { name: 'Open evil.html' })).toHaveCount(0);
  await expect(list.getByRole('button', { name: 'Open evil.svg' })).toHaveCount(0);
  await expect(list.getByRole('button', { name: 'Open minutes.pdf' })).toHaveCount(1);
  const download = page.waitForEvent('download');
  await list.getByRole('button', { name: 'Download evil.html' }).click();
  expect((await download).suggestedFilename()).toBe('evil.html');
  await expect(page.getByRole('heading', { level: 1, name: /^7\.5\.3 / })).toBeVisible();
});
