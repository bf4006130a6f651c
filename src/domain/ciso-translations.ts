import { LOCALE_CODE, MAX_LANGUAGES, type CisoSource, type Texts, type Translations } from './ciso-source';

/**
 * CISO Assistant's `translations`: `{fr: {name, description}, de: {…}}` beside the texts in the
 * library's own `locale`. On import the UI language is shown when the file has it; the library's
 * own texts then move into `translations`, so nothing is lost and an export can give every
 * language back under the locale it came with.
 */
export type UiLanguage = 'en' | 'zh-CN';
const TEXT_KEYS = ['name', 'description', 'abbreviation'] as const;
const LIMITS: Record<(typeof TEXT_KEYS)[number], number> = { name: 200, description: 2000, abbreviation: 12 };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The code CISO Assistant uses for our UI languages (its locales are bare language codes). */
export function cisoLocaleFor(ui: UiLanguage): string {
  return ui === 'zh-CN' ? 'zh' : 'en';
}

/** Translations as found in a file: only language-code keys and texts within the stored limits; a number (an abbreviation `1`) is text. */
export function readTranslations(raw: unknown): Translations | undefined {
  if (!isRecord(raw)) return undefined;
  const out: Translations = {};
  for (const key of Object.keys(raw)
    .filter((k) => LOCALE_CODE.test(k))
    .slice(0, MAX_LANGUAGES)) {
    const entry = raw[key];
    if (!isRecord(entry)) continue;
    const texts: Texts = {};
    for (const field of TEXT_KEYS) {
      const value: unknown = Object.hasOwn(entry, field) ? entry[field] : undefined;
      const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
      if (typeof text === 'string' && text.length <= LIMITS[field]) texts[field] = text;
    }
    if (Object.keys(texts).length > 0) out[key] = texts;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The key of the file's texts in the UI language: `zh`, `zh-CN`, `zh_Hans`… for Chinese, `en`, `en-GB`… for English. */
export function pickLocale(ui: UiLanguage, keys: readonly string[]): string | undefined {
  const lang = ui === 'zh-CN' ? 'zh' : 'en';
  const norm = (k: string) => k.toLowerCase().replace('_', '-');
  const preferred = ui === 'zh-CN' ? ['zh-cn', 'zh-hans', 'zh-hans-cn', 'zh', 'zh-sg'] : ['en', 'en-gb', 'en-us'];
  for (const p of preferred) {
    const hit = keys.find((k) => norm(k) === p);
    if (hit) return hit;
  }
  return keys.find((k) => norm(k).split('-')[0] === lang && !/^zh-(tw|hk|mo|hant)/.test(norm(k)));
}

/** Texts to show in `shown` (falling back field by field to the own texts) and the translations left beside them. */
export function showIn<T extends Texts>(
  own: T,
  translations: Translations | undefined,
  locale: string,
  shown: string,
): { texts: T; translations: Translations | undefined } {
  if (shown === locale || !translations?.[shown]) return { texts: own, translations: without(translations, locale) };
  const picked = translations[shown];
  const texts = { ...own };
  const original: Texts = {};
  for (const field of TEXT_KEYS) {
    if (own[field] !== undefined) original[field] = own[field];
    if (picked[field] !== undefined && own[field] !== undefined) (texts as Texts)[field] = picked[field];
  }
  const rest = without(translations, shown) ?? {};
  // An API answer has lost the library's own texts already (translated in place): keep what the file says for `locale`.
  return { texts, translations: { [locale]: original, ...rest } };
}

function without(t: Translations | undefined, key: string): Translations | undefined {
  if (!t) return undefined;
  const rest = Object.fromEntries(Object.entries(t).filter(([k]) => k !== key));
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/**
 * For an export: the texts CISO Assistant holds in `locale` and the translations beside them.
 * When the names here are a translation (`shown`), the library's own texts come back from
 * `translations` and what is written here (edits included) becomes the `shown` translation.
 */
export function forExport(
  own: Texts,
  translations: Translations | undefined,
  source: Pick<CisoSource, 'locale' | 'shown'>,
): { texts: Texts; translations: Translations | undefined } {
  const shown = source.shown ?? source.locale;
  if (shown === source.locale) return { texts: own, translations: without(translations, source.locale) };
  const original = translations?.[source.locale] ?? {};
  const texts: Texts = {};
  for (const field of TEXT_KEYS) {
    const value = original[field] ?? own[field];
    if (value !== undefined) texts[field] = value;
  }
  return { texts, translations: { ...(without(translations, source.locale) ?? {}), [shown]: own } };
}
