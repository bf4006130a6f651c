import { createWorkspace, expect, test } from './fixtures';

/** The mapping wizard's five steps stand on one line in its card, on a wide screen, a tablet and a phone. */
test('the mapping wizard’s steps fit on one line at 1366, 768 and 390 px', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Stepper Co');
  const ws = page.url();
  for (const width of [1366, 768, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${ws}/exchange`);
    const steps = page.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await expect(steps).toHaveCount(5);
    const marks = await steps.evaluateAll((lis) => lis.map((li) => Math.round(li.querySelector('.mark')!.getBoundingClientRect().top)));
    expect(new Set(marks).size, `step marks at ${width} px: ${marks.join(', ')}`).toBe(1);
  }
});
