import type { Locale, MessageKey } from '../i18n/i18n';
import type { report as reportEn } from '../i18n/en/report';
import type { riskFlagText as RiskFlagText } from '../i18n/risk-flag-text';
import type { recordNames as RecordNames } from '../i18n/value-context';
import type { valueText as ValueText } from '../i18n/value-text';

/** The small table of README.txt and report.html, in one language. */
export type ReportMessages = { readonly [K in keyof typeof reportEn]: string };

/**
 * The words io writes where a person reads them (report.html, README.txt, a workbook's headers and
 * choice labels) and reads back (headers and labels in any language), supplied by its caller:
 * src/state/io-words.ts builds them from src/i18n and installs them in the page, in each worker and
 * in tests. io never imports the message catalogue; its problems are codes (domain/problem.ts).
 */
export interface Words {
  locale(): Locale;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  has(key: string): key is MessageKey;
  option(prefix: string, value: string): string;
  formatBytes(bytes: number): string;
  /** The languages whose header and label tables can be read, and one message in each (an import reads any of them). */
  tableLocales(): readonly Locale[];
  messageIn(l: Locale, key: string): string | undefined;
  /** What a key read in earlier versions of the app (reworded labels an older workbook still carries); read, never written. */
  formerIn(l: Locale, key: string): readonly string[];
  /** Changes when another language's tables arrive, so cached lookups are rebuilt. */
  tablesRevision(): number;
  /** The small tables of README.txt and report.html, in the export's language. */
  reportMessages(l: Locale): ReportMessages;
  valueText: typeof ValueText;
  recordNames: typeof RecordNames;
  riskFlagText: typeof RiskFlagText;
}

let installed: Words | undefined;

/** Called once by the caller (state, a worker entry, the tests' setup) before io words anything. */
export function installWords(w: Words): void {
  installed = w;
}

export function words(): Words {
  if (!installed) throw new Error('io: no words installed (src/state/io-words.ts installs them)');
  return installed;
}

// The calls io makes, under the names it has always used, so each file reads as before.
export const locale = (): Locale => words().locale();
export const t = (key: MessageKey, params?: Record<string, string | number>): string => words().t(key, params);
export const hasMessage = (key: string): key is MessageKey => words().has(key);
export const tOption = (prefix: string, value: string): string => words().option(prefix, value);
export const formatBytes = (bytes: number): string => words().formatBytes(bytes);
export const tableLocales = (): readonly Locale[] => words().tableLocales();
export const messageIn = (l: Locale, key: string): string | undefined => words().messageIn(l, key);
export const formerIn = (l: Locale, key: string): readonly string[] => words().formerIn(l, key);
export const localeTablesRevision = (): number => words().tablesRevision();
export const reportMessages = (l: Locale): ReportMessages => words().reportMessages(l);
export const valueText: typeof ValueText = (kind, value, ctx) => words().valueText(kind, value, ctx);
export const recordNames: typeof RecordNames = (records) => words().recordNames(records);
export const riskFlagText: typeof RiskFlagText = (flag, ev, matrix) => words().riskFlagText(flag, ev, matrix);
