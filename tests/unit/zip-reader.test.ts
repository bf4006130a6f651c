import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IoProblem } from '../../src/io/problems';
import { detailText } from '../../src/state/io-messages';
import { inflateRawCapped } from '../../src/io/zip/zip-inflate';
import { decodeName, nameIssue } from '../../src/io/zip/zip-names';
import { openZip, ZipReadError, type SafeZip, type ZipLimits } from '../../src/io/zip/zip-reader';

const dir = join(__dirname, '../fixtures/hostile-zips');
const fixture = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const MiB = 1024 * 1024;
/** Why, as the page says it (in English here): the reason's message filled with its facts. */
const said = (p: IoProblem): string => detailText(p);

async function problemsOf(name: string, limits?: Partial<ZipLimits>): Promise<IoProblem[]> {
  const r = await openZip(fixture(name), name, limits);
  if (r.ok) throw new Error(`${name} opened but should have been refused`);
  return r.problems;
}

async function open(name: string, limits?: Partial<ZipLimits>): Promise<SafeZip> {
  const r = await openZip(fixture(name), name, limits);
  if (!r.ok) throw new Error(`${name} refused: ${JSON.stringify(r.problems)}`);
  return r.zip;
}

async function readError(p: Promise<unknown>): Promise<IoProblem> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ZipReadError);
  return (err as ZipReadError).problem;
}

describe('openZip on a valid bundle', () => {
  const text = { manifest: '{\n  "format": "aims-workbench-bundle",\n  "formatVersion": 1\n}', readme: 'Überprüfung der KI-Risiken – ✓ done\n'.repeat(20) };

  it('lists file entries in central-directory order, without directory entries', async () => {
    const zip = await open('valid.zip');
    expect(zip.entries.map((e) => e.name)).toEqual(['manifest.json', 'notes/readme.txt', 'data/risks.json', 'evidence/logo.png']);
    expect(zip.entries.map((e) => e.method)).toEqual([8, 8, 8, 0]);
    expect(zip.has('evidence/')).toBe(false);
    expect(zip.has('manifest.json')).toBe(true);
  });

  it('gives back text and binary content byte for byte', async () => {
    const zip = await open('valid.zip');
    expect(await zip.readText('manifest.json')).toBe(text.manifest);
    expect(await zip.readText('notes/readme.txt')).toBe(text.readme);
    expect(JSON.parse(await zip.readText('data/risks.json'))).toEqual([
      { id: 'r1', title: 'Bias' },
      { id: 'r2', title: 'Drift' },
    ]);
    const png = await zip.read('evidence/logo.png');
    expect(png.length).toBe(633);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('refuses binary as text with not-utf8 and a missing name with entry-missing', async () => {
    const zip = await open('valid.zip');
    expect(await readError(zip.readText('evidence/logo.png'))).toMatchObject({ code: 'not-utf8', file: 'evidence/logo.png' });
    expect(await readError(zip.read('nope.json'))).toMatchObject({ code: 'entry-missing', file: 'nope.json' });
  });

  it.each(['valid-streamed.zip', 'eocd-decoy-comment.zip'])('reads %s (data descriptors; a decoy EOCD record in the comment)', async (name) => {
    const zip = await open(name);
    expect(zip.entries.map((e) => e.name)).toEqual(['a.txt', 'b.txt']);
    expect(await zip.readText('b.txt')).toBe('another one\n'.repeat(50));
  });

  it('reads ZIP64 end records and ZIP64 extra fields', async () => {
    const zip = await open('zip64.zip');
    expect(zip.entries.map((e) => [e.name, e.size])).toEqual([
      ['one.txt', 4],
      ['two.txt', 400],
      ['three.txt', 6],
    ]);
    expect(await zip.readText('two.txt')).toBe('two\n'.repeat(100));
    expect(await zip.readText('three.txt')).toBe('three\n');
  });
});

describe('openZip refuses broken archives', () => {
  it.each([
    ['not-a-zip.zip', 'not-a-zip'],
    ['truncated.zip', 'truncated'],
    ['corrupt-central.zip', 'corrupt'],
  ])('%s → %s', async (name, code) => {
    expect(await problemsOf(name)).toEqual([expect.objectContaining({ code, file: name })]);
  });

  it('refuses an empty file and a bare EOCD whose directory points past the end', async () => {
    expect((await openZip(new Uint8Array(0), 'empty.zip')).ok).toBe(false);
    const eocd = new Uint8Array(22);
    const v = new DataView(eocd.buffer);
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, 1, true);
    v.setUint16(10, 1, true);
    v.setUint32(12, 46, true);
    const r = await openZip(eocd, 'cut.zip');
    expect(r.ok ? [] : r.problems).toEqual([expect.objectContaining({ code: 'truncated', file: 'cut.zip' })]);
  });

  it('refuses entries whose data overlap (non-recursive bomb construction)', async () => {
    const problems = await problemsOf('overlap.zip');
    expect(problems).toEqual([expect.objectContaining({ code: 'corrupt', file: 'inner.txt', params: expect.objectContaining({ reason: 'zip-overlap' }) })]);
    expect(said(problems[0]!)).toMatch(/^two entries overlap: ".+" and "inner.txt" share bytes$/);
  });
});

describe('openZip judges names on the raw bytes', () => {
  it.each([
    ['zip-slip-dotdot.zip', ['../evil.txt', 'a/../../manifest.json']],
    ['absolute-path.zip', ['/etc/passwd']],
    ['backslash.zip', ['..\\\\evil.txt']],
    ['drive-letter.zip', ['C:/evil.txt']],
    ['control-char.zip', ['bad\\u0001name.txt', 'nul\\u0000.txt']],
    ['long-name.zip', ['d/d/d/']],
  ])('%s → unsafe-name for each entry', async (name, entryNames) => {
    const problems = await problemsOf(name);
    expect(problems).toHaveLength(entryNames.length);
    entryNames.forEach((entry, i) => {
      expect(problems[i]).toMatchObject({ code: 'unsafe-name', file: name, params: { reason: expect.stringMatching(/^zip-name-/) } });
      expect(said(problems[i]!)).toContain(entry);
    });
  });

  it.each([
    ['a/./b.txt', { reason: 'zip-name-dot' }],
    ['a//b.txt', { reason: 'zip-name-empty-segment' }],
    ['a/b.txt//', { reason: 'zip-name-empty-segment' }],
    ['C:evil.txt', { reason: 'zip-name-drive' }],
    ['del\x7f.txt', { reason: 'zip-name-control', byte: '0x7f' }],
    ['invoice\u202etxt.exe', { reason: 'zip-name-unicode-control' }],
  ])('names %j unsafe: %o', (name, issue) => {
    const text = JSON.parse(`"${name}"`) as string;
    const raw = new TextEncoder().encode(text);
    expect(nameIssue(raw, decodeName(raw, true))).toEqual({ ...issue, part: 'name', name: text });
  });

  it('accepts ordinary names and directory entries, and decodes names without bit 11 as CP437', () => {
    for (const name of ['a/b.txt', 'evidence/', 'Prüfbericht 10:30.pdf', '.hidden/..name']) {
      const raw = new TextEncoder().encode(name);
      expect(nameIssue(raw, decodeName(raw, true))).toBeNull();
    }
    const cp437 = new Uint8Array([0x8e, 0x2e, 0x74, 0x78, 0x74]);
    expect(decodeName(cp437, false).name).toBe('Ä.txt');
    expect(nameIssue(cp437, decodeName(cp437, true))).toMatchObject({ reason: 'zip-name-not-utf8', part: 'name' });
  });

  it('refuses exact duplicates and names equal after NFC and case folding', async () => {
    const problems = await problemsOf('duplicate-names.zip');
    expect(problems.map((p) => [p.code, p.file])).toEqual([
      ['duplicate-name', 'data.txt'],
      ['duplicate-name', 'Manifest.json'],
      ['duplicate-name', 'cafe\u0301.txt'],
    ]);
    expect(problems.map((p) => p.params?.reason)).toEqual(['zip-name-repeated', 'zip-name-alias', 'zip-name-alias']);
    expect(said(problems[1]!)).toBe('"Manifest.json" is the same file as "manifest.json" when case and Unicode form are ignored');
  });
});

describe('openZip checks flags and declared sizes before inflating', () => {
  it.each([
    ['encrypted-entry.zip', 'encrypted-entry', 'secret.txt'],
    ['unsupported-compression.zip', 'unsupported-compression', 'hello.txt'],
  ])('%s → %s', async (name, code, entry) => {
    const problems = await problemsOf(name);
    expect(problems).toEqual([expect.objectContaining({ code, file: entry })]);
    expect(said(problems[0]!)).toContain(`"${entry}"`);
  });

  it('bomb-ratio.zip → ratio-too-high for the entry, which the whole archive’s ratio does not repeat', async () => {
    const [ratio, ...more] = await problemsOf('bomb-ratio.zip');
    expect(more).toEqual([]);
    expect(ratio).toMatchObject({
      code: 'ratio-too-high',
      file: 'zeros.bin',
      params: { reason: 'zip-entry-ratio', name: '"zeros.bin"', size: 200 * MiB, limit: 1000 },
    });
    expect(said(ratio!)).toMatch(/^"zeros\.bin" declares 209715200 bytes from \d+ compressed \(ratio [\d.]+ to 1, limit 1000 to 1\)$/);
    // Without the entry's own cap, the archive's is what refuses it.
    expect((await problemsOf('bomb-ratio.zip', { maxRatio: 2000 })).map((p) => p.code)).toEqual(['archive-ratio-too-high']);
  });

  it('reports every cap that is passed in one report, with the numbers', async () => {
    const problems = await problemsOf('bomb-ratio.zip', { maxEntryBytes: MiB, maxTotalBytes: 2 * MiB });
    expect(problems.map((p) => p.code)).toEqual(['entry-too-large', 'ratio-too-high', 'too-large']);
    expect(said(problems[0]!)).toBe(`"zeros.bin" declares ${200 * MiB} bytes (limit ${MiB})`);
    expect(problems[2]).toMatchObject({ file: 'bomb-ratio.zip', params: { reason: 'zip-total-declared', limit: 2 * MiB } });
    expect(said(problems[2]!)).toBe(`its entries declare ${200 * MiB} bytes in total (limit ${2 * MiB})`);
  });

  it('takes its limits from the caller', async () => {
    expect(await problemsOf('many-entries.zip', { maxEntries: 5 })).toEqual([
      expect.objectContaining({ code: 'too-many-entries', file: 'many-entries.zip', params: { reason: 'zip-entry-count', count: 10, limit: 5 } }),
    ]);
    expect((await openZip(fixture('many-entries.zip'), 'many-entries.zip', { maxEntries: 10 })).ok).toBe(true);
    expect((await openZip(fixture('bomb-ratio.zip'), 'bomb-ratio.zip', { maxRatio: 2000, maxArchiveRatio: 2000 })).ok).toBe(true);
    expect(await problemsOf('valid.zip', { maxEntryBytes: 100 })).toEqual([
      expect.objectContaining({ code: 'entry-too-large', file: 'notes/readme.txt' }),
      expect.objectContaining({ code: 'entry-too-large', file: 'evidence/logo.png' }),
    ]);
  });
});

describe('read() never trusts the declared sizes', () => {
  it('stops the lying entry right after its declared 10 bytes', async () => {
    const zip = await open('lying-size.zip');
    const p = await readError(zip.read('small.txt'));
    expect(p).toMatchObject({ code: 'size-mismatch', file: 'small.txt', params: { reason: 'zip-inflates-more', size: 10 } });
    expect(said(p)).toMatch(/^"small\.txt" unpacks to more than the 10 bytes it declares \(stopped after \d+\)$/);
    // The stream holds 10 MiB; the reader must give up after the first output chunk or so.
    const stoppedAfter = Number(p.params?.produced);
    expect(stoppedAfter).toBeGreaterThan(10);
    expect(stoppedAfter).toBeLessThanOrEqual(1.1 * MiB);
  });

  it('stops a 200 MiB bomb stream once it passes a 1 MiB cap', async () => {
    // The single entry's raw deflate stream, located through its local header.
    const data = fixture('bomb-ratio.zip');
    const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const start = 30 + v.getUint16(26, true) + v.getUint16(28, true);
    const compressed = data.subarray(start, start + v.getUint32(18, true));
    let accepted = 0;
    const r = await inflateRawCapped(compressed, MiB, (n) => ((accepted += n), true));
    expect(r).toMatchObject({ ok: false, reason: 'over-cap' });
    expect(accepted).toBeLessThanOrEqual(MiB);
    expect(r.ok ? 0 : r.produced).toBeLessThanOrEqual(1.1 * MiB);
  });

  it('counts every read against maxTotalBytes', async () => {
    const total = 61 + 840 + 56 + 633;
    const zip = await open('valid.zip', { maxTotalBytes: total });
    for (const e of zip.entries) await zip.read(e.name);
    expect(await readError(zip.read('notes/readme.txt'))).toMatchObject({ code: 'too-large', file: 'notes/readme.txt' });
    expect(await readError(zip.read('evidence/logo.png'))).toMatchObject({ code: 'too-large', file: 'evidence/logo.png' });
  });

  // A stored attachment's bytes were copied twice (a slice, then a Blob of it): 100 MiB of copies for a 100 MiB bundle.
  it('keeps a checked stored entry as a slice of the file it was opened with, a deflated one as its bytes', async () => {
    const bytes = fixture('valid.zip');
    const file = new Blob([bytes]);
    const r = await openZip(bytes, 'valid.zip', {}, file);
    if (!r.ok) throw new Error('refused');
    const png = await r.zip.readBlob('evidence/logo.png');
    const pngBlob = png.blob();
    expect(pngBlob.size).toBe(633);
    expect(new Uint8Array(await pngBlob.arrayBuffer())).toEqual(new Uint8Array(await r.zip.read('evidence/logo.png')));
    expect(png.bytes.buffer).toBe(bytes.buffer);
    const readme = await r.zip.readBlob('notes/readme.txt');
    expect(await readme.blob().text()).toBe('Überprüfung der KI-Risiken – ✓ done\n'.repeat(20));
  });

  it('refuses a stored entry whose bytes changed before any Blob of it is made', async () => {
    const bytes = fixture('valid.zip');
    const at = bytes.findIndex((b, i) => b === 0x89 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x4e && bytes[i + 3] === 0x47);
    bytes[at + 100] = bytes[at + 100]! ^ 0xff;
    const r = await openZip(bytes, 'valid.zip', {}, new Blob([bytes]));
    if (!r.ok) throw new Error('refused');
    expect(await readError(r.zip.readBlob('evidence/logo.png'))).toMatchObject({ code: 'crc-mismatch', file: 'evidence/logo.png' });
    expect(await readError(r.zip.readBlob('crc.txt'))).toMatchObject({ code: 'entry-missing' });
  });

  it.each([
    ['crc-mismatch.zip', 'report.txt', 'crc-mismatch'],
    ['corrupt-deflate.zip', 'broken.txt', 'corrupt-entry'],
  ])('%s → %s', async (name, entry, code) => {
    const zip = await open(name);
    const p = await readError(zip.read(entry));
    expect(p).toMatchObject({ code, file: entry, params: { name: `"${entry}"` } });
    expect(await readError(zip.readBlob(entry))).toMatchObject({ code, file: entry });
    expect(said(p)).toContain(`"${entry}"`);
  });
});
