import { z } from 'zod';

/** A calendar date as typed in a date field: YYYY-MM-DD, no time zone. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a real date');

export const timestampSchema = z.iso.datetime();

/** Today in the user's local calendar, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** ISO dates compare correctly as strings. */
export function isBefore(date: string, today: string): boolean {
  return date < today;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The same day `months` later (earlier when negative), clamped to the last day of a shorter month:
 * 31 January + 1 month is 28 (or 29) February, never 3 March. Pure calendar arithmetic, no time zone.
 */
export function addMonths(date: string, months: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) throw new RangeError(`not a date: ${JSON.stringify(date)}`);
  if (!Number.isInteger(months)) throw new RangeError(`not a whole number of months: ${months}`);
  const index = year * 12 + (month - 1) + months;
  const toYear = Math.floor(index / 12);
  const toMonth = index - toYear * 12 + 1;
  if (toYear < 0 || toYear > 9999) throw new RangeError(`${date} + ${months} months is outside the years 0000–9999`);
  return `${pad(toYear, 4)}-${pad(toMonth)}-${pad(Math.min(day, daysIn(toYear, toMonth)))}`;
}
