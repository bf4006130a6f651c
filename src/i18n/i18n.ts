import { core } from './en/core';
import type { MessageKey } from './messages-en';

export type { MessageKey };

/**
 * The first screen carries only the core strings; the rest of the catalogue (every register,
 * exchange and mapping string) is one lazy chunk that the pages needing it await through
 * `loadMessages` before they render. Keys stay typed over the whole catalogue.
 */
let active: Partial<Record<MessageKey, string>> = core;
let loading: Promise<void> | null = null;
let activeLocale = 'en';
const reported = new Set<string>();

export function loadMessages(): Promise<void> {
  loading ??= import('./messages-en').then((m) => {
    active = m.en;
  });
  return loading;
}

export function hasMessage(key: string): key is MessageKey {
  return key in active;
}

export function locale(): string {
  return activeLocale;
}

/** Looks a message up and fills its {named} parameters. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const template = active[key];
  if (template === undefined) {
    // A page used a key before its messages loaded: show the key, and say so once (the e2e suite fails on console errors).
    if (!reported.has(key)) console.error(`message "${key}" is not loaded`);
    reported.add(key);
    return key;
  }
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
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
  return new Intl.DateTimeFormat(activeLocale, { year: 'numeric', month: 'short', day: 'numeric' }).format(d);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(activeLocale, { maximumFractionDigits: 4 }).format(value);
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  const n = new Intl.NumberFormat(activeLocale, { maximumFractionDigits: v < 10 && u > 0 ? 1 : 0 }).format(v);
  return `${n} ${units[u]}`;
}
