import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CryptoContainerError, MAX_ITERATIONS, decryptBundle, encryptBundle, isEncryptedContainer } from '../../src/io/bundle/crypto-container';
import { sha256Hex } from '../../src/io/sha256';
import { containerDetailCodes } from '../../src/domain/container-problem-codes';

// Every key derivation here costs the real 600,000+ PBKDF2 iterations (~0.2 s in Node), so the
// tests share one container and keep the number of decryptions small.

const PASS = 'test passphrase';
const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 65536) crypto.getRandomValues(out.subarray(i, Math.min(n, i + 65536)));
  return out;
}

function split(bytes: Uint8Array): { headerText: string; body: Uint8Array } {
  const n = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, false);
  return { headerText: text(bytes.subarray(12, 12 + n)), body: bytes.subarray(12 + n) };
}

/** A container with the given header text (any bytes) and body, length field computed unless given. */
function build(header: string | Uint8Array, body: Uint8Array, lengthField?: number): Uint8Array {
  const h = typeof header === 'string' ? utf8(header) : header;
  const out = new Uint8Array(12 + h.length + body.length);
  out.set(utf8('AIMSENC1'), 0);
  new DataView(out.buffer).setUint32(8, lengthField ?? h.length, false);
  out.set(h, 12);
  out.set(body, 12 + h.length);
  return out;
}

/** The sample's header parsed, changed by `edit`, and written back in front of the same ciphertext. */
function withHeader(bytes: Uint8Array, edit: (h: Record<string, any>) => void): Uint8Array {
  const { headerText, body } = split(bytes);
  const h = JSON.parse(headerText) as Record<string, any>;
  edit(h);
  return build(JSON.stringify(h), body);
}

async function problemCode(bytes: Uint8Array, passphrase = PASS): Promise<string> {
  const r = await decryptBundle(bytes, passphrase);
  if (r.ok) throw new Error('expected decryption to fail');
  // Why it is damaged or unsupported is a declared code with facts, worded in the page; never a sentence.
  if (r.problem.code.startsWith('container-')) expect(containerDetailCodes).toContain(r.problem.params?.reason);
  expect(r.problem.params ?? {}).not.toHaveProperty('detail');
  return r.problem.code;
}

let sample: Uint8Array;
const samplePlain = utf8('PK\u0003\u0004 pretend zip');

beforeAll(async () => {
  sample = await encryptBundle(samplePlain, PASS);
});

describe('encryptBundle / decryptBundle', () => {
  it('round-trips 1 MB of random bytes in the documented layout', async () => {
    const plain = randomBytes(1024 * 1024);
    const enc = await encryptBundle(plain, PASS);
    expect(isEncryptedContainer(enc)).toBe(true);
    expect(text(enc.subarray(0, 8))).toBe('AIMSENC1');
    const { headerText, body } = split(enc);
    expect(headerText).toMatch(
      /^\{"format":"aims-workbench-encrypted","version":1,"kdf":\{"name":"PBKDF2","hash":"SHA-256","iterations":600000,"salt":"[A-Za-z0-9+/]{22}=="\},"cipher":\{"name":"AES-GCM","keyLength":256,"iv":"[A-Za-z0-9+/]{16}","tagLength":128\}\}$/,
    );
    expect(body.length).toBe(plain.length + 16);
    const dec = await decryptBundle(enc, PASS);
    expect(dec.ok).toBe(true);
    if (dec.ok) expect(await sha256Hex(dec.plain)).toBe(await sha256Hex(plain));
  });

  it('uses a fresh salt and IV every time', async () => {
    const again = await encryptBundle(samplePlain, PASS);
    const a = JSON.parse(split(sample).headerText);
    const b = JSON.parse(split(again).headerText);
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.cipher.iv).not.toBe(b.cipher.iv);
    expect(Buffer.from(split(again).body).equals(Buffer.from(split(sample).body))).toBe(false);
  });

  it('accepts more iterations than the default', async () => {
    const enc = await encryptBundle(samplePlain, PASS, { iterations: 700_000 });
    expect(JSON.parse(split(enc).headerText).kdf.iterations).toBe(700_000);
    const dec = await decryptBundle(enc, PASS);
    expect(dec.ok && text(dec.plain)).toBe(text(samplePlain));
  });

  it('refuses to encrypt with no passphrase or too few or too many iterations', async () => {
    await expect(encryptBundle(samplePlain, '')).rejects.toMatchObject({ name: 'CryptoContainerError', code: 'passphrase-required' });
    await expect(encryptBundle(samplePlain, PASS, { iterations: 599_999 })).rejects.toBeInstanceOf(CryptoContainerError);
    await expect(encryptBundle(samplePlain, PASS, { iterations: MAX_ITERATIONS + 1 })).rejects.toMatchObject({ code: 'iterations-out-of-range' });
  });

  it('says wrong-passphrase-or-damaged for a wrong passphrase', async () => {
    expect(await problemCode(sample, 'test passphrasE')).toBe('wrong-passphrase-or-damaged');
  });

  it('says wrong-passphrase-or-damaged for one flipped ciphertext byte', async () => {
    const bad = sample.slice();
    bad[bad.length - 20]! ^= 0x01;
    expect(await problemCode(bad)).toBe('wrong-passphrase-or-damaged');
  });

  it('authenticates the header: a changed iteration count fails', async () => {
    const bad = withHeader(sample, (h) => (h.kdf.iterations = 600_001));
    expect(await problemCode(bad)).toBe('wrong-passphrase-or-damaged');
  });

  it('authenticates the header bytes, not just their meaning', async () => {
    // Same salt, IV and iterations, so the same key: only the additional data catches this.
    const { headerText, body } = split(sample);
    expect(await problemCode(build(headerText.replace('{', '{ '), body))).toBe('wrong-passphrase-or-damaged');
  });

  it('handles truncated files at every stage', async () => {
    expect(await problemCode(sample.subarray(0, 5))).toBe('not-encrypted');
    expect(await problemCode(sample.subarray(0, 10))).toBe('container-damaged');
    expect(await problemCode(sample.subarray(0, 40))).toBe('container-damaged'); // inside the header
    const headerEnd = sample.length - split(sample).body.length;
    expect(await problemCode(sample.subarray(0, headerEnd + 15))).toBe('container-damaged'); // shorter than a tag
    expect(await problemCode(sample.subarray(0, sample.length - 1))).toBe('wrong-passphrase-or-damaged');
  });

  it('refuses a header length out of range', async () => {
    const { headerText, body } = split(sample);
    expect(await problemCode(build(headerText, body, 999_999))).toBe('container-damaged');
    expect(await problemCode(build(headerText, body, 0))).toBe('container-damaged');
    expect(await problemCode(build('x'.repeat(4097), body))).toBe('container-damaged');
  });

  it('refuses a hostile iteration count quickly, before deriving any key', async () => {
    const hostile = withHeader(sample, (h) => (h.kdf.iterations = 1e9));
    const start = performance.now();
    expect(await problemCode(hostile)).toBe('container-unsupported');
    expect(performance.now() - start).toBeLessThan(500); // 1e9 PBKDF2 iterations would take minutes
    expect(await problemCode(withHeader(sample, (h) => (h.kdf.iterations = 599_999)))).toBe('container-unsupported');
  });

  it('says container-unsupported for other versions and algorithms', async () => {
    const variants: ((h: Record<string, any>) => void)[] = [
      (h) => (h.version = 2),
      (h) => (h.kdf = { name: 'argon2id', memory: 65536, salt: h.kdf.salt }),
      (h) => (h.kdf.hash = 'SHA-512'),
      (h) => (h.cipher.name = 'AES-CBC'),
      (h) => (h.cipher.keyLength = 128),
      (h) => (h.cipher.tagLength = 96),
    ];
    for (const edit of variants) expect(await problemCode(withHeader(sample, edit))).toBe('container-unsupported');
  });

  it('says container-damaged for a header that is not JSON or has the wrong shape', async () => {
    const { headerText, body } = split(sample);
    expect(await problemCode(build('{"format":', body))).toBe('container-damaged');
    expect(await problemCode(build(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), body))).toBe('container-damaged');
    expect(await problemCode(build(headerText.replace('"format":"aims-workbench-encrypted"', '"format":"other"'), body))).toBe('container-damaged');
    const variants: ((h: Record<string, any>) => void)[] = [
      (h) => (h.extra = true),
      (h) => (h.kdf.extra = true),
      (h) => delete h.kdf.salt,
      (h) => (h.kdf.salt = 'not base64!'),
      (h) => (h.kdf.salt = btoa('short')),
      (h) => (h.cipher.iv = btoa('sixteen byte iv!')),
      (h) => (h.kdf.iterations = '600000'),
      (h) => (h.kdf.iterations = 600_000.5),
    ];
    for (const edit of variants) expect(await problemCode(withHeader(sample, edit))).toBe('container-damaged');
  });

  it('asks for a passphrase, and recognises files that are not encrypted', async () => {
    expect(await problemCode(sample, '')).toBe('passphrase-required');
    const zip = utf8('PK\u0003\u0004rest of a zip');
    expect(isEncryptedContainer(zip)).toBe(false);
    expect(isEncryptedContainer(new Uint8Array())).toBe(false);
    expect(await problemCode(zip)).toBe('not-encrypted');
  });
});

describe('committed fixture (format version 1)', () => {
  const fixture = new Uint8Array(readFileSync('tests/fixtures/encrypted/sample-v1.aims.enc'));
  const expected = 'AIMS Workbench encrypted container fixture, format version 1.\n';

  it('still decrypts, with the passphrase in NFC or NFD form', async () => {
    const nfc = 'correct horse Gr\u00fc\u00dfe 42001';
    const nfd = 'correct horse Gru\u0308\u00dfe 42001';
    expect(nfd).not.toBe(nfc);
    for (const pass of [nfc, nfd]) {
      const r = await decryptBundle(fixture, pass);
      expect(r.ok && text(r.plain)).toBe(expected);
    }
  });
});
