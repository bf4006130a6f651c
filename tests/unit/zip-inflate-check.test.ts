import { describe, expect, it, vi } from 'vitest';
import { deflateRawSync } from 'node:zlib';

// Counts the bytes our JavaScript CRC-32 goes over, to show which reads leave the check to the inflater.
const hashed = vi.hoisted(() => ({ bytes: 0 }));
vi.mock('../../src/io/zip/zip-crc32', async (actual) => {
  const real = await actual<typeof import('../../src/io/zip/zip-crc32')>();
  return {
    ...real,
    crc32: (data: Uint8Array, seed?: number) => {
      hashed.bytes += data.length;
      return real.crc32(data, seed);
    },
  };
});

const { crc32 } = await import('../../src/io/zip/zip-crc32');
const { inflateRawCapped } = await import('../../src/io/zip/zip-inflate');
const { openZip, ZipReadError } = await import('../../src/io/zip/zip-reader');

const text = new TextEncoder().encode('<row r="1"><c t="s"><v>0</v></c></row>\n'.repeat(5000));
const packed = new Uint8Array(deflateRawSync(text));

describe('inflating with the CRC-32 and size checked by the browser', () => {
  it('gives the same bytes when they match, and fails as damaged when either does not', async () => {
    const sum = crc32(text);
    const checked = await inflateRawCapped(packed, text.length, undefined, undefined, { crc32: sum, size: text.length });
    expect(checked).toEqual({ ok: true, data: text });
    expect(await inflateRawCapped(packed, text.length, undefined, undefined, { crc32: sum ^ 1, size: text.length })).toMatchObject({
      ok: false,
      reason: 'corrupt',
    });
    expect(await inflateRawCapped(packed, text.length + 1, undefined, undefined, { crc32: sum, size: text.length + 1 })).toMatchObject({
      ok: false,
      reason: 'corrupt',
    });
    // The cap still stops the output as it comes, before any trailer is looked at.
    expect(await inflateRawCapped(packed, 1000, undefined, undefined, { crc32: sum, size: 1000 })).toMatchObject({ ok: false, reason: 'over-cap' });
  });

  it('reads a deflated entry without a pass of our own over its bytes, and still names a wrong CRC-32 as such', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', text, { date: new Date(Date.UTC(2024, 0, 2)), createFolders: false });
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const opened = await openZip(bytes, 'book.xlsx');
    if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
    hashed.bytes = 0;
    expect(await opened.zip.read('xl/worksheets/sheet1.xml')).toEqual(text);
    expect(hashed.bytes).toBe(0);

    // The CRC-32 in the central directory changed: found by the browser, then named by our own check.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint16(bytes.length - 22 + 10, true)).toBe(1);
    const central = view.getUint32(bytes.length - 22 + 16, true);
    view.setUint32(central + 16, view.getUint32(central + 16, true) ^ 1, true);
    const damaged = await openZip(bytes, 'book.xlsx');
    if (!damaged.ok) throw new Error(JSON.stringify(damaged.problems));
    const err = await damaged.zip.read('xl/worksheets/sheet1.xml').then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ZipReadError);
    expect((err as InstanceType<typeof ZipReadError>).problem).toMatchObject({ code: 'crc-mismatch', file: 'xl/worksheets/sheet1.xml' });
  });
});
