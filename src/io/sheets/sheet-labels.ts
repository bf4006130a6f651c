import { formerIn, hasMessage, locale, t, tOption, localeTablesRevision, messageIn, tableLocales } from '../words';

/**
 * The words of a workbook in every language. Register declarations keep one stable English header
 * per column and one English name per sheet; the message catalogue (src/i18n/<locale>/sheet-headers.ts)
 * gives each its translation under `sheetCol.<header>` and `sheetName.<sheet>`. An export writes the
 * UI's language; an import accepts any language whose strings are loaded (the worker loads them all
 * with loadLocaleTables), so a workbook exported in Chinese reads back with the UI in English, and the
 * other way round.
 */

/** A column header as the export writes it: in the active language (English where no translation exists). */
export const headerText = (english: string): string => tOption('sheetCol', english);

/** A sheet name as the export writes it. */
export const sheetNameText = (english: string): string => tOption('sheetName', english);

/** The distinct texts a message key has: `fallback` (the stable English) first, the UI's language, then every loaded table. */
function textsOf(key: string, fallback: string | undefined): string[] {
  const out = fallback === undefined ? [] : [fallback];
  if (hasMessage(key)) {
    const text = t(key);
    if (!out.includes(text)) out.push(text);
  }
  for (const l of tableLocales()) {
    const text = messageIn(l, key);
    if (text !== undefined && !out.includes(text)) out.push(text);
  }
  // Labels an earlier version wrote, last: a workbook sent out before a rewording still reads.
  for (const l of tableLocales()) for (const text of formerIn(l, key)) if (!out.includes(text)) out.push(text);
  return out;
}

/** Every text a header may have in a file: the stable English one first, then each translation. */
export const headerAliases = (english: string): string[] => textsOf(`sheetCol.${english}`, english);

/** Every name a sheet may have in a file. */
export const sheetNameAliases = (english: string): string[] => textsOf(`sheetName.${english}`, english);

/** Every text a message has across the loaded locales (none when no catalogue has it). */
export const messageAliases = (key: string): string[] => textsOf(key, undefined);

/** Every label an option has across the loaded locales (none when no catalogue has it). */
export const optionLabels = (prefix: string, value: string): string[] => textsOf(`${prefix}.${value}`, undefined);

/** The words for yes and no: exact texts (as exports write them) and lower-cased, in every loaded language. */
export interface YesNo {
  exactYes: ReadonlySet<string>;
  exactNo: ReadonlySet<string>;
  yes: ReadonlySet<string>;
  no: ReadonlySet<string>;
}

/**
 * What the strings a cache was built from depend on: the UI's language, whether its whole catalogue
 * had loaded (tested with `probe`, a key of that part), and the tables of every language.
 */
export interface StringsState {
  locale: string;
  loaded: boolean;
  revision: number;
}
export const stringsState = (probe: string): StringsState => ({ locale: locale(), loaded: hasMessage(probe), revision: localeTablesRevision() });
export const sameStrings = (a: StringsState | undefined, probe: string): boolean =>
  a !== undefined && a.locale === locale() && a.revision === localeTablesRevision() && a.loaded === hasMessage(probe);

let yesNoCache: { state: StringsState; words: YesNo } | undefined;

/** Built once per change of the strings, so a cell test is a set lookup. */
export function yesNoWords(): YesNo {
  if (sameStrings(yesNoCache?.state, 'sheets.yes')) return yesNoCache!.words;
  const state = stringsState('sheets.yes');
  const exactYes = new Set(['Yes', ...textsOf('sheets.yes', undefined)]);
  const exactNo = new Set(['No', ...textsOf('sheets.no', undefined)]);
  const lower = (s: ReadonlySet<string>) => new Set([...s].map((w) => w.trim().toLowerCase()));
  const words = { exactYes, exactNo, yes: lower(exactYes), no: lower(exactNo) };
  yesNoCache = { state, words };
  return words;
}

/** "Yes" / "No" as the export writes them, in the active language. */
export const yesText = (): string => t('sheets.yes');
export const noText = (): string => t('sheets.no');
