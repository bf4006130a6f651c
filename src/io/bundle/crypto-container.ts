/**
 * Optional passphrase encryption of a whole bundle (a zip's bytes), for sending client data by
 * e-mail. WebCrypto only, so it runs in browsers, workers and Node 20. Format: docs/encrypted-container.md.
 *
 *   "AIMSENC1" (8 bytes ASCII) | header length N (4 bytes, big-endian, 1..4096) | N bytes UTF-8 JSON header | ciphertext+tag
 *
 * AES-256-GCM with a key from PBKDF2-SHA-256 (600,000 iterations by default; decryption accepts
 * 600,000..10,000,000), a random 16-byte salt and a random 12-byte IV per encryption. The first
 * 12 + N bytes (magic, length and header) are the GCM additional data, so any change to the header
 * makes decryption fail.
 *
 * Problems a user's file or input can cause come back as values (decryptBundle). Programming
 * errors and a missing WebCrypto throw a CryptoContainerError.
 */
import { z } from 'zod';
import type { ContainerDetailCode } from '../../domain/container-problem-codes';
import { problemOf } from '../../domain/problem';
import type { IoProblem } from '../problems';
import { quoteName } from '../zip/zip-names';

export const ENCRYPTED_MAGIC = 'AIMSENC1';
export const ENCRYPTED_FORMAT = 'aims-workbench-encrypted';
export const ENCRYPTED_VERSION = 1;
/** Iterations we write, and the least we accept. */
export const MIN_ITERATIONS = 600_000;
/** The most we accept on decrypt, so a hostile header cannot keep the tab busy for minutes. */
export const MAX_ITERATIONS = 10_000_000;
export const MAX_HEADER_LENGTH = 4096;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BITS = 128;
const KEY_BITS = 256;
const PREFIX_BYTES = 12; // magic + header length

export type EncryptedContainerCode = 'passphrase-required' | 'not-encrypted' | 'container-damaged' | 'container-unsupported' | 'wrong-passphrase-or-damaged';

/** Thrown for misuse (empty passphrase or bad iterations on encrypt) and when WebCrypto is missing. */
export class CryptoContainerError extends Error {
  override name = 'CryptoContainerError';
  constructor(
    readonly code: 'passphrase-required' | 'iterations-out-of-range' | 'webcrypto-unavailable',
    message: string,
  ) {
    super(message);
  }
}

const MAGIC_BYTES = new TextEncoder().encode(ENCRYPTED_MAGIC);
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

// Stage 1: just enough to tell "another version or algorithm" (unsupported) from "broken" (damaged).
const headerEnvelope = z.object({
  format: z.literal(ENCRYPTED_FORMAT),
  version: z.number(),
  kdf: z.object({ name: z.string() }),
  cipher: z.object({ name: z.string() }),
});

// Stage 2: the exact version-1 shape. Values that could be valid in a later writer
// (hash, key length, tag length, iterations) are checked after this, as 'container-unsupported'.
const headerV1 = z.strictObject({
  format: z.literal(ENCRYPTED_FORMAT),
  version: z.literal(ENCRYPTED_VERSION),
  kdf: z.strictObject({
    name: z.literal('PBKDF2'),
    hash: z.string(),
    iterations: z.number().int().positive(),
    salt: z.string().regex(BASE64),
  }),
  cipher: z.strictObject({
    name: z.literal('AES-GCM'),
    keyLength: z.number().int(),
    iv: z.string().regex(BASE64),
    tagLength: z.number().int(),
  }),
});

export type EncryptedHeader = z.infer<typeof headerV1>;

export function isEncryptedContainer(bytes: Uint8Array): boolean {
  if (bytes.length < MAGIC_BYTES.length) return false;
  for (let i = 0; i < MAGIC_BYTES.length; i++) if (bytes[i] !== MAGIC_BYTES[i]) return false;
  return true;
}

export async function encryptBundle(plain: Uint8Array, passphrase: string, opts: { iterations?: number } = {}): Promise<Uint8Array> {
  const iterations = opts.iterations ?? MIN_ITERATIONS;
  if (!Number.isSafeInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new CryptoContainerError('iterations-out-of-range', `iterations must be an integer from ${MIN_ITERATIONS} to ${MAX_ITERATIONS}, got ${iterations}`);
  }
  const pass = normalisePassphrase(passphrase);
  if (pass.length === 0) throw new CryptoContainerError('passphrase-required', 'A passphrase is required to encrypt.');
  const subtle = getSubtle();

  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const header: EncryptedHeader = {
    format: ENCRYPTED_FORMAT,
    version: ENCRYPTED_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', keyLength: KEY_BITS, iv: toBase64(iv), tagLength: TAG_BITS },
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  if (json.length > MAX_HEADER_LENGTH) throw new Error('encrypted container header unexpectedly large'); // cannot happen
  const prefix = new Uint8Array(PREFIX_BYTES + json.length);
  prefix.set(MAGIC_BYTES, 0);
  new DataView(prefix.buffer).setUint32(MAGIC_BYTES.length, json.length, false);
  prefix.set(json, PREFIX_BYTES);

  const key = await deriveKey(subtle, pass, salt, iterations, 'encrypt');
  const cipher = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: prefix, tagLength: TAG_BITS }, key, asBufferSource(plain)));
  const out = new Uint8Array(prefix.length + cipher.length);
  out.set(prefix, 0);
  out.set(cipher, prefix.length);
  return out;
}

/**
 * Checks, in order: magic ('not-encrypted'), header length and header shape ('container-damaged'
 * or 'container-unsupported'), passphrase ('passphrase-required'), then decrypts. Any decryption
 * failure is 'wrong-passphrase-or-damaged' (GCM cannot tell the two apart); no partial data is returned.
 */
export async function decryptBundle(bytes: Uint8Array, passphrase: string): Promise<{ ok: true; plain: Uint8Array } | { ok: false; problem: IoProblem }> {
  // The reason and its facts (numbers, a quoted value of the header) are worded where a person reads them.
  const fail = (code: EncryptedContainerCode, reason?: ContainerDetailCode, facts: Record<string, string | number> = {}) => ({
    ok: false as const,
    problem: problemOf(code, reason === undefined ? undefined : { reason, ...facts }),
  });
  const damaged = (reason: ContainerDetailCode, facts?: Record<string, string | number>) => fail('container-damaged', reason, facts);
  const unsupported = (reason: ContainerDetailCode, facts?: Record<string, string | number>) => fail('container-unsupported', reason, facts);

  if (!isEncryptedContainer(bytes)) return fail('not-encrypted');
  if (bytes.length < PREFIX_BYTES) return damaged('enc-too-short', { size: bytes.length });
  const n = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC_BYTES.length, false);
  if (n === 0 || n > MAX_HEADER_LENGTH) return damaged('enc-header-length', { length: n, limit: MAX_HEADER_LENGTH });
  if (bytes.length < PREFIX_BYTES + n) return damaged('enc-header-past-end', { length: n, size: bytes.length });
  const cipherLength = bytes.length - PREFIX_BYTES - n;
  if (cipherLength < TAG_BITS / 8) return damaged('enc-no-ciphertext', { size: cipherLength, tag: TAG_BITS / 8 });

  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + n)));
  } catch (e) {
    if (e instanceof TypeError || e instanceof SyntaxError) return damaged('enc-header-not-json');
    throw e;
  }
  const envelope = headerEnvelope.safeParse(raw);
  if (!envelope.success) return damaged('enc-header-shape');
  const { version, kdf, cipher } = envelope.data;
  if (version !== ENCRYPTED_VERSION) return unsupported('enc-version', { version });
  if (kdf.name !== 'PBKDF2') return unsupported('enc-kdf', { name: quoteName(kdf.name) });
  if (cipher.name !== 'AES-GCM') return unsupported('enc-cipher', { name: quoteName(cipher.name) });
  const parsed = headerV1.safeParse(raw);
  if (!parsed.success) return damaged('enc-header-shape');
  const h = parsed.data;
  if (h.kdf.hash !== 'SHA-256') return unsupported('enc-hash', { name: quoteName(h.kdf.hash) });
  if (h.cipher.keyLength !== KEY_BITS) return unsupported('enc-key-length', { bits: h.cipher.keyLength });
  if (h.cipher.tagLength !== TAG_BITS) return unsupported('enc-tag-length', { bits: h.cipher.tagLength });
  if (h.kdf.iterations < MIN_ITERATIONS || h.kdf.iterations > MAX_ITERATIONS) {
    return unsupported('enc-iterations', { count: h.kdf.iterations, min: MIN_ITERATIONS, max: MAX_ITERATIONS });
  }
  const salt = fromBase64(h.kdf.salt);
  const iv = fromBase64(h.cipher.iv);
  if (salt.length !== SALT_BYTES) return damaged('enc-salt', { size: salt.length, expected: SALT_BYTES });
  if (iv.length !== IV_BYTES) return damaged('enc-iv', { size: iv.length, expected: IV_BYTES });

  const pass = normalisePassphrase(passphrase);
  if (pass.length === 0) return fail('passphrase-required');
  const subtle = getSubtle();
  const key = await deriveKey(subtle, pass, salt, h.kdf.iterations, 'decrypt');
  let plain: ArrayBuffer;
  try {
    plain = await subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: asBufferSource(bytes.subarray(0, PREFIX_BYTES + n)), tagLength: TAG_BITS },
      key,
      asBufferSource(bytes.subarray(PREFIX_BYTES + n)),
    );
  } catch {
    // WebCrypto reports a failed tag check as an OperationError; every failure here means the same to the user.
    return fail('wrong-passphrase-or-damaged');
  }
  return { ok: true, plain: new Uint8Array(plain) };
}

function normalisePassphrase(passphrase: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(passphrase.normalize('NFC'));
}

async function deriveKey(
  subtle: SubtleCrypto,
  pass: Uint8Array<ArrayBuffer>,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  use: KeyUsage,
): Promise<CryptoKey> {
  const base = await subtle.importKey('raw', pass, 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: KEY_BITS }, false, [use]);
}

function getSubtle(): SubtleCrypto {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle)
    throw new CryptoContainerError(
      'webcrypto-unavailable',
      'WebCrypto (crypto.subtle) is not available here; a secure context (https or localhost) is required.',
    );
  return subtle;
}

/** WebCrypto's types want an ArrayBuffer-backed view; copy only if the bytes live in a SharedArrayBuffer. */
function asBufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const shared = Object.prototype.toString.call(bytes.buffer) === '[object SharedArrayBuffer]';
  return shared ? new Uint8Array(bytes) : (bytes as Uint8Array<ArrayBuffer>);
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** Only for strings that already matched BASE64. */
function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
