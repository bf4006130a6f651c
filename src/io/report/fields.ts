import { valueFields, type ValueField, type ValueKind } from '../../domain/register-values';
import type { HistoryTable } from '../../domain/history';
import type { RegisterDecl } from '../../domain/register';
import { t, valueText } from '../words';
import type { Report } from './context';
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

/** One value as the person knows it: a choice by its label, a rating by its level, a reference by ref and title. */
export function value(r: Report, kind: ValueKind, raw: unknown): Part {
  const shown = valueText(kind, raw, r.ctx);
  if (!shown) return html`<span class="muted">${r.l.m['report.none']}</span>`;
  return kind.kind === 'long' ? text(shown) : shown;
}

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
  // Short values first, side by side; long text after, across: a record reads as its facts, then its prose.
  const ordered = [...fields.filter((f) => f.value.kind !== 'long'), ...fields.filter((f) => f.value.kind === 'long')];
  const items = ordered.map((f) => {
    const rows = isRows(f) ? rowsOf(record[f.key]) : [];
    if (isRows(f) && rows.length > 0) return '';
    const wide = f.value.kind === 'long';
    return html`<div${wide ? html` class="wide"` : ''}><dt>${t(f.label)}</dt><dd>${isRows(f) ? value(r, { kind: 'text' }, '') : value(r, f.value, record[f.key])}</dd></div>`;
  });
  const tables = fields.filter(isRows).map((f) => rowsTable(r, f, record[f.key]));
  return html`<dl class="fields">${items}</dl>${tables}`;
}

/** Records in full, one card each under a heading of their own: the part of a register its overview table leaves out. */
export function recordCards(r: Report, heading: string, fields: readonly ValueField[], cards: readonly { title: Part; record: object }[]): Html {
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
