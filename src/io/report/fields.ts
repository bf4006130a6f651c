import { valueFields, type ValueField, type ValueKind } from '../../domain/register-values';
import type { HistoryTable } from '../../domain/history';
import type { RegisterDecl } from '../../domain/register';
import { t, valueText } from '../words';
import type { Report } from './context';
import { fmt } from './report-text';
import { html, table, text, type Html, type Part } from './html';

type RowsKind = Extract<ValueKind, { kind: 'rows' }>;
const isRows = (f: ValueField): f is ValueField & { value: RowsKind } => f.value.kind === 'rows';

/**
 * A register's declared fields that its records really have (the declaration also names fields
 * common to several registers), in declaration order, less those a section shows elsewhere.
 */
export function declaredFields(table: HistoryTable, shape: object, skip: readonly string[] = []): ValueField[] {
  return valueFields(table).filter((f) => f.key in shape && !skip.includes(f.key));
}

/** Kinds whose wording depends only on the stored value (and the report's language and matrix): worded once per value. */
const SCALAR_KINDS: ReadonlySet<ValueKind['kind']> = new Set(['choice', 'date', 'rating', 'number', 'flag']);
/** Lists worded by their values in order: choices, references (names fixed for the report). */
const LIST_KINDS: ReadonlySet<ValueKind['kind']> = new Set(['choices', 'refs']);

/** The key a value is worded under in `r.worded`, or undefined when it is worded each time. */
function wordingKey(kind: ValueKind, raw: unknown): string | number | undefined {
  if (SCALAR_KINDS.has(kind.kind)) return typeof raw === 'string' || typeof raw === 'number' ? raw : undefined;
  if (!LIST_KINDS.has(kind.kind) || !Array.isArray(raw)) return undefined;
  // Joined with a character no id or choice holds (a value that does hold it is worded each time); the count first, so [] and [''] differ.
  for (const v of raw as unknown[]) if (typeof v !== 'string' || v.includes('\u0000')) return undefined;
  return `${raw.length}\u0000${raw.join('\u0000')}`;
}

/** One value as the person knows it: a choice by its label, a rating by its level, a reference by ref and title. */
export function value(r: Report, kind: ValueKind, raw: unknown): Part {
  const key = wordingKey(kind, raw);
  const shown = key === undefined ? valueText(kind, raw, r.ctx) : worded(r, kind, key, raw);
  if (!shown) return html`<span class="muted">${r.l.m['report.none']}</span>`;
  return kind.kind === 'long' ? text(shown) : shown;
}

function worded(r: Report, kind: ValueKind, key: string | number, raw: unknown): string {
  let byValue = r.worded.get(kind);
  if (!byValue) r.worded.set(kind, (byValue = new Map()));
  let shown = byValue.get(key);
  if (shown === undefined) byValue.set(key, (shown = valueText(kind, raw, r.ctx)));
  return shown;
}

/**
 * A register with more records than this shows its overview table only, each record's fields being
 * left to the data file (and the workbook): 5,000 risks in full are about 14 MB of HTML, 50,000 about
 * 140 MB, which a browser opens slowly if at all, and which nobody reads card by card.
 */
export const CARD_LIMIT = 5_000;

/** Nested rows (an impact list, an audit checklist, review inputs) as a small table, one column per row field. */
export function rowsTable(r: Report, field: ValueField, raw: unknown, caption = true): Html | '' {
  const rows = rowsOf(raw);
  if (!isRows(field) || rows.length === 0) return '';
  const body = rows.map((row) => html`<tr>${field.value.fields.map((f) => html`<td>${value(r, f.value, row[f.key])}</td>`)}</tr>`);
  return table(
    field.value.fields.map((f) => t(f.label)),
    body,
    [],
    caption ? t(field.label) : undefined,
  );
}

export const rowsOf = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : [];

/**
 * A record's fields: short values side by side, then long text across, nested rows as tables below
 * (an empty list reads "—" among the fields). Every value is worded by the shared value-text.
 */
export function recordFields(r: Report, fields: readonly ValueField[], record: Record<string, unknown>): Html {
  const { ordered, tables } = layoutOf(r, fields);
  const items = ordered.map(({ field: f, label, wide }) => {
    if (isRows(f)) return rowsOf(record[f.key]).length > 0 ? '' : html`<div><dt>${label}</dt><dd>${value(r, { kind: 'text' }, '')}</dd></div>`;
    return html`<div${wide ? html` class="wide"` : ''}><dt>${label}</dt><dd>${value(r, f.value, record[f.key])}</dd></div>`;
  });
  return html`<dl class="fields">${items}</dl>${tables.map((f) => rowsTable(r, f, record[f.key]))}`;
}

interface Layout {
  /** Short values first, side by side; long text after, across: a record reads as its facts, then its prose. */
  ordered: { field: ValueField; label: string; wide: boolean }[];
  tables: ValueField[];
}

/**
 * How a list of fields is laid out, worked out once per list and report (a register's cards share
 * theirs) instead of once per record: the order, each label in the report's language, the nested-row tables.
 */
const layouts = new WeakMap<Report, WeakMap<readonly ValueField[], Layout>>();
function layoutOf(r: Report, fields: readonly ValueField[]): Layout {
  let known = layouts.get(r);
  if (!known) layouts.set(r, (known = new WeakMap()));
  let layout = known.get(fields);
  if (!layout) {
    const ordered = [...fields.filter((f) => f.value.kind !== 'long'), ...fields.filter((f) => f.value.kind === 'long')];
    layout = { ordered: ordered.map((f) => ({ field: f, label: t(f.label), wide: f.value.kind === 'long' })), tables: fields.filter(isRows) };
    known.set(fields, layout);
  }
  return layout;
}

/** Records in full, one card each under a heading of their own: the part of a register its overview table leaves out. */
export function recordCards(
  r: Report,
  heading: string,
  fields: readonly ValueField[],
  cards: readonly { title: Part; record: object }[],
  /** The bundle's data file that holds these records: named when they are too many to show in full. */
  file: string,
): Html {
  if (cards.length > CARD_LIMIT)
    return html`<h3>${heading}</h3><p class="note">${fmt(r.l.m['report.cardsLeftOut'], { count: r.l.n(cards.length), limit: r.l.n(CARD_LIMIT), file })}</p>`;
  return html`<h3>${heading}</h3>${cards.map((c) => html`<article class="record"><h4>${c.title}</h4>${recordFields(r, fields, c.record as Record<string, unknown>)}</article>`)}`;
}

/**
 * A register's overview table: the columns its declaration lists (as the app's list shows them),
 * the first as the row's header; derived values (a rating's level) as the matrix names them.
 */
export function overviewTable(r: Report, decl: Pick<RegisterDecl, 'fields' | 'derived' | 'list'>, records: readonly object[]): Html {
  const matrix = r.input.workspace.riskMatrix;
  const columns = decl.list.map((key) => {
    const d = decl.derived.find((x) => x.key === key);
    if (d) return { label: t(d.short ?? d.label), cell: (rec: Record<string, unknown>): Part => d.text(rec, matrix).text };
    const f = decl.fields.find((x) => x.key === key)!;
    return { label: t(f.short ?? f.label), cell: (rec: Record<string, unknown>): Part => value(r, f.value, rec[key]) };
  });
  const rows = records.map((rec) => {
    const row = rec as Record<string, unknown>;
    return html`<tr>${columns.map((c, i) => (i === 0 ? html`<th scope="row">${c.cell(row)}</th>` : html`<td>${c.cell(row)}</td>`))}</tr>`;
  });
  return table(
    columns.map((c) => c.label),
    rows,
  );
}
