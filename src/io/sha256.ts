/**
 * SHA-256 of a byte array as 64 lower-case hex digits, through WebCrypto (browsers, workers and
 * Node 20 alike). Used for bundle manifests and fixture pins.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('WebCrypto (crypto.subtle) is not available here; a secure context (https or localhost) is required.');
  const digest = new Uint8Array(await subtle.digest('SHA-256', asBufferSource(bytes)));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** WebCrypto's types want an ArrayBuffer-backed view; copy only if the bytes live in a SharedArrayBuffer. */
function asBufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  // A tag check rather than instanceof, so bytes made in another realm (iframe, jsdom) pass too.
  const shared = Object.prototype.toString.call(bytes.buffer) === '[object SharedArrayBuffer]';
  return shared ? new Uint8Array(bytes) : (bytes as Uint8Array<ArrayBuffer>);
}
