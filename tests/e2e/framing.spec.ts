import { expect, test } from './fixtures';

test('inside a frame of another page the app does not run: it offers a link that opens it directly', async ({ watched: { page }, baseURL }) => {
  // The top page here is about:blank, another origin than the app's.
  await page.setContent(`<iframe title="Framed" src="${baseURL}" width="900" height="500"></iframe>`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { level: 1, name: 'AIMS Workbench does not run inside another page' })).toBeVisible();
  const link = frame.getByRole('link', { name: 'Open AIMS Workbench in its own tab' });
  await expect(link).toHaveAttribute('href', baseURL!);
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  // Nothing ran: neither the start page nor the storage error a framed app would meet.
  await expect(frame.getByLabel('Workspace name')).toHaveCount(0);
  await expect(frame.getByText('cannot open its storage')).toHaveCount(0);
});
