import type { Locale } from '../../i18n/i18n';
import { words, type ReportMessages } from '../words';

/**
 * The language of a bundle's README.txt and report.html: the UI language chosen when exporting.
 * Both tables are small and live only in the export worker's chunk, never in the page's catalogue
 * (src/state/io-words.ts hands them to io).
 * The bundle's data files stay language-neutral; only these two human-readable files follow it.
 */
export type { ReportMessages };

/** The tables come with the words io's caller supplies (io/words.ts). */
export function reportMessages(locale: Locale): ReportMessages {
  return words().reportMessages(locale);
}

/** Fills {named} parameters, like i18n's t(): a translation moves them to wherever its word order needs them. */
export function fmt(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * An export timestamp in the reader's language, always in UTC (the report knows no reader's time
 * zone, and the output must not depend on the exporting machine's). Not a timestamp: shown as is.
 */
export function formatStamp(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(d);
}

/** A calendar date (YYYY-MM-DD) as the UI shows it; read and written in UTC so that no day shifts. Anything else: as is. */
export function formatDay(isoDate: string, locale: Locale): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return isoDate;
  const d = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  let f = dayFormats.get(locale);
  if (!f) dayFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })));
  return f.format(d);
}

/** One formatter per language: making one costs far more than using it, and the report formats values per record. */
const dayFormats = new Map<Locale, Intl.DateTimeFormat>();
const countFormats = new Map<Locale, Intl.NumberFormat>();

export function formatCount(value: number, locale: Locale): string {
  let f = countFormats.get(locale);
  if (!f) countFormats.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 })));
  return f.format(value);
}

/**
 * Columns a character takes in a monospaced plain-text viewer: East Asian wide and fullwidth
 * characters take two, so a README's underline matches its Chinese title.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch,
      )
        ? 2
        : 1;
  return width;
}
