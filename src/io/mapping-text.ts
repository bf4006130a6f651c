import { t, type MessageKey } from '../i18n/i18n';
import { mapping } from '../i18n/en/mapping';
import { en } from '../i18n/messages-en';

export type MappingMessageKey = keyof typeof mapping;

/**
 * The mapping wizard's messages, looked up through the app catalogue (so a translation replaces
 * them) and, until the catalogue carries them, straight from ./en/mapping.
 */
export function tm(key: MappingMessageKey, params?: Record<string, string | number>): string {
  if (key in en) return t(key as unknown as MessageKey, params);
  const template: string = mapping[key];
  return params ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : template;
}

/**
 * Headers compare without case, punctuation, symbols, spaces or width: "Due-Date", "due date" and
 * "ＤＵＥ　ＤＡＴＥ" are one header; "AI 系统" is "ai系统". NFKC first, so full-width forms fold.
 */
export function normHeader(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, '');
}

/** A cell value as the key of a value map: NFKC, trimmed, lower case, inner spaces collapsed. */
export function normValue(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}
