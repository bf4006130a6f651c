import { describe, expect, it } from 'vitest';
import { looksIncompressible } from '../../src/io/zip/zip-probe';

/** xorshift32 bytes: as incompressible as encrypted data. */
function noise(size: number, seed = 7): Uint8Array {
  const out = new Uint8Array(size);
  let s = seed;
  for (let i = 0; i < size; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = s & 0xff;
  }
  return out;
}
const text = (size: number) => new TextEncoder().encode('Risk owner reviewed the treatment plan; '.repeat(Math.ceil(size / 40))).subarray(0, size);

describe('looksIncompressible', () => {
  it('says so for random (encrypted, already compressed) bytes, the same each time', async () => {
    expect(await looksIncompressible(noise(200_000))).toBe(true);
    expect(await looksIncompressible(noise(200_000))).toBe(true);
  });

  it('deflates text, and a file that only starts or only ends with random bytes', async () => {
    expect(await looksIncompressible(text(200_000))).toBe(false);
    const head = new Uint8Array(200_000);
    head.set(noise(40_000));
    head.set(text(160_000), 40_000);
    expect(await looksIncompressible(head)).toBe(false);
    const tail = new Uint8Array(200_000);
    tail.set(text(180_000));
    tail.set(noise(20_000), 180_000);
    expect(await looksIncompressible(tail)).toBe(false);
  });

  it('always deflates a small file (the probe would cost more than it saves)', async () => {
    expect(await looksIncompressible(noise(60_000))).toBe(false);
  });
});
