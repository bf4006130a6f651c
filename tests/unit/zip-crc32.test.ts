import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/io/zip/zip-crc32';

/** The textbook byte-at-a-time CRC-32, to hold the sliced one to. */
function reference(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

describe('crc32', () => {
  it('gives the check value of the standard test vector', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('agrees with the byte-at-a-time CRC for every length around the 8-byte steps, and on a subarray', () => {
    let x = 12345;
    const bytes = Uint8Array.from({ length: 4099 }, () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
    for (let n = 0; n <= 40; n++) expect(crc32(bytes.subarray(0, n))).toBe(reference(bytes.subarray(0, n)));
    expect(crc32(bytes)).toBe(reference(bytes));
    expect(crc32(bytes.subarray(3, 4000))).toBe(reference(bytes.subarray(3, 4000)));
    expect(crc32(new Uint8Array(1000).fill(0xff))).toBe(reference(new Uint8Array(1000).fill(0xff)));
  });
});
