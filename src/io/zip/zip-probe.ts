/**
 * Whether deflating a file would be wasted work: bytes that are already compressed or encrypted (or
 * random) come out of deflate a little larger, after the slowest pass deflate makes (no match is
 * found anywhere, some ten times slower than on text). A zip writer then stores them as they are.
 * Deterministic: the same bytes always give the same answer.
 */
import { localDeflater, type Deflater } from './zip-write';

const SLICE = 16 * 1024;
/** Files smaller than this are always deflated: the probe would cost more than it saves. */
const MIN_SIZE = 4 * SLICE;
/** Deflate must shrink a sample below this share of its size for the file to be deflated. */
const WORTH = 0.97;

async function deflatedShare(slice: Uint8Array, deflater: Deflater): Promise<number> {
  const sink = deflater();
  sink.write(slice.slice()); // a copy: a remote deflater may take the buffer
  return (await sink.end()).length / slice.length;
}

/**
 * Deflates a 16 KiB sample from the start; when it does not shrink, one from the middle and one from
 * the end too (a file can start with a compressed header and go on in text). Incompressible only if
 * none of them shrinks.
 */
export async function looksIncompressible(bytes: Uint8Array, deflater: Deflater = localDeflater): Promise<boolean> {
  if (bytes.length < MIN_SIZE) return false;
  const at = [0, Math.floor((bytes.length - SLICE) / 2), bytes.length - SLICE];
  for (const start of at) if ((await deflatedShare(bytes.subarray(start, start + SLICE), deflater)) < WORTH) return false;
  return true;
}
