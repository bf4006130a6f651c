import type { CisoSource, Texts, Translations } from './ciso-source';
import { cisoLocaleFor, forExport, type UiLanguage } from './ciso-translations';
import type { RiskMatrix, ScaleLevel } from './risk-matrix';

/**
 * A CISO Assistant library document holding one risk matrix, as its library upload takes it
 * (urn, locale, ref_id, name, version, objects): the caller writes it as YAML (or JSON, the
 * second choice). A matrix that came from CISO Assistant keeps its URN, ref_id, library and
 * languages, and its library version goes up by one, so uploading it updates that matrix there.
 * The acceptance threshold is not written: CISO Assistant has no such field and would drop it.
 */
const PACKAGER = 'aims-workbench';

export function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'risk-matrix'
  );
}

/** A colour for a likelihood or impact level that has none, green to red by position (CISO Assistant wants one on every level). */
export function rampColour(index: number, count: number): string {
  const hue = count > 1 ? 130 - (130 * index) / (count - 1) : 60;
  const [s, l] = [0.75, 0.72];
  const f = (n: number) => {
    const k = (n + hue / 30) % 12;
    const c = l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`.toUpperCase();
}

const clean = (t: Translations | undefined) => (t && Object.keys(t).length > 0 ? { translations: t } : {});
const textsOf = (l: ScaleLevel): Texts => ({ abbreviation: l.abbreviation, name: l.name, description: l.description });

function levels(list: readonly (ScaleLevel & { hexcolor?: string })[], source: Pick<CisoSource, 'locale' | 'shown'>) {
  return list.map((l, i) => {
    const { texts, translations } = forExport(textsOf(l), l.translations, source);
    // ids are positions: the grid and every rating here count levels by position.
    return {
      id: i,
      abbreviation: texts.abbreviation ?? '',
      name: texts.name ?? '',
      description: texts.description ?? '',
      hexcolor: l.hexcolor ?? rampColour(i, list.length),
      ...clean(translations),
    };
  });
}

export function toCisoLibrary(m: RiskMatrix, language: UiLanguage): Record<string, unknown> {
  const from = m.ciso;
  const ref = from?.refId ?? slug(m.name);
  const source = { locale: from?.locale ?? cisoLocaleFor(language), shown: from?.shown };
  const head = forExport({ name: m.name, description: m.description }, from?.translations, source);
  const matrixUrn = from?.urn ?? `urn:${PACKAGER}:risk:matrix:${ref}`;
  const lib = from?.library;
  const matrix = {
    urn: matrixUrn,
    ref_id: ref,
    name: head.texts.name ?? m.name,
    description: head.texts.description ?? '',
    ...clean(head.translations),
    probability: levels(m.probability, source),
    impact: levels(m.impact, source),
    risk: levels(m.risk, source),
    grid: m.grid.map((row) => [...row]),
  };
  const derived = matrixUrn.includes(':matrix:') ? matrixUrn.replace(':matrix:', ':library:') : `urn:${PACKAGER}:risk:library:${ref}`;
  return {
    urn: lib?.urn ?? derived,
    locale: source.locale,
    ref_id: lib?.refId ?? ref,
    name: lib?.name ?? matrix.name,
    description: lib?.description ?? matrix.description,
    ...(lib?.copyright ? { copyright: lib.copyright } : {}),
    version: (lib?.version ?? 0) + 1,
    ...(lib?.provider ? { provider: lib.provider } : {}),
    packager: lib?.packager ?? PACKAGER,
    ...clean(lib?.translations),
    // `risk_matrix` is the key every CISO Assistant release loads (newer ones also read `risk_matrices`).
    objects: { risk_matrix: [matrix] },
  };
}

export function cisoFileName(m: RiskMatrix, extension: 'yaml' | 'json'): string {
  return `${slug(m.ciso?.refId ?? m.name)}.${extension}`;
}
