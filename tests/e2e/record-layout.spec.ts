import { createWorkspace, expect, settled, test } from './fixtures';

test('a risk keeps its summary in view, words it as a person reads it, and opens its history in a tab from the keyboard or a link', async ({
  watched: { page },
}) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await createWorkspace(page, 'Record Co');
  const ws = page.url();
  await page.goto(ws + '/risks');
  await page.getByLabel('Title of the new risk').fill('Unfair refusals');
  await page.getByRole('button', { name: 'Add risk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'R-001 Unfair refusals' })).toBeVisible();
  const risk = page.url();
  await page.getByLabel('Status', { exact: true }).selectOption('treating');
  await page.getByLabel('Next review', { exact: true }).fill('2027-03-31');
  await settled(page);

  // The summary header names values by their labels (never "treating" or an ISO date), levels as badges.
  const head = page.locator('.head');
  await expect(head).toContainText('Status Being treated');
  await expect(head).not.toContainText('treating');
  await expect(head).toContainText('Mar 31, 2027');
  await expect(head).toContainText('Inherent');
  await expect(head).toContainText('Not rated');

  // The index lists the register's declared sections; a jump lands on the section's heading, under the header.
  const index = page.getByRole('navigation', { name: 'Sections' });
  await expect(index.getByRole('button')).toHaveText([
    'Identification',
    'Inherent risk (before treatment)',
    'Treatment (6.1.3, 8.3)',
    'Residual risk (after treatment)',
    'Review',
  ]);
  await index.getByRole('button', { name: 'Treatment (6.1.3, 8.3)' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Treatment (6.1.3, 8.3)' })).toBeFocused();
  await expect(index.getByRole('button', { name: 'Treatment (6.1.3, 8.3)' })).toHaveAttribute('aria-current', 'location');
  const headBottom = await head.evaluate((el) => el.getBoundingClientRect().bottom);
  const sectionTop = await page.locator('#risk-sec-treatment').evaluate((el) => el.getBoundingClientRect().top);
  expect(sectionTop).toBeGreaterThanOrEqual(headBottom);
  expect(sectionTop).toBeLessThan(headBottom + 40);
  // Still in view after the jump: the header is sticky.
  await expect(page.getByRole('heading', { level: 1, name: 'R-001 Unfair refusals' })).toBeInViewport();

  // Tabs: arrow keys move and select; the history loads in its panel, labelled by its tab; the address carries it.
  const details = page.getByRole('tab', { name: 'Details' });
  const history = page.getByRole('tab', { name: /^History \(\d+\)$/ });
  await expect(details).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'History' })).toHaveCount(0);
  await details.focus();
  await page.keyboard.press('ArrowRight');
  await expect(history).toBeFocused();
  await expect(history).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: /^History/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'History' })).toContainText('Status');
  await expect(page.getByLabel('Status', { exact: true })).toBeHidden();
  expect(page.url()).toContain('?tab=history');
  await page.keyboard.press('Home');
  await expect(details).toBeFocused();
  await expect(page.getByLabel('Status', { exact: true })).toBeVisible();
  expect(page.url()).not.toContain('tab=');
  await page.keyboard.press('ArrowLeft');
  await expect(history).toHaveAttribute('aria-selected', 'true');

  // A link to the record's history opens on it.
  await page.goto(ws + '/risks');
  await page.goto(risk + '?tab=history');
  await expect(page.getByRole('tab', { name: /^History/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'History' })).toContainText('Created');
});

test('on a phone the sections are a Jump to list and only the tabs stay in view; an objective charts its measurements with axes, units, dates and the target', async ({
  watched: { page },
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await createWorkspace(page, 'Phone Co');
  const ws = page.url();
  await page.goto(ws + '/cycle/objective');
  await page.locator('#new-objective').fill('Fewer unfair refusals');
  await page.locator('#new-objective').press('Enter');
  await expect(page.locator('#rec-title')).toHaveValue('Fewer unfair refusals');
  await page.locator('#rec-target').fill('2.5');
  await page.locator('#rec-unit').fill('%');
  const rows = page.locator('#rec-sec-readings tbody tr');
  for (const [n, [date, value]] of [
    ['2026-01-15', '6.1'],
    ['2026-09-15', '2.75'],
  ].entries()) {
    await page.getByRole('button', { name: 'Add a row to Measurements' }).click();
    // The new row first: `last()` taken before it renders would be the row before, filled twice.
    await expect(rows).toHaveCount(n + 1);
    const row = rows.nth(n);
    await row.getByLabel(/^Date/).fill(date!);
    await row.getByLabel(/^Value/).fill(value!);
  }
  await settled(page);

  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  const jump = page.getByLabel('Jump to');
  await jump.selectOption({ label: 'Evidence for catalog items' });
  await expect(page.locator('#rec-sec-items legend')).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Details' })).toBeInViewport();
  // Nothing of the record's layout (header, tabs, sections, chart) is wider than the phone; tables are the table layout's concern.
  const wide = await page.evaluate(() =>
    Array.from(document.querySelectorAll('main *'))
      .filter((el) => !el.closest('table') && el.getBoundingClientRect().right > window.innerWidth + 1)
      .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`)
      .slice(0, 8),
  );
  expect(wide).toEqual([]);

  const chart = page.getByRole('img', { name: /Fewer unfair refusals: 2 readings/ });
  await chart.scrollIntoViewIfNeeded();
  await expect(chart).toContainText('Value (%)');
  await expect(chart).toContainText('Target 2.5 %');
  await expect(chart).toContainText('Jan 15, 2026');
  await expect(chart).toContainText('Sep 15, 2026');
  // Values as entered, not rounded to the axis.
  await expect(chart).toContainText('2.75');
  await expect(chart).toHaveAccessibleDescription('Jan 15, 2026: 6.1 %; Sep 15, 2026: 2.75 %');

  // Both measurements are stored, each with its value (a value typed just before "Add a row" was once lost).
  await page.reload();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).getByLabel(/^Value/)).toHaveValue('6.1');
  await expect(rows.nth(1).getByLabel(/^Value/)).toHaveValue('2.75');
});
