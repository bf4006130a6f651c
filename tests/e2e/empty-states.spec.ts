import { seriousViolations } from './axe';
import { createWorkspace, expect, test } from './fixtures';

/**
 * An empty register says what it is for and offers its first step instead of an empty table: a button
 * that puts the cursor in the page's entry field, or a link to the page where the first step is taken.
 */
test('the start page offers to create the first workspace', async ({ watched: { page } }) => {
  await page.goto('./');
  const empty = page.getByTestId('empty-state');
  await expect(empty).toContainText('No workspace yet.');
  await empty.getByRole('button', { name: 'Create the first workspace' }).click();
  await expect(page.getByLabel('Workspace name')).toBeFocused();
});

test('each empty register of a new workspace says what to do first, on a phone too, in light and dark', async ({ watched: { page } }) => {
  test.setTimeout(120_000);
  await createWorkspace(page, 'Empty Co');
  const ws = page.url();
  const focusing: [string, string, string][] = [
    ['/systems', 'Add the first AI system', 'Name of the new AI system'],
    ['/risks', 'Add the first risk', 'Title of the new risk'],
    ['/controls', 'Add the first own control', 'Name of the new control'],
    ['/cycle/nonconformity', 'Add the first entry', '#new-nonconformity'],
  ];
  const linking: [string, string, RegExp][] = [
    ['/assessments', 'Add an AI system first', /\/systems$/],
    ['/trash', 'See the change history', /\/history$/],
    ['/tasks', 'Go to the management system', /\/cycle$/],
  ];
  const axe: string[] = [];
  const wide: string[] = [];
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 844 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [path, action, field] of focusing) {
        await page.goto(ws + path);
        const empty = page.getByTestId('empty-state');
        await empty.getByRole('button', { name: action }).click();
        await expect(field.startsWith('#') ? page.locator(field) : page.getByLabel(field)).toBeFocused();
        for (const v of await seriousViolations(page)) axe.push(`${path} ${width} ${scheme}: ${v}`);
        const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
        if (scroll > inner) wide.push(`${path} ${width}`);
      }
      for (const [path, action, target] of linking) {
        await page.goto(ws + path);
        const link = page.getByTestId('empty-state').getByRole('link', { name: action });
        await expect(link).toBeVisible();
        for (const v of await seriousViolations(page)) axe.push(`${path} ${width} ${scheme}: ${v}`);
        await link.click();
        await expect(page).toHaveURL(target);
      }
    }
  }
  expect(axe, 'serious accessibility violations').toEqual([]);
  expect(wide, 'pages wider than the screen').toEqual([]);
});
