import { kindLabel, type CycleKind } from '../domain/cycle/registry';
import type { HistoryAction, HistoryChange, HistoryEntry, HistoryTable } from '../domain/history';
import { entryKind } from '../domain/history-filter';
import { kindValueFields, valueField, type ValueField } from '../domain/register-values';
import { locale, t, type MessageKey } from '../i18n/i18n';
import { rowChanges, valueText, type ValueContext } from './value-text';

/**
 * What only the history says: actions, registers, who and when, and each change of an entry as a
 * line. Values are worded by the shared `value-text` from the registers' one declaration.
 */

export const ACTION_LABEL: Record<HistoryAction, MessageKey> = {
  create: 'history.action.create',
  update: 'history.action.update',
  delete: 'history.action.delete',
  restore: 'history.action.restore',
  import: 'history.action.import',
};

export const TABLE_LABEL: Record<HistoryTable | 'evidenceFiles', MessageKey> = {
  workspaces: 'history.table.workspaces',
  assessments: 'history.table.assessments',
  evidence: 'history.table.evidence',
  evidenceFiles: 'history.table.evidence',
  aiSystems: 'history.table.aiSystems',
  risks: 'history.table.risks',
  ownControls: 'history.table.ownControls',
  impactAssessments: 'history.table.impactAssessments',
  cycleRecords: 'history.table.cycleRecords',
};

/** The register an entry's record belongs to, a management-system record by its kind ("Objective"). */
export function registerText(entry: Pick<HistoryEntry, 'table' | 'label'>): string {
  const kind = entryKind(entry);
  return kind ? t(kindLabel(kind)) : t(TABLE_LABEL[entry.table]);
}

/** The record as people know it: a catalog answer by its item's number and title, an impact assessment by its system and version. */
export function recordText(entry: Pick<HistoryEntry, 'table' | 'label' | 'recordId'>, ctx: ValueContext): string {
  if (entry.table === 'assessments') return ctx.nameOf('items', entry.label) ?? entry.label;
  if (entry.table === 'impactAssessments') {
    const version = /^v(\d+)$/.exec(entry.label)?.[1];
    return ctx.nameOf('impactAssessments', entry.recordId) ?? (version ? t('ia.versionN', { version }) : entry.label);
  }
  return entry.label;
}

/** A field of a register; a management-system record's by its own kind (kinds share keys, not options). */
function fieldOf(table: HistoryTable, field: string, kind: CycleKind | undefined): ValueField | undefined {
  return (kind && kindValueFields(kind).find((f) => f.key === field)) || valueField(table, field);
}

/**
 * One entry's changes as lines a person reads: "Status: Identified → Assessed", nested rows row by
 * row ("Impacts: row 2 “Delayed care” added"). Never an id, an index or JSON.
 */
export function changeLines(entry: Pick<HistoryEntry, 'table' | 'label' | 'changes'>, ctx: ValueContext): string[] {
  const kind = entryKind(entry);
  return fieldChangeLines((field) => fieldOf(entry.table, field, kind), entry.changes, ctx);
}

/** Changes as lines, each field's meaning found by `fieldOf` (a register's declared fields): what every register's history shares. */
export function fieldChangeLines(fieldOf: (key: string) => ValueField | undefined, changes: readonly HistoryChange[], ctx: ValueContext): string[] {
  return changes.flatMap((c) => changeLine(fieldOf(c.field), c, ctx));
}

function changeLine(field: ValueField | undefined, c: HistoryChange, ctx: ValueContext): string[] {
  if (field?.value.kind === 'rows') {
    const rows = rowChanges(field, c.before, c.after, ctx);
    if (rows.length > 0) return rows;
  }
  const empty = t('history.emptyValue');
  return [
    t('history.changeLine', {
      field: field ? t(field.label) : c.field,
      before: valueText(field?.value, c.before, ctx) || empty,
      after: valueText(field?.value, c.after, ctx) || empty,
    }),
  ];
}

export function whoText(entry: Pick<HistoryEntry, 'user'>): string {
  return entry.user || t('history.nobody');
}

/** Date and time of an entry, in the reader's time zone and language. */
export function whenText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
