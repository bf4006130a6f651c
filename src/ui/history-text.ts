import { aiSystemFields } from '../domain/ai-system-schema';
import { assessmentFields, soaFields } from '../domain/assessment-schema';
import { cycleKinds, registerOf } from '../domain/cycle/registry';
import type { FieldDef } from '../domain/fields';
import { historyValueText, type HistoryAction, type HistoryEntry, type HistoryTable } from '../domain/history';
import { conclusionFields, scopeFields, signOffFields } from '../domain/impact-assessment-schema';
import { ownControlFields } from '../domain/own-control-schema';
import { acceptanceFields, riskFields } from '../domain/risk-schema';
import { profileFields, soaMetaFields } from '../domain/workspace-schema';
import { locale, t, tOption, type MessageKey } from '../i18n/i18n';

/** How the history reads: labels for actions, registers and fields, and values as plain text. */

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

/** Fields no declaration labels (links, ratings, versions): their own labels. */
const OTHER_FIELDS: Record<string, MessageKey> = {
  name: 'history.field.name',
  ref: 'history.field.ref',
  state: 'history.field.state',
  version: 'history.field.version',
  riskMatrix: 'history.field.riskMatrix',
  aiSystemIds: 'history.field.aiSystemIds',
  ownControlIds: 'history.field.ownControlIds',
  annexAControls: 'history.field.annexAControls',
  sourceImpact: 'history.field.sourceImpact',
  impacts: 'history.field.impacts',
  copiedFromSystem: 'history.field.copiedFromSystem',
  inherentLikelihood: 'history.field.inherentLikelihood',
  inherentImpact: 'history.field.inherentImpact',
  residualLikelihood: 'history.field.residualLikelihood',
  residualImpact: 'history.field.residualImpact',
  itemIds: 'history.field.itemIds',
  auditId: 'history.field.auditId',
  sourceId: 'history.field.sourceId',
  title: 'history.field.title',
  url: 'history.field.url',
  fileName: 'history.field.fileName',
};

type Defs = Map<string, FieldDef>;
const byKey = (...lists: (readonly FieldDef[])[]): Defs => new Map(lists.flat().map((f) => [f.key, f]));

let declared: Partial<Record<HistoryTable | 'profile' | 'soaMeta', Defs>> | null = null;

function declarations() {
  declared ??= {
    aiSystems: byKey(aiSystemFields),
    assessments: byKey(assessmentFields, soaFields),
    risks: byKey(riskFields, acceptanceFields),
    ownControls: byKey(ownControlFields),
    impactAssessments: byKey(scopeFields, conclusionFields, signOffFields),
    // Kinds share field names with the same meaning (owner, status …): the first declaration labels them.
    cycleRecords: byKey(...cycleKinds.map((k) => registerOf(k).fields)),
    profile: byKey(profileFields),
    soaMeta: byKey(soaMetaFields),
  };
  return declared;
}

function defOf(table: HistoryTable, field: string): FieldDef | undefined {
  const d = declarations();
  const dot = field.indexOf('.');
  if (table === 'workspaces' && dot > 0) {
    const group = field.slice(0, dot);
    return group === 'profile' || group === 'soaMeta' ? d[group]?.get(field.slice(dot + 1)) : undefined;
  }
  return d[table]?.get(field);
}

/** A field's label, or its name when nothing labels it. */
export function fieldLabel(table: HistoryTable, field: string): string {
  const def = defOf(table, field);
  if (def) return t(def.label);
  const other = OTHER_FIELDS[field];
  return other ? t(other) : field;
}

/** A value as text: option values by their labels, nothing as "(empty)". Rendered as text, never as HTML. */
export function valueText(table: HistoryTable, field: string, value: unknown): string {
  const prefix = defOf(table, field)?.optionPrefix;
  let text: string;
  // An assessment's copied-field marks name fields: read them by their labels.
  if (table === 'impactAssessments' && field === 'copiedFromSystem' && Array.isArray(value)) text = value.map((k) => fieldLabel(table, String(k))).join(', ');
  else if (prefix && typeof value === 'string') text = tOption(prefix, value);
  else if (prefix && Array.isArray(value) && value.every((v) => typeof v === 'string')) text = (value as string[]).map((v) => tOption(prefix, v)).join(', ');
  else text = historyValueText(value);
  return text === '' ? t('history.emptyValue') : text;
}

export function whoText(entry: Pick<HistoryEntry, 'user'>): string {
  return entry.user || t('history.nobody');
}

/** Date and time of an entry, in the reader's time zone. */
export function whenText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
