import { findMatrices, type Candidate, type ImportSource } from './ciso-locate';
import { finalParse, guessAcceptanceThreshold, MAX_ISSUES, own, readMatrix, type MatrixIssue } from './ciso-matrix';
import { cisoSourceSchema, LOCALE_CODE, type CisoSource, type Translations } from './ciso-source';
import { pickLocale, readTranslations, showIn, type UiLanguage } from './ciso-translations';
import type { RiskMatrix, ScaleLevel } from './risk-matrix';

export type { ImportSource } from './ciso-locate';
export type MatrixImport =
  | { ok: true; matrix: RiskMatrix; source: ImportSource; count: number; index: number; choices: string[]; thresholdFromWords: boolean; shown?: string }
  | { ok: false; issues: MatrixIssue[]; choices?: string[]; index?: number };

const str = (v: unknown, max: number): string | undefined => (typeof v === 'string' && v.length <= max ? v : undefined);

/** The library's own language: the file's `locale`, else the API record's, else English (CISO Assistant's default). */
function localeOf(c: Candidate): string {
  const l = c.context.locale;
  return typeof l === 'string' && LOCALE_CODE.test(l) ? l : 'en';
}

function origin(c: Candidate, locale: string, shown: string, translations: Translations | undefined): CisoSource | undefined {
  const urn = str(own(c.raw, 'urn'), 255);
  if (!urn) return undefined;
  const refId = str(own(c.raw, 'ref_id'), 100) ?? urn.split(':').at(-1) ?? '';
  const lib = c.context.library;
  const version = lib ? own(lib, 'version') : undefined;
  const library =
    lib && str(own(lib, 'urn'), 255)
      ? {
          urn: own(lib, 'urn') as string,
          refId: str(own(lib, 'ref_id'), 100) ?? refId,
          version: typeof version === 'number' ? version : Number.parseInt(String(version ?? '0'), 10) || 0,
          name: str(own(lib, 'name'), 200),
          description: str(own(lib, 'description'), 2000),
          provider: str(own(lib, 'provider'), 200),
          packager: str(own(lib, 'packager'), 100),
          copyright: str(own(lib, 'copyright'), 2000),
          translations: readTranslations(own(lib, 'translations')),
        }
      : undefined;
  const candidate = { urn, refId, locale, shown: shown === locale ? undefined : shown, translations, library };
  // Kept only whole: a half-kept origin would update the wrong matrix in CISO Assistant.
  const parsed = cisoSourceSchema.safeParse(JSON.parse(JSON.stringify(candidate)));
  return parsed.success ? parsed.data : undefined;
}

/** Every language key the matrix and its levels carry. */
function languages(fields: { probability: ScaleLevel[]; impact: ScaleLevel[]; risk: ScaleLevel[] }, own: Translations | undefined): string[] {
  const keys = new Set(Object.keys(own ?? {}));
  for (const l of [...fields.probability, ...fields.impact, ...fields.risk]) for (const k of Object.keys(l.translations ?? {})) keys.add(k);
  return [...keys];
}

function convert(c: Candidate, language: UiLanguage): { matrix: RiskMatrix; thresholdFromWords: boolean; shown?: string } | MatrixIssue[] {
  const { fields, issues } = readMatrix(c.raw, true);
  if (issues.length > 0) return issues.slice(0, MAX_ISSUES);
  const locale = localeOf(c);
  const matrixTranslations = readTranslations(own(c.raw, 'translations'));
  const shown = pickLocale(language, [locale, ...languages(fields, matrixTranslations)]) ?? locale;
  const head = showIn({ name: fields.name, description: fields.description }, matrixTranslations, locale, shown);
  const level = <L extends ScaleLevel>(l: L): L => {
    const { translations, ...texts } = l;
    const r = showIn(texts, translations, locale, shown);
    return (r.translations ? { ...r.texts, translations: r.translations } : r.texts) as L;
  };
  const shownFields = {
    ...fields,
    name: head.texts.name,
    description: head.texts.description,
    probability: fields.probability.map(level),
    impact: fields.impact.map(level),
    risk: fields.risk.map(level),
  };
  // The words that say "acceptable" are English: read the shown names, then any English translation.
  let threshold = guessAcceptanceThreshold(shownFields.risk);
  if (!threshold.guessed) {
    const english = fields.risk.map((l) => ({ name: l.name, description: l.description, ...(l.translations?.en ?? {}) }));
    threshold = guessAcceptanceThreshold(english.map((l) => ({ name: l.name ?? '', description: l.description ?? '' })));
  }
  const ciso = origin(c, locale, shown, head.translations);
  const { matrix, issues: late } = finalParse({ ...shownFields, acceptanceThreshold: threshold.index, ...(ciso ? { ciso } : {}) });
  if (!matrix) return late;
  return { matrix, thresholdFromWords: threshold.guessed, shown: shown === locale ? undefined : shown };
}

/** A name to pick a matrix by, in the UI language when the file has it; same names told apart by ref_id. */
function choiceNames(found: Candidate[], language: UiLanguage): string[] {
  const names = found.map((c, i) => {
    const t = readTranslations(own(c.raw, 'translations'));
    const key = pickLocale(language, Object.keys(t ?? {}));
    const name = (key ? t?.[key]?.name : undefined) ?? own(c.raw, 'name');
    return typeof name === 'string' && name.trim() ? name.trim().slice(0, 120) : `${i + 1}`;
  });
  return names.map((n, i) => {
    const ref = own(found[i]!.raw, 'ref_id');
    return names.indexOf(n) !== names.lastIndexOf(n) && typeof ref === 'string' ? `${n} (${ref.slice(0, 60)})` : n;
  });
}

/** Any matrix from outside, as parsed data; `index` picks one when the data holds several. Nothing is changed here: callers preview, then apply. */
export function matrixFromCiso(data: unknown, options: { language?: UiLanguage; index?: number } = {}): MatrixImport {
  const found = findMatrices(data);
  if (!Array.isArray(found)) return { ok: false, issues: [found] };
  const index = Math.min(Math.max(0, options.index ?? 0), found.length - 1);
  const chosen = found[index]!;
  const language = options.language ?? 'en';
  const result = convert(chosen, language);
  const choices = choiceNames(found, language);
  // With several matrices the picker stays, so another one can be chosen after a bad one.
  if (Array.isArray(result)) return { ok: false, issues: result, ...(found.length > 1 ? { choices, index } : {}) };
  return { ok: true, ...result, source: chosen.source, count: found.length, index, choices };
}
