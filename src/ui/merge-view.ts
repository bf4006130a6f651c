import type { HistoryTable } from '../domain/history';
import { OTHER_FIELDS, type Side } from '../domain/merge-fields';
import { numberedOrder } from '../domain/ref-order';
import { fieldValue } from '../domain/merge-fields';
import { valueField } from '../domain/register-values';
import { t, type MessageKey } from '../i18n/i18n';
import { whenText } from './history-text';
import type { Conflict, ImportPlan } from '../state/bundles';
import type { NamingContext } from '../state/import-names';
import { fieldLabelOf, fieldValueText, rowChanges } from './value-text';

/** The preview's contexts: mine and the base worded with this workspace's records, theirs with the bundle's. */
export interface PreviewContexts {
  mine: NamingContext;
  theirs: NamingContext;
}

/** One differing field of a conflict, as a person reads it. */
export interface FieldView {
  field: string;
  label: string;
  /** The value at the last exchange; null when it is not known. */
  base: string | null;
  mine: string;
  theirs: string;
  /** For nested rows: what taking theirs changes, row by row. */
  theirsChanges: string[];
  preferred: Side;
}

export interface ConflictView {
  key: string;
  legend: string;
  dates: string;
  fields: FieldView[];
}

/** A register's name as the export and import panels show it. */
export const registerLabel = (table: string): string => t((table === 'workspaces' ? 'import.table.workspaces' : `export.table.${table}`) as MessageKey);

const shown = (text: string) => text || t('history.emptyValue');

export function conflictView(c: Conflict, ctx: PreviewContexts): ConflictView {
  const table = c.table as HistoryTable;
  const record = ctx.mine.recordName(table, c.mine);
  const fields = c.fields.map((f): FieldView => {
    if (f.field === OTHER_FIELDS)
      return {
        field: f.field,
        label: t('merge.field.other'),
        base: null,
        mine: t('merge.other.mine'),
        theirs: t('merge.other.theirs'),
        theirsChanges: [],
        preferred: f.preferred,
      };
    const [mine, theirs] = [fieldValue(c.mine, f.field), fieldValue(c.theirs, f.field)];
    const def = valueField(table, f.field);
    return {
      field: f.field,
      label: fieldLabelOf(table, f.field),
      base: f.base ? shown(fieldValueText(table, f.field, f.base.value, ctx.mine)) : null,
      mine: shown(fieldValueText(table, f.field, mine, ctx.mine)),
      theirs: shown(fieldValueText(table, f.field, theirs, ctx.theirs)),
      theirsChanges: def?.value.kind === 'rows' ? rowChanges(def, mine, theirs, ctx.theirs) : [],
      preferred: f.preferred,
    };
  });
  return {
    key: c.key,
    legend: t('merge.conflict.legend', { register: registerLabel(c.table), record }),
    dates: t('merge.conflict.dates', { mine: whenText(String(c.mine.updatedAt ?? '')), theirs: whenText(String(c.theirs.updatedAt ?? '')) }),
    fields,
  };
}

type ListKind = 'added' | 'updated' | 'removed';

export interface ListView {
  table: string;
  summary: string;
  counts: Record<ListKind, number>;
  /** The names, sorted, worked out the first time they are asked for (when the register's list is opened). */
  names: Record<ListKind, () => string[]>;
}

/**
 * One collator for every list (localeCompare with options made one per comparison: 1.5 s for a preview
 * of 10,000 new risks), and names that start with their ref ordered by its number without asking it.
 */
const byName = numberedOrder(new Intl.Collator(undefined, { numeric: true }));

/** Names once, when first asked: 10,000 new risks named and sorted held the page for 240 ms as the preview showed, folded. */
function sortedNames<R>(rows: readonly R[], namer: () => (r: R) => string): () => string[] {
  let names: string[] | null = null;
  return () => {
    if (names) return names;
    const name = namer();
    return (names = rows.map((r) => name(r)).sort(byName));
  };
}

const namer =
  (ctx: NamingContext, table: HistoryTable) =>
  (r: Parameters<NamingContext['recordName']>[1]): string =>
    ctx.recordName(table, r);

/** Per register with any change, the records added, updated and removed: counted now, named and sorted when opened. */
export function listViews(plan: ImportPlan, contexts: () => PreviewContexts): ListView[] {
  return plan.lists
    .filter((l) => l.added.length + l.updated.length + l.removed.length > 0)
    .map((l) => {
      const table = l.table as HistoryTable;
      return {
        table: l.table,
        summary: t('merge.lists.register', { register: registerLabel(l.table), added: l.added.length, updated: l.updated.length, removed: l.removed.length }),
        counts: { added: l.added.length, updated: l.updated.length, removed: l.removed.length },
        names: {
          added: sortedNames(l.added, () => namer(contexts().theirs, table)),
          updated: sortedNames(l.updated, () => namer(contexts().theirs, table)),
          removed: sortedNames(l.removed, () => namer(contexts().mine, table)),
        },
      };
    });
}
