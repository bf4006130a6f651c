import { en, type MessageKey, type Messages } from './messages-en';

export type { MessageKey };

const catalogs: Record<string, Messages> = { en };
let active: Messages = en;
let activeLocale = 'en';

export function setLocale(locale: string): void {
  active = catalogs[locale] ?? en;
  activeLocale = catalogs[locale] ? locale : 'en';
}

export function locale(): string {
  return activeLocale;
}

/** Looks a message up and fills its {named} parameters. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const template = active[key] ?? en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** For keys built from an enum value (`status.${value}`): typed at the call site through the field declaration. */
export function tOption(prefix: string, value: string): string {
  const key = `${prefix}.${value}` as MessageKey;
  return key in active ? t(key) : value;
}

export function formatDate(isoDate: string | null): string {
  if (!isoDate) return '';
  const d = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00` : isoDate);
  if (Number.isNaN(d.getTime())) return isoDate;
  return new Intl.DateTimeFormat(activeLocale, { year: 'numeric', month: 'short', day: 'numeric' }).format(d);
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
