import { deflateSync } from 'node:zlib';
import { createWorkspace, expect, settled, test } from './fixtures';

/** A real 24×8 PNG (one IHDR, one IDAT, IEND), so the browser decodes it and the image has a size. */
function pngFile(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const [w, h] = [24, 8];
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw.set([20, 90 + x * 6, 160], y * (w * 3 + 1) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('a logo chosen once heads every print view and the SoA print carries its document control block', async ({ watched: { page } }) => {
  test.setTimeout(90_000);
  await createWorkspace(page, 'Brand Co');
  const ws = page.url();
  await page.goto(`${ws}/profile`);
  await page.getByLabel('Organization name').fill('Brand Consulting Ltd');
  await settled(page);

  // A file that is not an image is refused by its bytes, whatever its name says, and nothing is stored.
  const picker = page.getByRole('group', { name: 'Logo' });
  const chooser = picker.getByLabel('Choose a logo file');
  await chooser.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
  await expect(picker.getByRole('alert')).toContainText('“logo.png” is not a PNG, JPEG or WebP image');
  await expect(page.getByText('No logo yet: prints show the organization name only.')).toBeVisible();

  await chooser.setInputFiles({ name: 'brand.png', mimeType: 'image/png', buffer: pngFile() });
  await expect(page.getByText(/^Current logo: brand\.png/)).toBeVisible();
  await expect(picker.getByRole('alert')).toHaveCount(0);
  await settled(page);

  // Every print view shows it, decoded (a broken image has no natural width).
  for (const [path, heading] of [
    ['soa/print', 'Statement of Applicability'],
    ['risks/print', 'AI risk register'],
    ['readiness/print', 'Gap and readiness report'],
  ] as const) {
    await page.goto(`${ws}/${path}`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    const logo = page.getByRole('img', { name: 'Logo of Brand Consulting Ltd' });
    await expect(logo).toBeVisible();
    expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth), path).toBe(24);
  }

  // The SoA print is a controlled document: without a version it says it is a working copy; with one, it prints version, date and approver.
  await page.goto(`${ws}/soa/print`);
  await expect(page.getByTestId('report-document')).toHaveText('Working copy: no version or approval recorded yet');
  await page.goto(`${ws}/soa`);
  await page.getByLabel('Version', { exact: true }).fill('1.2');
  await page.getByLabel('Approved by').fill('Managing director');
  await settled(page);
  await page.goto(`${ws}/soa/print`);
  const block = page.getByTestId('report-document');
  await expect(block.getByRole('term')).toHaveText(['Version', 'Document date', 'Approved by']);
  await expect(block.getByRole('definition')).toHaveText(['1.2', 'not set', 'Managing director']);

  // Removing it takes it off the prints again.
  await page.goto(`${ws}/profile`);
  await page.getByRole('button', { name: 'Remove the logo' }).click();
  await settled(page);
  await page.goto(`${ws}/soa/print`);
  await expect(page.getByRole('heading', { level: 1, name: 'Statement of Applicability' })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Logo of/ })).toHaveCount(0);
});

test('the workspace switcher and the phone top bar show the workspace logo once it has one, its initials otherwise', async ({ watched: { page } }) => {
  await createWorkspace(page, 'Badge Co');
  const ws = page.url();
  const switcherBadge = page.locator('.switcher .current .badge');
  await expect(switcherBadge).toHaveText('BC');
  await expect(switcherBadge.locator('img')).toHaveCount(0);

  // The drop zone is reached by keyboard and marks a refused file on the field, the reason announced.
  await page.goto(`${ws}/profile`);
  const picker = page.getByRole('group', { name: 'Logo' });
  const chooser = picker.getByLabel('Choose a logo file');
  await chooser.focus();
  await expect(chooser).toBeFocused();
  await chooser.setInputFiles({ name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) });
  await expect(picker.getByRole('alert')).toBeVisible();
  await expect(chooser).toHaveAttribute('aria-invalid', 'true');
  await chooser.setInputFiles({ name: 'brand.png', mimeType: 'image/png', buffer: pngFile() });
  await expect(page.getByText(/^Current logo: brand\.png/)).toBeVisible();
  await expect(chooser).not.toHaveAttribute('aria-invalid', 'true');
  await settled(page);

  // Decorative beside the written name: an image with empty alt text, decoded (a broken one has no natural width).
  const logo = switcherBadge.locator('img');
  await expect(logo).toBeVisible();
  await expect(logo).toHaveAttribute('alt', '');
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(24);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.locator('header.top .badge img')).toBeVisible();

  await page.setViewportSize({ width: 1366, height: 900 });
  await page.getByRole('button', { name: 'Remove the logo' }).click();
  await settled(page);
  await expect(switcherBadge).toHaveText('BC');
  await expect(switcherBadge.locator('img')).toHaveCount(0);
});
