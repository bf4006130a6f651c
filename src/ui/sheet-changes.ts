import { kindValueFields, valueField, type ValueField } from '../domain/register-values';
import { t } from '../i18n/i18n';
import { cycleKindOf, isCycleSheet, sheetRecords, type SheetKey } from '../io/sheets/sheet-types';
import type { CellChange, NameMatch, SheetPart, WorkbookPlan } from '../io/sheets/workbook-plan';
import { valueContextOf } from '../state/value-context';
import { valueText, type ValueContext } from '../i18n/value-text';

/**
 * A spreadsheet import's changes as a person reads them: grouped by row, each row named by its
 * record ("R-002 Resume model discriminates", a system's name, "A.6.2.4 …"; a new row by its title),
 * each value as the app shows it (choice labels, "4 Likely", references by name, dates in the
 * locale). The plan carries stored values and names only; this is where they are worded.
 */
export interface ChangedRow {
  key: string;
  name: string;
  where: string;
  lines: string[];
}

/** A field of the sheet's register; a management-system kind words its own choices (kinds share keys, not options). */
function fieldOf(key: SheetKey, field: string): ValueField | undefined {
  if (isCycleSheet(key)) return kindValueFields(cycleKindOf(key)).find((f) => f.key === field) ?? valueField('cycleRecords', field);
  return valueField(sheetRecords(key).table, field);
}

export const planContext = (plan: WorkbookPlan): ValueContext => valueContextOf(plan.names, plan.matrix);

const NAME_FIELDS = ['title', 'name'];

function rowName(changes: readonly CellChange[], ctx: ValueContext): string {
  const first = changes[0]!;
  if (first.id !== null) return ctx.nameOf(sheetRecords(first.key).target, first.id) ?? t('history.value.deleted');
  const named = changes.find((c) => NAME_FIELDS.includes(c.field) && typeof c.to === 'string' && c.to.trim());
  return named ? t('sheets.change.new', { name: String(named.to).trim() }) : t('sheets.change.newUnnamed');
}

/**
 * The first `limit` changes, grouped by sheet and row in the plan's order: the values an import
 * would empty (`clears`) apart from every other change.
 */
export function changedRows(plan: WorkbookPlan, limit = 200, clears = false): ChangedRow[] {
  const ctx = planContext(plan);
  const groups = new Map<string, CellChange[]>();
  for (const c of plan.changes.filter((x) => Boolean(x.clear) === clears).slice(0, limit)) {
    const key = `${c.sheet}\u0000${c.row}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  return [...groups].map(([key, changes]) => ({
    key,
    name: rowName(changes, ctx),
    where: t('sheets.change.where', { sheet: changes[0]!.sheet, row: changes[0]!.row }),
    // A new row's title or name already names it.
    lines: changes.filter((c) => !(c.id === null && NAME_FIELDS.includes(c.field))).map((c) => cellChangeLine(fieldOf(c.key, c.field), c, ctx)),
  }));
}

/** One cell's change as the preview words it, by the meaning its register declares for the field. */
export function cellChangeLine(field: ValueField | undefined, c: Pick<CellChange, 'id' | 'column' | 'from' | 'to' | 'byDefault'>, ctx: ValueContext): string {
  const kind = field?.value;
  const to = valueText(kind, c.to, ctx) || t('sheets.change.empty');
  // A value the row left empty, which a new record gets as one made in the app does.
  if (c.byDefault) return t('sheets.change.default', { column: c.column, to });
  // A new row has no old values to show.
  if (c.id === null) return t('sheets.change.set', { column: c.column, to });
  return t('sheets.change.field', { column: c.column, from: valueText(kind, c.from, ctx) || t('sheets.change.empty'), to });
}

/** A new row named like an existing record, as the preview offers to link it: where it is, its name, and the record's. */
export function matchText(m: NameMatch, plan: WorkbookPlan): { where: string; name: string; existing: string } {
  const ctx = planContext(plan);
  return {
    where: t('sheets.change.where', { sheet: m.sheet, row: m.row }),
    name: m.name,
    existing: ctx.nameOf(sheetRecords(m.sheetKey).target, m.id) ?? t('history.value.deleted'),
  };
}

/** The first `limit` records a sheet no longer lists, by name. */
export function missingNames(part: SheetPart, plan: WorkbookPlan, limit = 20): string[] {
  const ctx = planContext(plan);
  const target = sheetRecords(part.key).target;
  return part.missing.slice(0, limit).map((id) => ctx.nameOf(target, id) ?? t('history.value.deleted'));
}
