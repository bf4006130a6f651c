import type { Locale, MessageKey } from './i18n';

/**
 * Every locale's whole catalogue side by side, for reading files written in any language (a
 * workbook exported in Chinese, imported with the UI in English). Kept out of i18n.ts so the first
 * screen does not carry it: only the spreadsheet worker (and tests) import it. The chunks are the ones
 * i18n.ts loads, so nothing is fetched twice. Not the UI's strings: `t()` still gives those.
 */
type Table = Partial<Record<MessageKey, string>>;

/** Each locale's whole catalogue (a Record over Locale: a new locale cannot be forgotten here). */
const loaders: Record<Locale, () => Promise<Table>> = {
  en: () => import('./messages-en').then((m) => m.en),
  'zh-CN': () => import('./messages-zh-CN').then((m) => m.zhCN),
};

export const tableLocales = Object.keys(loaders) as Locale[];

let tables: Partial<Record<Locale, Table>> = {};
let revision = 0;
let loading: Promise<void> | null = null;

/** Loads every locale's catalogue (once; a failed chunk may be retried). */
export function loadLocaleTables(): Promise<void> {
  loading ??= Promise.all(
    tableLocales.map((l) =>
      loaders[l]().then((table) => {
        tables = { ...tables, [l]: table };
        revision += 1;
      }),
    ),
  ).then(() => undefined);
  loading.catch(() => (loading = null));
  return loading;
}

/**
 * The message for a key in a given locale, whatever the UI's: that locale's string, else the English
 * one, else undefined (not loaded yet, or no such key). No {params} are filled.
 */
export function messageIn(l: Locale, key: string): string | undefined {
  const k = key as MessageKey;
  return (l === 'en' ? undefined : tables[l]?.[k]) ?? tables.en?.[k];
}

/** Changes whenever a table arrives: caches built from these strings compare it. */
export function localeTablesRevision(): number {
  return revision;
}
