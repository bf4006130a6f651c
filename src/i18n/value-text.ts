import { valueField, type RefTarget, type ValueField, type ValueKind } from '../domain/register-values';
import type { HistoryTable } from '../domain/history';
import type { RiskMatrix } from '../domain/risk-matrix';
import { formatDate, formatNumber, locale, t, tOption } from './i18n';

/**
 * Stored values as a person knows them, from the registers' one declaration
 * (`domain/register-values`): every view that shows a value (history, previews, merges, reports)
 * calls these, so none of them ever shows an id, an index or JSON.
 */

export interface ValueContext {
  /** The workspace's risk criteria, for ratings (level names, 1-based). */
  matrix?: RiskMatrix;
  /** A record's human name ("R-002 Title", a system's name, "4.1 Title"); undefined when it no longer exists. */
  nameOf(target: RefTarget, id: string): string | undefined;
}

// One formatter per language: a list of 10,000 records words a value per row.
const listFormats = new Map<string, Intl.ListFormat>();
const list = (values: string[]): string => {
  // A list of one is that one (in every language); most records link one or two: no formatter needed.
  if (values.length < 2) return values[0] ?? '';
  const l = locale();
  let f = listFormats.get(l);
  if (!f) listFormats.set(l, (f = new Intl.ListFormat(l, { type: 'conjunction' })));
  return f.format(values);
};
const isTruncated = (v: unknown): v is { $truncated: string } =>
  typeof v === 'object' && v !== null && typeof (v as { $truncated?: unknown }).$truncated === 'string';

function refText(target: RefTarget, id: unknown, ctx: ValueContext): string {
  if (typeof id !== 'string') return '';
  // A clause or control number means something on its own, with or without the catalog's title.
  return ctx.nameOf(target, id) ?? (target === 'items' ? id : t('history.value.deleted'));
}

function ratingText(scale: 'probability' | 'impact', v: unknown, ctx: ValueContext): string {
  if (typeof v !== 'number') return '';
  const level = ctx.matrix?.[scale][v];
  // Level numbers count from 1, as on the matrix; a rating the matrix no longer has keeps its number.
  return level ? t('history.value.rating', { n: v + 1, name: level.name }) : String(v + 1);
}

/** One value of a field as text ('' for nothing). Unknown shapes never show as JSON: text stays text, the rest is summarised. */
export function valueText(kind: ValueKind | undefined, value: unknown, ctx: ValueContext): string {
  if (value === null || value === undefined || value === '') return '';
  // A cut text reads as its beginning; any other cut value was cut in its JSON, which nobody reads.
  if (isTruncated(value)) {
    const cut = value.$truncated;
    if (kind?.kind === 'image') return imageText(cut);
    const isText = kind === undefined ? !/^[[{]/.test(cut) : kind.kind === 'text' || kind.kind === 'long';
    return isText ? `${cut}…` : t('history.value.clipped');
  }
  switch (kind?.kind) {
    case 'choice':
      return typeof value === 'string' ? tOption(kind.optionPrefix, value) : '';
    case 'choices':
      return Array.isArray(value) ? list(value.map((v) => tOption(kind.optionPrefix, String(v)))) : '';
    case 'date':
      return typeof value === 'string' ? formatDate(value) : '';
    case 'number':
      return typeof value === 'number' ? formatNumber(value) : '';
    case 'flag':
      return value === true ? t('history.value.yes') : value === false ? t('history.value.no') : '';
    case 'rating':
      return ratingText(kind.scale, value, ctx);
    case 'ref':
      return refText(kind.target, value, ctx);
    case 'refs':
      return Array.isArray(value) ? list(value.map((id) => refText(kind.target, id, ctx))) : '';
    case 'rows':
      return Array.isArray(value) ? list(value.map((row, i) => rowName(kind, row, i, ctx))) : '';
    case 'source-impact':
      return typeof value === 'object' && value !== null ? refText('impactAssessments', (value as { assessmentId?: unknown }).assessmentId, ctx) : '';
    case 'matrix': {
      const m = value as Partial<RiskMatrix>;
      return t('history.value.matrix', {
        name: String(m.name ?? ''),
        likelihoods: m.probability?.length ?? 0,
        impacts: m.impact?.length ?? 0,
        levels: m.risk?.length ?? 0,
      });
    }
    case 'image':
      return typeof value === 'object' ? imageText(JSON.stringify(value)) : '';
    case 'field-names': {
      const table = kind.table;
      return Array.isArray(value)
        ? list(
            value.map((k) => {
              const label = valueField(table, String(k))?.label;
              return label ? t(label) : String(k);
            }),
          )
        : '';
    }
    default:
      if (typeof value === 'string') return value;
      if (typeof value === 'number') return formatNumber(value);
      if (typeof value === 'boolean') return value ? t('history.value.yes') : t('history.value.no');
      return Array.isArray(value) ? t('history.value.rows', { count: value.length }) : '';
  }
}

/**
 * A stored image by its file name and format, read from the start of its JSON (a history entry keeps
 * only the start of a long value; the logo's name and type are written before its data).
 */
function imageText(json: string): string {
  const field = (key: string): string => {
    const m = new RegExp(`"${key}":"((?:[^"\\\\]|\\\\.)*)"`).exec(json);
    if (!m) return '';
    try {
      return String(JSON.parse(`"${m[1]}"`));
    } catch {
      return '';
    }
  };
  const type = field('mediaType')
    .replace(/^image\//, '')
    .toUpperCase();
  return t('history.value.image', { name: field('fileName') || t('history.value.imageUnnamed'), type: type || '?' });
}

/** How one nested row is named: by its naming field ("Fairness"), else its position ("row 2"). */
export function rowName(kind: Extract<ValueKind, { kind: 'rows' }>, row: unknown, index: number, ctx: ValueContext): string {
  const r = (typeof row === 'object' && row !== null ? row : {}) as Record<string, unknown>;
  const named = kind.name ? kind.fields.find((x) => x.key === kind.name) : undefined;
  const text = named ? valueText(named.value, r[named.key], ctx).split('\n')[0]!.slice(0, 80) : '';
  return text ? `${t('history.rowN', { n: index + 1 })} “${text}”` : t('history.rowN', { n: index + 1 });
}

/** A field's label as the editor shows it; a field nothing declares keeps its name (never seen for declared registers). */
export function fieldLabelOf(table: HistoryTable, field: string): string {
  const def = valueField(table, field);
  return def ? t(def.label) : field;
}

/** A field's value in a register as text. */
export function fieldValueText(table: HistoryTable, field: string, value: unknown, ctx: ValueContext): string {
  return valueText(valueField(table, field)?.value, value, ctx);
}

/**
 * What changed inside a field of nested rows, one sentence per row: added, removed, or which of
 * its fields went from what to what. Rows are matched by their ids.
 */
export function rowChanges(field: ValueField, before: unknown, after: unknown, ctx: ValueContext): string[] {
  if (field.value.kind !== 'rows') return [];
  const kind = field.value;
  const rows = (v: unknown) => (Array.isArray(v) ? (v.filter((r) => typeof r === 'object' && r !== null) as Record<string, unknown>[]) : []);
  const old = rows(before);
  const now = rows(after);
  const oldById = new Map(old.map((r, i) => [String(r.id ?? `#${i}`), { r, i }]));
  const label = t(field.label);
  const out: string[] = [];
  now.forEach((r, i) => {
    const id = String(r.id ?? `#${i}`);
    const was = oldById.get(id);
    if (!was) {
      out.push(t('history.rowAdded', { field: label, row: rowName(kind, r, i, ctx) }));
      return;
    }
    oldById.delete(id);
    const diffs = kind.fields
      .filter((x) => JSON.stringify(was.r[x.key] ?? null) !== JSON.stringify(r[x.key] ?? null))
      .map((x) =>
        t('history.fieldChange', {
          field: t(x.label),
          before: valueText(x.value, was.r[x.key], ctx) || t('history.emptyValue'),
          after: valueText(x.value, r[x.key], ctx) || t('history.emptyValue'),
        }),
      );
    if (diffs.length) out.push(t('history.rowChanged', { field: label, row: rowName(kind, r, i, ctx), changes: diffs.join('; ') }));
  });
  for (const { r, i } of oldById.values()) out.push(t('history.rowRemoved', { field: label, row: rowName(kind, r, i, ctx) }));
  return out;
}
