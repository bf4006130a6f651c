import { afterEach, describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatNumber, setLocale } from '../../src/i18n/i18n';
import { formatCount, formatDay } from '../../src/io/report/report-text';

// Making an Intl formatter costs far more than formatting with it: a report of 10,000 risks formatted
// a date per row with a new one each time (3 s of a bundle export). Each language's formatter is made once.
describe('dates and numbers are formatted with one formatter per language', () => {
  const real = { DateTimeFormat: Intl.DateTimeFormat, NumberFormat: Intl.NumberFormat };
  afterEach(async () => {
    Object.assign(Intl, real);
    await setLocale('en', { remember: false });
  });

  /** Counts the formatters made of each kind from now on. */
  function count() {
    const made = { dates: 0, numbers: 0 };
    Object.assign(Intl, {
      DateTimeFormat: class extends real.DateTimeFormat {
        constructor(...a: ConstructorParameters<typeof Intl.DateTimeFormat>) {
          super(...a);
          made.dates += 1;
        }
      },
      NumberFormat: class extends real.NumberFormat {
        constructor(...a: ConstructorParameters<typeof Intl.NumberFormat>) {
          super(...a);
          made.numbers += 1;
        }
      },
    });
    return made;
  }

  it('the UI formats many dates, numbers and sizes with a formatter made once per language', async () => {
    const made = count();
    const days = Array.from({ length: 50 }, (_, i) => `2026-03-${String((i % 28) + 1).padStart(2, '0')}`);
    const words = days.map((d) => formatDate(d));
    for (let i = 0; i < 50; i++) formatNumber(i / 3);
    for (let i = 0; i < 50; i++) formatBytes(1536 * i);
    expect(words[0]).toBe('Mar 1, 2026');
    expect(formatNumber(2 / 3)).toBe('0.6667');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(made.dates).toBeLessThanOrEqual(1);
    // formatNumber's formatter and formatBytes' two (with and without a decimal).
    expect(made.numbers).toBeLessThanOrEqual(3);

    await setLocale('zh-CN', { remember: false });
    expect(formatDate('2026-03-01')).toBe('2026年3月1日');
    expect(formatDate('2026-03-02')).toBe('2026年3月2日');
    expect(made.dates).toBeLessThanOrEqual(2);
  });

  it('report.html formats many days and counts with a formatter made once per language', () => {
    const made = count();
    const out = Array.from({ length: 50 }, (_, i) => formatDay(`2026-01-${String((i % 28) + 1).padStart(2, '0')}`, 'en'));
    for (let i = 0; i < 50; i++) formatCount(i, 'zh-CN');
    expect(out[1]).toBe('Jan 2, 2026');
    expect(formatDay('2026-01-02', 'zh-CN')).toBe('2026年1月2日');
    expect(formatCount(1234.5, 'en')).toBe('1,234.5');
    expect(made.dates).toBeLessThanOrEqual(2);
    expect(made.numbers).toBeLessThanOrEqual(2);
  });
});
