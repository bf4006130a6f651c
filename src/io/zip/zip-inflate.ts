/**
 * Raw-deflate inflation that stops as soon as the output passes a cap, so a declared size that
 * lies or a zip bomb costs at most about `cap` bytes. Uses the platform's DecompressionStream
 * ('deflate-raw': Chromium 103+, Firefox 113+, Safari 16.4+, Node 18+), so no library loads.
 */

/** deflate cannot expand one input byte to more than ~1032 output bytes (RFC 1951: 258-byte matches). */
const MAX_DEFLATE_EXPANSION = 1032;
const MIN_CHUNK = 1024;
const MAX_CHUNK = 64 * 1024;
/**
 * What one input chunk may inflate to before we see its output, whatever the cap: a 500 KiB file
 * fed 1 KiB at a time took hundreds of stream round trips; 8 KiB chunks take an eighth of them.
 */
const MIN_OVERSHOOT = 8 * 1024 * 1024;

export type InflateResult =
  | { ok: true; data: Uint8Array }
  /** `produced`: bytes seen when it stopped; `refused`: the running-total check said no. */
  | { ok: false; reason: 'over-cap' | 'refused'; produced: number }
  | { ok: false; reason: 'corrupt'; produced: number; message: string };

/**
 * Inflates `input`, refusing once more than `cap` bytes come out, or when `accept(n)` (the
 * caller's running total) returns false for a chunk of n bytes. `seen` gets each accepted chunk as
 * it comes out, so a checksum runs in the same pass.
 */
export async function inflateRawCapped(
  input: Uint8Array,
  cap: number,
  accept: (n: number) => boolean = () => true,
  seen: (chunk: Uint8Array) => void = () => undefined,
  /**
   * The CRC-32 and size the output must have: then the browser checks them itself, natively, by
   * inflating `input` as the body of a gzip member whose trailer carries them, and a mismatch fails
   * as 'corrupt' (a caller that must say which check failed inflates again without `expect`).
   */
  expect?: { crc32: number; size: number },
): Promise<InflateResult> {
  // Browsers inflate a whole input chunk before we can look at the output, so the chunk is sized
  // to the cap: one chunk can never overshoot by more than about the cap itself, or 8 MiB.
  const chunk = Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, Math.ceil(Math.max(cap, MIN_OVERSHOOT) / MAX_DEFLATE_EXPANSION)));
  let offset = 0;
  let framed = expect === undefined;
  const source = new ReadableStream<Uint8Array<ArrayBuffer>>(
    {
      pull(controller) {
        if (!framed) {
          framed = true;
          return controller.enqueue(GZIP_HEADER.slice());
        }
        if (offset >= input.length) {
          if (expect && offset !== Infinity) {
            offset = Infinity;
            return controller.enqueue(gzipTrailer(expect.crc32, expect.size));
          }
          return controller.close();
        }
        // A view of the input, not a copy: the stream only reads it.
        controller.enqueue(input.subarray(offset, offset + chunk) as Uint8Array<ArrayBuffer>);
        offset += chunk;
      },
    },
    { highWaterMark: 0 },
  );
  const reader = source.pipeThrough(new DecompressionStream(expect ? 'gzip' : 'deflate-raw')).getReader();
  const parts: Uint8Array[] = [];
  let produced = 0;
  const stop = async (result: InflateResult): Promise<InflateResult> => {
    // The stream is abandoned on purpose; a failure while tearing it down changes nothing we report.
    await reader.cancel().catch(() => undefined);
    return result;
  };
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch (err) {
      return { ok: false, reason: 'corrupt', produced, message: err instanceof Error ? err.message : String(err) };
    }
    if (step.done) break;
    produced += step.value.length;
    if (produced > cap) return stop({ ok: false, reason: 'over-cap', produced });
    if (!accept(step.value.length)) return stop({ ok: false, reason: 'refused', produced });
    seen(step.value);
    parts.push(step.value);
  }
  return { ok: true, data: concat(parts, produced) };
}

/** A gzip member's header (RFC 1952): deflate, no flags, no time, unknown system. */
const GZIP_HEADER = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/** Its trailer: the CRC-32 and the size (modulo 2^32) of the inflated bytes, little-endian. */
function gzipTrailer(crc: number, size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(8);
  const view = new DataView(out.buffer);
  view.setUint32(0, crc >>> 0, true);
  view.setUint32(4, size >>> 0, true);
  return out;
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
