import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detailText } from '../../src/state/io-messages';
import { crc32 } from '../../src/io/zip/zip-crc32';
import { openZip } from '../../src/io/zip/zip-reader';
import { rawZip, type RawEntry } from '../support/raw-zip';

const MiB = 1024 ** 2;

/** Opens `data` with the bundle's default limits; returns the problems and how long it took. */
async function refusal(data: Uint8Array) {
  const start = performance.now();
  const r = await openZip(data, 'big.aims.zip');
  const ms = performance.now() - start;
  return { ms, problems: r.ok ? [] : r.problems };
}

describe("the whole archive's limits, judged from the central directory before inflating", () => {
  it.each([
    [1900, ['archive-ratio-too-high']],
    [900, ['archive-ratio-too-high']],
  ])('refuses a small archive of %i × 1 MiB of zeros before inflating, in well under a second', async (n, codes) => {
    const zeros = new Uint8Array(MiB);
    const deflated = { size: MiB, crc: crc32(zeros) };
    const data = deflateRawSync(zeros);
    const entries: RawEntry[] = Array.from({ length: n }, (_, i) => ({ name: `attachments/${i}/zeros.bin`, data, deflated }));
    const zip = rawZip(entries);
    expect(zip.length).toBeLessThan(2.5 * MiB);
    const { ms, problems } = await refusal(zip);
    expect(problems.map((p) => p.code)).toEqual(codes);
    console.info(`${n} × 1 MiB of zeros (${zip.length} bytes): refused in ${ms.toFixed(0)} ms`);
    const ratio = problems.find((p) => p.code === 'archive-ratio-too-high')!;
    expect(ratio).toMatchObject({ file: 'big.aims.zip' });
    expect(ratio.params).toMatchObject({ reason: 'zip-archive-ratio', limit: 100 });
    expect(detailText(ratio)).toMatch(/^its entries declare \d+ bytes in total from \d+ compressed \(ratio [\d.]+ to 1, limit 100 to 1\)$/);
    expect(ms).toBeLessThan(1000);
  });

  it('refuses an archive declaring more than 2 GiB in total, even at an ordinary ratio', async () => {
    const data = new Uint8Array(1.5 * MiB);
    const entries: RawEntry[] = Array.from({ length: 24 }, (_, i) => ({ name: `attachments/${i}/scan.pdf`, data, deflated: { size: 96 * MiB, crc: 0 } }));
    const { ms, problems } = await refusal(rawZip(entries));
    expect(problems.map((p) => p.code)).toEqual(['too-large']);
    expect(detailText(problems[0]!)).toBe(`its entries declare ${24 * 96 * MiB} bytes in total (limit ${2048 * MiB})`);
    expect(ms).toBeLessThan(1000);
  });

  it('still opens a small archive that compresses very well (the whole-archive ratio counts above 32 MiB)', async () => {
    const zeros = new Uint8Array(MiB);
    const entries: RawEntry[] = [{ name: 'data/risks.json', data: deflateRawSync(zeros), deflated: { size: MiB, crc: crc32(zeros) } }];
    const r = await openZip(rawZip(entries), 'small.aims.zip');
    expect(r.ok).toBe(true);
  });
});
