import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fromZodIssue } from '../../src/domain/problem';
import { treatmentOptions } from '../../src/domain/risk-schema';
import { loadMessages, setLocale } from '../../src/i18n/i18n';
import { problemText } from '../../src/i18n/problem-text';
import { parseJsonSafely } from '../../src/io/safe-json';
import { enumFromCell } from '../../src/io/sheets/sheet-cells';
import { sheetFileProblem } from '../../src/io/sheets/sheet-problem-text';
import { describeProblem } from '../../src/state/io-messages';

/**
 * One problem shape: a code, its facts and its place. io builds codes, never words; the page words
 * them in the language it shows, so a problem built in English reads in Chinese after a switch.
 */

const issue = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error('expected a zod issue');
  return r.error.issues[0]!;
};

afterEach(async () => {
  await setLocale('en', { remember: false });
  await loadMessages();
});

describe('fromZodIssue', () => {
  it('maps zod issues to our codes, with the facts their messages need and where they were', () => {
    const title = z.object({ title: z.string().trim().min(1).max(5) });
    expect(fromZodIssue(issue(title, { title: '' }))).toEqual({ code: 'required', field: 'title' });
    expect(fromZodIssue(issue(title, { title: 'far too long' }), { sheet: 'Risks', row: 3 })).toMatchObject({
      code: 'too-long',
      params: { max: 5 },
      field: 'title',
      sheet: 'Risks',
      row: 3,
    });
    expect(fromZodIssue(issue(z.object({ s: z.enum(['a', 'b']) }), { s: 'c' }))).toMatchObject({
      code: 'not-one-of',
      params: { options: ['a', 'b'] },
      field: 's',
    });
    const other = fromZodIssue(issue(z.string().email(), 'nope'));
    expect(other.code).toBe('invalid');
    expect(typeof other.params?.schemaMessage).toBe('string');
  });
});

describe('a spreadsheet problem is a code until a person reads it', () => {
  it('a refused cell carries a code and its facts, with option values rather than labels', () => {
    const r = enumFromCell('Very high', treatmentOptions, 'risk.treatmentValue', true);
    expect(r).toEqual({
      ok: false,
      problem: { code: 'not-one-of', params: { value: 'Very high', options: treatmentOptions.map((value) => ({ prefix: 'risk.treatmentValue', value })) } },
    });
    // It crosses from the worker to the page as it is.
    expect(structuredClone(r)).toEqual(r);
  });

  it('reads as before, in the language of the page that shows it', async () => {
    const r = enumFromCell('Very high', treatmentOptions, 'risk.treatmentValue', true);
    if (r.ok) throw new Error('refused expected');
    expect(problemText(r.problem)).toBe('"Very high" is not one of: Modify (reduce), Avoid, Share (transfer), Retain (accept)');
    await setLocale('zh-CN', { remember: false });
    await loadMessages();
    expect(problemText(r.problem)).toBe('“Very high”不是以下选项之一：改变（降低）、规避、分担（转移）、保留（接受）');
  });

  it("a file's problem names its reason and its row, worded where it is described", async () => {
    const p = sheetFileProblem('csv-unclosed-quote', { file: 'broken.csv', record: 'broken' }, 'unclosed-quote', { row: 2 }, 2);
    expect(p).toEqual({ code: 'csv-unclosed-quote', params: { reason: 'unclosed-quote', row: 2 }, file: 'broken.csv', record: 'broken', row: 2 });
    const english = describeProblem(p);
    expect(english).toContain('row 2: a quoted field is never closed');
    await setLocale('zh-CN', { remember: false });
    await loadMessages();
    expect(describeProblem(p)).toContain('第 2 行：某个带引号的字段没有闭合');
  });

  it("a bundle file's facts are numbers until read, then in the reader's language", async () => {
    const r = parseJsonSafely('"abcdef"', { file: 'data/risks.json' }, { maxStringLength: 5 });
    if (r.ok) throw new Error('refused expected');
    expect(r.problems[0]).toEqual({ code: 'string-too-long', file: 'data/risks.json', params: { reason: 'text-length', length: 6, limit: 5 } });
    expect(describeProblem(r.problems[0]!)).toBe('data/risks.json: A text value is too long (length 6, limit 5).');
    await setLocale('zh-CN', { remember: false });
    await loadMessages();
    expect(describeProblem(r.problems[0]!)).toContain('长度 6，上限 5');
  });
});
