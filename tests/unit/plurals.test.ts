import { afterEach, describe, expect, it } from 'vitest';
import { loadMessages, setLocale, t } from '../../src/i18n/i18n';
import { fillMessage, messageParams, MessageFormatError, pluralFree } from '../../src/i18n/message-format';
import { en } from '../../src/i18n/messages-en';
import { report } from '../../src/i18n/en/report';

const english = (n: number) => new Intl.NumberFormat('en').format(n);
const fill = (template: string, count: number | string) => fillMessage(template, { count }, 'en', english);

describe('plural blocks in a message', () => {
  afterEach(() => setLocale('en', { remember: false }));
  const risks = '{count, plural, one {# risk} other {# risks}} at level {level}';

  it('pick the English branch by the number and write it grouped', () => {
    expect(fillMessage(risks, { count: 0, level: 'High' }, 'en', english)).toBe('0 risks at level High');
    expect(fillMessage(risks, { count: 1, level: 'High' }, 'en', english)).toBe('1 risk at level High');
    expect(fillMessage(risks, { count: 2, level: 'High' }, 'en', english)).toBe('2 risks at level High');
    expect(fillMessage(risks, { count: 50000, level: 'High' }, 'en', english)).toBe('50,000 risks at level High');
  });

  it('take an exact =N branch first, and read a count given as text', () => {
    const days = '{count, plural, =0 {today} one {# day ago} other {# days ago}}';
    expect(fill(days, 0)).toBe('today');
    expect(fill(days, 1)).toBe('1 day ago');
    expect(fill(days, '1')).toBe('1 day ago');
    expect(fill(days, '1,200')).toBe('1,200 days ago');
    expect(fill(days, 1.5)).toBe('1.5 days ago');
  });

  it('leave a count not given visible, and a brace that is no parameter as text', () => {
    expect(fillMessage('{count, plural, one {# risk} other {# risks}}', {}, 'en', english)).toBe('{count} risks');
    expect(fillMessage('{ a } # {b}', { b: 1 }, 'en', english)).toBe('{ a } # 1');
  });

  it('write every number of a message with a plural block grouped, and a message without one as before', () => {
    const long = '{length, plural, one {# character} other {# characters}}; at most {max} fit';
    expect(fillMessage(long, { length: 20001, max: 20000 }, 'en', english)).toBe('20,001 characters; at most 20,000 fit');
    expect(fillMessage('row {row}', { row: 12000 }, 'en', english)).toBe('row 12000');
  });

  it('must have an "other" branch', () => {
    expect(() => messageParams('{count, plural, one {# risk}}')).toThrow(MessageFormatError);
    expect(() => messageParams('{count, plural, one {# risk} other {# risks}')).toThrow(MessageFormatError);
    expect(messageParams('{count, plural, one {# risk at {level}} other {# risks}} of {total}')).toEqual(['count', 'level', 'total']);
  });

  it('fill a real message in English and in Chinese (plain {count}, written grouped)', async () => {
    await loadMessages();
    expect(t('dashboard.risksAt', { count: 1, rating: 'High', level: 3 })).toBe('1 risk at High level 3');
    expect(t('dashboard.risksAt', { count: 50000, rating: 'High', level: 3 })).toBe('50,000 risks at High level 3');
    expect(t('mapping.import.risks', { count: 1 })).toBe('Import 1 risk');
    expect(t('dashboard.backupDays', { count: 1 })).toBe('1 day ago');
    expect(t('dashboard.openNonconformities', { count: 1 })).toBe('1 open nonconformity');
    expect(t('risks.count', { count: 1, total: 1 })).toBe('1 of 1 risk');
    expect(t('risks.count', { count: 2, total: 50000 })).toBe('2 of 50,000 risks');
    await setLocale('zh-CN', { remember: false });
    await loadMessages();
    expect(t('mapping.import.risks', { count: 1 })).toContain('1');
    expect(t('risks.count', { count: 2, total: 50000 })).toContain('50,000');
    expect(t('risks.count', { count: 2, total: 50000 })).not.toContain('#');
    expect(t('sheetProblem.tooLong', { length: 20001, max: 20000 })).toBe('文本长 20,001 个字符，最多只能容纳 20,000 个');
  });
});

/**
 * English nouns in the plural: a placeholder standing directly before one (perhaps after a word or
 * two such as "open" or "deleted") is a count whose noun must follow it through a plural block.
 */
const pluralNouns =
  'risks rows days weeks months years hours minutes records items controls levels cells files entries bytes bits characters times keys problems changes results tasks sheets columns matrices readings nonconformities incidents systems subcategories articles clauses iterations links names values mappings workspaces versions assessments objectives actions'.split(
    ' ',
  );
// The words between may be an adjective ("open", "deleted"), never a preposition ("{inProgress} only by items").
const between = '(?: (?!(?:by|of|in|to|for|from|with|and|or|after|before)\\b)[A-Za-z-]+){0,2}?';
const counted = new RegExp(`\\{(\\w+)\\}(${between} (?:${pluralNouns.join('|')}))\\b`, 'g');
/** Placeholders before such a noun that are no count. */
const notCounts = new Set(['io.detail.zipOverlap:name']);

describe('the English catalogue', () => {
  it('makes every counted noun agree with its number (a plural block, not "{count} risks")', () => {
    // The page's catalogue, and the table README.txt and report.html are written with.
    const wrong = Object.entries({ ...en, ...report }).flatMap(([key, text]) =>
      [...pluralFree(text).matchAll(counted)].filter((m) => !notCounts.has(`${key}:${m[1]}`)).map((m) => `${key}: {${m[1]}}${m[2]}`),
    );
    expect(wrong).toEqual([]);
  });

  it("leaves README.txt's and report.html's own table without plural blocks (io's fmt fills it, and reads none)", () => {
    expect(Object.entries(report).filter(([, text]) => text.includes(', plural,'))).toEqual([]);
  });

  it('has every plural block well formed (an "other" branch, closed)', () => {
    const bad: string[] = [];
    for (const [key, text] of Object.entries(en)) {
      try {
        messageParams(text);
      } catch (e) {
        bad.push(`${key}: ${(e as Error).message}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
