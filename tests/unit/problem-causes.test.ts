import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { matrixFromCiso } from '../../src/domain/ciso-import';
import { loadMessages, setLocale, type Locale } from '../../src/i18n/i18n';
import { containerDetailCodes } from '../../src/domain/container-problem-codes';
import { parseBundle } from '../../src/io/bundle/bundle-import';
import { decryptBundle } from '../../src/io/bundle/crypto-container';
import { parseMatrixFile } from '../../src/io/ciso/ciso-file';
import { parseJsonSafely } from '../../src/io/safe-json';
import { describeIssue } from '../../src/pages/criteria-issues';
import { describeProblem } from '../../src/state/io-messages';
import { catalog } from '../support/bundles';

/**
 * A refusal names what the reader found: the forbidden key and where it is, a damaged encrypted
 * file before any passphrase is asked for, the number in a risk matrix's grid that is too large.
 */
afterEach(async () => {
  await setLocale('en', { remember: false });
});

async function inLocale(l: Locale): Promise<void> {
  await setLocale(l, { remember: false });
  await loadMessages();
}

describe('a forbidden key', { timeout: 20_000 }, () => {
  it('is named, with the file and the path it is at', async () => {
    const r = parseJsonSafely('[{"id":"r-1","__proto__":{"polluted":true}}]', { file: 'data/risks.json' });
    expect(r.ok).toBe(false);
    const [p] = r.ok ? [] : r.problems;
    expect(p).toMatchObject({
      code: 'forbidden-key',
      file: 'data/risks.json',
      field: '[0].__proto__',
      params: { reason: 'forbidden-key-name', key: '__proto__' },
    });
    expect(describeProblem(p!)).toBe('data/risks.json, field [0].__proto__: A key that is never allowed appears: "__proto__".');
    await inLocale('zh-CN');
    expect(describeProblem(p!)).toBe('data/risks.json，字段 [0].__proto__: 出现了一个任何情况下都不允许的键：“__proto__”。');
  });
});

describe('invalid JSON', { timeout: 20_000 }, () => {
  it("says where it breaks in the reader's language, with the engine's own words after it", async () => {
    const r = parseJsonSafely('{\n  "a": 1,\n}', { file: 'data/risks.json' });
    const [p] = r.ok ? [] : r.problems;
    expect(p).toMatchObject({ code: 'json-invalid', params: { reason: 'json-syntax', position: 12, line: 3, column: 1 } });
    expect(describeProblem(p!)).toMatch(/^data\/risks\.json: Not valid JSON: position 12 \(line 3, column 1\): .+\.$/);
    await inLocale('zh-CN');
    expect(describeProblem(p!)).toMatch(/^data\/risks\.json: 不是有效的 JSON：位置 12（第 3 行，第 1 列）：.+。$/);
  });
});

describe('a damaged encrypted bundle', { timeout: 20_000 }, () => {
  const damaged = (headerLength: number, rest: number): Uint8Array => {
    const bytes = new Uint8Array(12 + rest);
    bytes.set(new TextEncoder().encode('AIMSENC1'), 0);
    new DataView(bytes.buffer).setUint32(8, headerLength, false);
    return bytes;
  };

  it.each([
    ['a header length past the limit', damaged(70_000, 100)],
    ['a header that runs past the end of the file', damaged(200, 50)],
    ['a header that is no JSON', damaged(10, 40)],
  ])('is refused as damaged before a passphrase is asked for: %s', async (_, bytes) => {
    const r = await parseBundle(bytes, 'client.aims.enc', catalog);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.needsPassphrase).toBeFalsy();
    expect(r.problems.map((p) => p.code)).toEqual(['container-damaged']);
  });
});

describe('a damaged or unsupported encrypted bundle says what is wrong with it', { timeout: 20_000 }, () => {
  const container = (header: string, body = 32): Uint8Array => {
    const json = new TextEncoder().encode(header);
    const bytes = new Uint8Array(12 + json.length + body);
    bytes.set(new TextEncoder().encode('AIMSENC1'), 0);
    new DataView(bytes.buffer).setUint32(8, json.length, false);
    bytes.set(json, 12);
    return bytes;
  };
  const shown = async (bytes: Uint8Array): Promise<string> => {
    const r = await decryptBundle(bytes, '');
    if (r.ok) throw new Error('decrypted');
    expect(containerDetailCodes).toContain(r.problem.params?.reason);
    expect(r.problem.params).not.toHaveProperty('detail');
    return describeProblem({ ...r.problem, file: 'client.aims.enc' });
  };
  const scrypt = () => container('{"format":"aims-workbench-encrypted","version":1,"kdf":{"name":"scrypt"},"cipher":{"name":"AES-GCM"}}');

  it('names the header length that is out of range, and the setting it does not accept', async () => {
    const long = new Uint8Array(112);
    long.set(new TextEncoder().encode('AIMSENC1'), 0);
    new DataView(long.buffer).setUint32(8, 70_000, false);
    expect(await shown(long)).toBe('client.aims.enc: The encrypted file is damaged: its header length is 70000 bytes (allowed 1 to 4096).');
    expect(await shown(container('{"format":', 40))).toBe('client.aims.enc: The encrypted file is damaged: its header cannot be read (it is not UTF-8 JSON).');
    expect(await shown(scrypt())).toBe('client.aims.enc: The encrypted file uses settings this version does not accept (key derivation "scrypt").');
    await inLocale('zh-CN');
    expect(await shown(long)).toBe('client.aims.enc: 加密文件已损坏：文件头长度为 70000 字节（允许 1 到 4096）。');
    expect(await shown(scrypt())).toBe('client.aims.enc: 加密文件使用了此版本不接受的设置（密钥派生算法 "scrypt"）。');
  });
});

describe('a number too large in a risk matrix grid', { timeout: 20_000 }, () => {
  const library = readFileSync('tests/fixtures/matrices/ciso/library-single-object.yaml', 'utf8');

  it.each([
    ['YAML', library.replace('- [0, 1, 2]', '- [0, 1e400, 2]')],
    [
      'JSON',
      JSON.stringify({
        ...parsedGrid(),
        grid: [
          [0, 0, 1],
          [0, 1, 2],
          [1, 2, 2],
        ],
      }).replace('[0,1,2]', '[0,1e400,2]'),
    ],
  ])('is named as a number too large, with its row and cell (%s)', async (_, text) => {
    const parsed = await parseMatrixFile(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const r = matrixFromCiso(parsed.data);
    expect(r.ok).toBe(false);
    const issues = r.ok ? [] : r.issues;
    expect(issues).toEqual([expect.objectContaining({ code: 'grid-cell-too-large', field: 'grid[1][1]' })]);
    expect(describeIssue(issues[0]!, 'file')).toBe(
      'grid row 2, cell 2: the number is too large to read (beyond ±1.8e308); it must be one of the 3 risk levels.',
    );
    await inLocale('zh-CN');
    expect(describeIssue(issues[0]!, 'file')).toBe('grid 第 2 行第 2 个单元格：数值过大，无法读取（超出 ±1.8e308）；必须是 3 个风险等级之一。');
    expect(describeIssue(issues[0]!, 'file')).not.toContain('null');
  });
});

/** The API's answer for one matrix, as JSON: its json_definition unpacked. */
function parsedGrid(): Record<string, unknown> {
  const api = JSON.parse(readFileSync('tests/fixtures/matrices/ciso/api-risk-matrix.json', 'utf8')) as Record<string, unknown>;
  const { json_definition, ...rest } = api;
  return { ...rest, ...(JSON.parse(String(json_definition)) as Record<string, unknown>) };
}
