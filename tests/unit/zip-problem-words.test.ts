import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProblemWord } from '../../src/domain/problem';
import { zipDetailCodes } from '../../src/domain/zip-problem-codes';
import { loadMessages, setLocale, type Locale } from '../../src/i18n/i18n';
import type { IoProblem } from '../../src/io/problems';
import { readWorkbook } from '../../src/io/sheets/sheet-read';
import { openZip, ZipReadError } from '../../src/io/zip/zip-reader';
import { describeProblem, detailText } from '../../src/state/io-messages';
import { rawZip, unicodePathExtra } from '../support/raw-zip';

/**
 * A damaged zip's problem says what the reader found, in the reader's language: which entries
 * overlap, which names disagree, how many bytes come before the archive, where it is cut.
 * The Chinese texts are written out, so a missing or wrong translation fails.
 */
afterEach(async () => {
  await setLocale('en', { remember: false });
});

async function refusal(bytes: Uint8Array): Promise<IoProblem[]> {
  const r = await openZip(bytes, 'bundle.zip');
  if (r.ok) throw new Error('opened but should have been refused');
  return r.problems;
}

async function shown(bytes: Uint8Array, l: Locale = 'en'): Promise<string[]> {
  const problems = await refusal(bytes);
  await setLocale(l, { remember: false });
  await loadMessages();
  return problems.map(describeProblem);
}

const LOCAL = 30;
const localSize = (name: string, data: string) => LOCAL + name.length + data.length;

/** `b.json`'s local header and data hidden inside the data of `a.json`, and `b.json`'s directory entry pointing there. */
function overlapping(): Uint8Array {
  const inner = rawZip([{ name: 'b.json', data: '{"b":1}' }]).slice(0, localSize('b.json', '{"b":1}'));
  const outerData = new Uint8Array(8 + inner.length);
  outerData.set(new TextEncoder().encode('{"a":1}\n'), 0);
  outerData.set(inner, 8);
  const zip = rawZip([
    { name: 'a.json', data: outerData },
    { name: 'b.json', data: '{"b":1}' },
  ]);
  // The second central header: after the two local records; its local offset is at byte 42.
  const cd = localSize('a.json', 'x'.repeat(outerData.length)) + localSize('b.json', '{"b":1}');
  const second = cd + 46 + 'a.json'.length;
  new DataView(zip.buffer).setUint32(second + 42, LOCAL + 'a.json'.length + 8, true);
  return zip;
}

function renamedLocally(): Uint8Array {
  const zip = rawZip([{ name: 'a.json', data: '{}' }]);
  zip.set(new TextEncoder().encode('x.json'), LOCAL);
  return zip;
}

function prefixed(junk: number): Uint8Array {
  const zip = rawZip([{ name: 'a.json', data: '{}' }]);
  const out = new Uint8Array(junk + zip.length);
  out.fill(0x20, 0, junk);
  out.set(zip, junk);
  return out;
}

describe('a damaged zip names what the reader found', { timeout: 20_000 }, () => {
  it('overlapping entries name both entries', async () => {
    expect(await shown(overlapping())).toEqual(['b.json: The zip file is damaged: two entries overlap: "a.json" and "b.json" share bytes.']);
    expect(await shown(overlapping(), 'zh-CN')).toEqual(['b.json: zip 文件已损坏：两个条目重叠："a.json" 与 "b.json" 共用同一段字节。']);
  });

  it('a local header whose name differs from the directory names both names', async () => {
    expect(await shown(renamedLocally())).toEqual([
      'a.json: The zip file is damaged: the entry name in the local header ("x.json") differs from the directory ("a.json").',
    ]);
    expect(await shown(renamedLocally(), 'zh-CN')).toEqual(['a.json: zip 文件已损坏：本地文件头中的条目名称（"x.json"）与中央目录中的名称（"a.json"）不同。']);
  });

  it('unknown bytes before the archive are counted', async () => {
    expect(await shown(prefixed(100))).toEqual(['bundle.zip: The zip file is damaged: 100 bytes of unknown data come before the archive.']);
    expect(await shown(prefixed(100), 'zh-CN')).toEqual(['bundle.zip: zip 文件已损坏：压缩包前有 100 字节的未知数据。']);
  });

  it('a cut archive says where it ends', async () => {
    const whole = rawZip([{ name: 'a.json', data: '{"risks":[]}' }]);
    const cut = whole.slice(0, 40);
    expect(await shown(cut)).toEqual(['bundle.zip: The zip file is cut short: it ends after 40 bytes, before its directory and end record.']);
    expect(await shown(cut, 'zh-CN')).toEqual(['bundle.zip: zip 文件不完整：文件在 40 字节后就结束了，缺少中央目录和结尾记录。']);
  });
});

describe('a damaged workbook says the same, as the spreadsheet import shows it', { timeout: 20_000 }, () => {
  it('names where a cut workbook ends, in English and in Chinese', async () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, '../fixtures/sheets/truncated.xlsx')));
    const r = await readWorkbook(bytes, 'truncated.xlsx');
    if (r.ok) throw new Error('read but should have been refused');
    expect(r.problems.map(describeProblem)).toEqual([
      `truncated.xlsx: The spreadsheet is damaged (it ends after ${bytes.length} bytes, before its directory and end record).`,
    ]);
    await setLocale('zh-CN', { remember: false });
    await loadMessages();
    expect(r.problems.map(describeProblem)).toEqual([`truncated.xlsx: 电子表格已损坏（文件在 ${bytes.length} 字节后就结束了，缺少中央目录和结尾记录）。`]);
  });
});

const hostile = join(__dirname, '../fixtures/hostile-zips');
const ZIP_SOURCES = join(__dirname, '../../src/io/zip');

/** Every problem the reader gives for the hostile fixtures, the cases above and a read of each entry that opens. */
async function everyProblem(): Promise<IoProblem[]> {
  const inputs: [string, Uint8Array][] = readdirSync(hostile)
    .filter((f) => f.endsWith('.zip'))
    .map((f) => [f, new Uint8Array(readFileSync(join(hostile, f)))]);
  inputs.push(['overlap', overlapping()], ['renamed', renamedLocally()], ['prefixed', prefixed(7)]);
  inputs.push(['cut', rawZip([{ name: 'a.json', data: '{}' }]).slice(0, 40)]);
  inputs.push(['unicode-path', rawZip([{ name: 'harmless.txt', data: 'x', extra: unicodePathExtra('harmless.txt', 'a\\b.txt') }])]);
  const found: IoProblem[] = [];
  for (const [name, bytes] of inputs) {
    for (const limits of [{}, { maxEntries: 2, maxEntryBytes: 100, maxTotalBytes: 200 }]) {
      const r = await openZip(bytes, name, limits);
      if (!r.ok) {
        found.push(...r.problems);
        continue;
      }
      for (const e of r.zip.entries) {
        for (const read of [() => r.zip.readText(e.name), () => r.zip.read(e.name, 4)]) {
          try {
            await read();
          } catch (err) {
            if (!(err instanceof ZipReadError)) throw err;
            found.push(err.problem);
          }
        }
      }
      const missing = await r.zip.read('no/such/file').catch((err: unknown) => err);
      if (missing instanceof ZipReadError) found.push(missing.problem);
    }
  }
  return found;
}

describe('a zip problem carries a reason code and facts, never a sentence', { timeout: 20_000 }, () => {
  it('every reason is a declared code, every other fact a number, a quoted name, a hex value or a word of the catalogue', async () => {
    const found = await everyProblem();
    const reasons = new Set(found.map((p) => p.params?.reason));
    // The fixtures reach most of the reader's reasons: a new refusal without a code shows here.
    expect(reasons.size).toBeGreaterThanOrEqual(25);
    for (const p of found) {
      const { reason, ...facts } = p.params ?? {};
      expect(zipDetailCodes, JSON.stringify(p)).toContain(reason);
      expect(facts).not.toHaveProperty('detail');
      for (const [key, v] of Object.entries(facts)) {
        if (typeof v === 'number') continue;
        if (typeof v === 'object' && !Array.isArray(v)) expect((v as ProblemWord).prefix).toBe('io.detail.zipNamePart');
        else expect(v, `${key} of ${JSON.stringify(p)}`).toMatch(/^(".*"…?|0x[0-9a-f]{2}|[0-9a-f]{8})$/s);
      }
    }
  });

  it('every reason reads as a message in English and in Chinese, with every fact filled in', async () => {
    const found = await everyProblem();
    for (const l of ['en', 'zh-CN'] as const) {
      await setLocale(l, { remember: false });
      await loadMessages();
      for (const p of found) {
        const text = detailText(p);
        expect(text, JSON.stringify(p)).not.toBe('');
        expect(text).not.toContain(String(p.params?.reason));
        expect(text).not.toMatch(/\{\w+\}/);
        if (l === 'zh-CN' && p.params?.reason !== 'zip-not-utf8') expect(text).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('no file of the zip reader puts words into a problem', () => {
    for (const f of readdirSync(ZIP_SOURCES).filter((x) => x.endsWith('.ts'))) {
      const source = readFileSync(join(ZIP_SOURCES, f), 'utf8');
      expect(source, f).not.toMatch(/\bdetail(Of)?\s*[:(]|[{,]\s*detail\s*[,}]/);
    }
  });
});
