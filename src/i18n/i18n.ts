import { core } from './en/core';
import { fillMessage, hasPlural } from './message-format';
import type { MessageKey } from './messages-en';

export type { MessageKey };

/** The UI languages. English is built in (its core strings are static); every other locale loads on demand. */
export const locales = ['en', 'zh-CN'] as const;
export type Locale = (typeof locales)[number];

type Table = Partial<Record<MessageKey, string>>;

/** Where the chosen language is remembered, per browser. */
export const LOCALE_STORAGE_KEY = 'aims.locale';

/**
 * The first screen carries only the English core strings; the rest of the catalogue (every register,
 * exchange and mapping string) is one lazy chunk that the pages needing it await through
 * `loadMessages` before they render. Keys stay typed over the whole catalogue.
 *
 * Another locale is two lazy chunks of its own: its core strings (loaded by `setLocale`) and the rest
 * (loaded with `loadMessages`). Its strings lie over the English ones, so a key it lacks shows in
 * English, never as a raw key.
 */
let english: Table = core;
let translated: Partial<Record<Locale, Table>> = {};
let active: Table = core;
let activeLocale: Locale = 'en';
let englishLoading: Promise<void> | null = null;
let fullRequested = false;
let switchSeq = 0;
const reported = new Set<string>();

/**
 * How a rendered page learns that the strings changed: every lookup reads the signal and every change
 * of the table fires it, so a t() reached from markup, a $derived or an $effect runs again after a
 * language switch (no remount). Nothing listens by default (a worker, a test in Node): the page
 * installs a Svelte signal (locale-signal.svelte.ts), so this module stays plain TypeScript that a
 * worker's build (without the Svelte compiler) bundles too.
 */
export interface LocaleSignal {
  read(): void;
  changed(): void;
}
let signal: LocaleSignal = { read: () => {}, changed: () => {} };
export function followLocale(s: LocaleSignal): void {
  signal = s;
}

/** Each translated locale: its core strings, and the whole catalogue (core included). */
const packs: Record<Exclude<Locale, 'en'>, { core: () => Promise<Table>; all: () => Promise<Table> }> = {
  'zh-CN': {
    core: () => import('./zh-CN/core').then((m) => m.core),
    all: () => import('./messages-zh-CN').then((m) => m.zhCN),
  },
};
const packLoading = new Map<string, Promise<void>>();

function rebuild(): void {
  const over = activeLocale === 'en' ? undefined : translated[activeLocale];
  active = over ? { ...english, ...over } : english;
  signal.changed();
}

function loadPack(l: Locale, part: 'core' | 'all'): Promise<void> {
  if (l === 'en') return Promise.resolve();
  const id = `${l}:${part}`;
  let p = packLoading.get(id);
  if (!p) {
    p = packs[l][part]().then((table) => {
      translated = { ...translated, [l]: { ...translated[l], ...table } };
      if (l === activeLocale) rebuild();
    });
    packLoading.set(id, p);
    // A failed chunk (offline before it was cached) may be retried later.
    p.catch(() => packLoading.delete(id));
  }
  return p;
}

export function loadMessages(): Promise<void> {
  fullRequested = true;
  englishLoading ??= import('./messages-en').then((m) => {
    english = m.en;
    rebuild();
  });
  return Promise.all([englishLoading, loadPack(activeLocale, 'all')]).then(() => undefined);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * Switches the UI language: loads that locale's strings (its core, and the rest too if the full
 * catalogue was already asked for), makes it active, sets the page's lang attribute and, unless told
 * not to, remembers the choice in this browser. Calls overlapping in time: the last one wins.
 */
export async function setLocale(l: Locale, options: { remember?: boolean } = {}): Promise<void> {
  const seq = ++switchSeq;
  await loadPack(l, 'core');
  if (fullRequested) await Promise.all([loadMessages(), loadPack(l, 'all')]);
  if (seq !== switchSeq) return;
  activeLocale = l;
  rebuild();
  if (typeof document !== 'undefined') document.documentElement.lang = l;
  if (options.remember !== false) writeStoredLocale(l);
}

function readStoredLocale(): Locale | null {
  try {
    const v = typeof localStorage === 'undefined' ? null : localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(v) ? v : null;
  } catch {
    return null; // storage blocked: no remembered choice
  }
}

function writeStoredLocale(l: Locale): void {
  try {
    if (typeof localStorage !== 'undefined') localStorage.setItem(LOCALE_STORAGE_KEY, l);
  } catch {
    // storage blocked: the choice holds for this visit only
  }
}

/** The remembered choice or, the first time, the browser's preferred language (Chinese → zh-CN, else English). */
export function preferredLocale(): Locale {
  const stored = readStoredLocale();
  if (stored) return stored;
  if (typeof navigator === 'undefined') return 'en';
  const wanted = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of wanted) {
    const lower = (tag ?? '').toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

/** Applies the preferred locale at start-up without writing it down (only an explicit choice is remembered). */
export function applyPreferredLocale(): Promise<void> {
  const l = preferredLocale();
  return l === activeLocale ? Promise.resolve() : setLocale(l, { remember: false });
}

export function hasMessage(key: string): key is MessageKey {
  signal.read();
  return key in active;
}

export function locale(): Locale {
  signal.read();
  return activeLocale;
}

/**
 * Looks a message up and fills its {named} parameters; a count's wording follows its number through a
 * plural block, `{count, plural, one {# risk} other {# risks}}` (message-format.ts): pass the count as
 * a number, `#` writes it grouped as the reader does ("50,000").
 */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  signal.read();
  const template = active[key];
  if (template === undefined) {
    // A page used a key before its messages loaded: show the key, and say so once (the e2e suite fails on console errors).
    if (!reported.has(key)) console.error(`message "${key}" is not loaded`);
    reported.add(key);
    return key;
  }
  if (!params) return template;
  return fillMessage(template, activeLocale === 'en' ? params : numbersWritten(key, template, params), activeLocale, formatNumber);
}

/**
 * A language without plural forms (Chinese) writes a count as a plain `{count}`: in a message whose
 * English has a plural block, its numbers are written as the reader writes them there too ("50,000 个风险").
 */
function numbersWritten(key: MessageKey, template: string, params: Record<string, string | number>): Record<string, string | number> {
  const source = english[key];
  if (source === undefined || hasPlural(template) || !hasPlural(source)) return params;
  const out: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(params)) out[name] = typeof v === 'number' ? formatNumber(v) : v;
  return out;
}

/** For keys built from an enum value (`status.${value}`): typed at the call site through the field declaration. */
export function tOption(prefix: string, value: string): string {
  const key = `${prefix}.${value}` as MessageKey;
  return hasMessage(key) ? t(key) : value;
}

export function formatDate(isoDate: string | null): string {
  if (!isoDate) return '';
  const d = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00` : isoDate);
  if (Number.isNaN(d.getTime())) return isoDate;
  return intlFormat(`date:${locale()}`, () => new Intl.DateTimeFormat(locale(), { year: 'numeric', month: 'short', day: 'numeric' })).format(d);
}

/**
 * One Intl formatter per language and options, made on first use: making one costs far more than
 * formatting with it, and a report or list of 10,000 risks formats a date per row (3 s of a bundle export).
 */
const intlFormats = new Map<string, { format: (v: never) => string }>();
export function intlFormat<F extends { format: (v: never) => string }>(key: string, make: () => F): F {
  let f = intlFormats.get(key) as F | undefined;
  if (!f) intlFormats.set(key, (f = make()));
  return f;
}

export function formatNumber(value: number): string {
  return intlFormat(`number:${locale()}`, () => new Intl.NumberFormat(locale(), { maximumFractionDigits: 4 })).format(value);
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  const digits = v < 10 && u > 0 ? 1 : 0;
  const n = intlFormat(`bytes:${digits}:${locale()}`, () => new Intl.NumberFormat(locale(), { maximumFractionDigits: digits })).format(v);
  return `${n} ${units[u]}`;
}
