import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detailText } from '../../src/state/io-messages';
import { decodeName } from '../../src/io/zip/zip-names';
import { openZip, type SafeZip } from '../../src/io/zip/zip-reader';
import { centralFlags, rawZip, unicodePathExtra } from '../support/raw-zip';

const dir = join(__dirname, '../fixtures/rezipped-bundles');
const fixture = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const ATTACHMENT = 'attachments/549ff1b4-93a5-41f5-9156-7388e7a87adb/Prüfbericht 风险评估.txt';
const CONTENT = 'Prüfbericht zur Risikobewertung — 风险评估报告\n';

async function open(bytes: Uint8Array): Promise<SafeZip> {
  const r = await openZip(bytes, 'test.zip');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.zip;
}

/** Each problem as [code, file, why] with `why` as the page words it (in English here). */
async function problems(bytes: Uint8Array): Promise<[string, string | undefined, string][]> {
  const r = await openZip(bytes, 'test.zip');
  return r.ok ? [] : r.problems.map((p) => [p.code, p.file, detailText(p)]);
}

describe('entry names written by other tools', () => {
  it('reads the UTF-8 name Info-ZIP zip writes without bit 11 as UTF-8', async () => {
    const bytes = fixture('infozip.aims.zip');
    expect(centralFlags(bytes, ATTACHMENT)! & 0x800).toBe(0);
    const zip = await open(bytes);
    expect(zip.has(ATTACHMENT)).toBe(true);
    expect(await zip.readText(ATTACHMENT)).toBe(CONTENT);
  });

  it('reads the name 7-Zip flags as UTF-8', async () => {
    const bytes = fixture('7zip.aims.zip');
    expect(centralFlags(bytes, ATTACHMENT)! & 0x800).toBe(0x800);
    expect(await (await open(bytes)).readText(ATTACHMENT)).toBe(CONTENT);
  });

  it('keeps CP437 for names that are not valid UTF-8', () => {
    expect(decodeName(new Uint8Array([0x8e, 0x2e, 0x74, 0x78, 0x74]), false).name).toBe('Ä.txt');
    // "Grüße" in CP437 (ü = 0x81, ß = 0xe1): 0x81 cannot start a UTF-8 sequence.
    expect(decodeName(new Uint8Array([0x47, 0x72, 0x81, 0xe1, 0x65]), false).name).toBe('Grüße');
  });

  it('takes the Unicode Path extra field when its CRC matches the raw name', async () => {
    const raw = new Uint8Array([0x8e, 0x2e, 0x74, 0x78, 0x74]); // "Ä.txt" in CP437
    const zip = await open(rawZip([{ name: raw, data: 'x', extra: unicodePathExtra(raw, 'Ärger 风险.txt') }]));
    expect(zip.entries.map((e) => e.name)).toEqual(['Ärger 风险.txt']);
    expect(await zip.readText('Ärger 风险.txt')).toBe('x');
  });

  it('ignores a Unicode Path field whose CRC belongs to another name (renamed by a tool that did not know it)', async () => {
    const raw = new Uint8Array([0x8e, 0x2e, 0x74, 0x78, 0x74]);
    const zip = await open(rawZip([{ name: raw, data: 'x', extra: unicodePathExtra(raw, 'old.txt', 0x12345678) }]));
    expect(zip.entries.map((e) => e.name)).toEqual(['Ä.txt']);
  });
});

describe('every name check still holds on the decoded names', () => {
  it.each([
    ['../evil.txt', 'the name in the Unicode Path field "../evil.txt" has a ".." folder, which points outside its folder'],
    ['/etc/passwd', 'the name in the Unicode Path field "/etc/passwd" is an absolute path'],
    ['a\\b.txt', 'the name in the Unicode Path field "a\\\\b.txt" holds a backslash'],
    ['bad\u0001.txt', 'the name in the Unicode Path field "bad\\u0001.txt" holds the control character 0x01'],
    ['invoice\u202etxt.exe', 'the name in the Unicode Path field "invoice\\u202etxt.exe" holds a Unicode control character'],
    ['a/./b.txt', 'the name in the Unicode Path field "a/./b.txt" has a "." folder'],
  ])('a Unicode Path field holding %j is refused: %s', async (unsafe, reason) => {
    const zip = rawZip([{ name: 'harmless.txt', data: 'x', extra: unicodePathExtra('harmless.txt', unsafe) }]);
    expect(await problems(zip)).toEqual([['unsafe-name', 'test.zip', expect.stringContaining(reason)]]);
  });

  it('refuses a raw name that is unsafe even when the Unicode Path field is harmless', async () => {
    const zip = rawZip([{ name: '../evil.txt', data: 'x', extra: unicodePathExtra('../evil.txt', 'fine.txt') }]);
    expect(await problems(zip)).toEqual([['unsafe-name', 'test.zip', 'the name "../evil.txt" has a ".." folder, which points outside its folder']]);
  });

  it('refuses unflagged UTF-8 names with Unicode controls', async () => {
    expect(await problems(rawZip([{ name: 'invoice\u202etxt.exe', data: 'x' }]))).toEqual([
      ['unsafe-name', 'test.zip', 'the name "invoice\\u202etxt.exe" holds a Unicode control character, which can hide or reorder text'],
    ]);
  });

  it('refuses two entries that decode to one name', async () => {
    const viaField = rawZip([
      { name: 'report.txt', data: 'a' },
      { name: 'other.txt', data: 'b', extra: unicodePathExtra('other.txt', 'report.txt') },
    ]);
    expect(await problems(viaField)).toEqual([['duplicate-name', 'report.txt', '"report.txt" appears more than once']]);
    const flaggedAndNot = rawZip([
      { name: 'Prüfung.txt', data: 'a', flags: 0x800 },
      { name: 'Prüfung.txt', data: 'b' },
    ]);
    expect(await problems(flaggedAndNot)).toEqual([['duplicate-name', 'Prüfung.txt', '"Prüfung.txt" appears more than once']]);
  });

  it('does not let the Unicode Path field turn a file into a folder', async () => {
    const zip = await open(rawZip([{ name: 'notes.txt', data: 'x', extra: unicodePathExtra('notes.txt', 'notes/') }]));
    expect(zip.entries.map((e) => e.name)).toEqual(['notes.txt']);
  });
});
