import { registerOf } from '../../domain/cycle/registry';
import { fromZodIssue, problemOf } from '../../domain/problem';
import type { SheetProblemCode } from '../../domain/sheet-problem-codes';
import { cellToText, type CellValue } from './sheet-cells';
import { headerText } from './sheet-labels';
import { cycleKindOf, isCycleSheet, type RegisterSheet, type SheetContext } from './sheet-registers';
import type { NameMatch, SheetPart, SheetProblem } from './workbook-plan';
import { blankFor, records } from './workbook-records';
import { sameValue } from './workbook-values';
import {
  CellMemo,
  isBlank,
  isEmptyValue,
  isMark,
  keepsBlank,
  NAME_FIELDS,
  norm,
  rowUnchanged,
  type Column,
  type SettableColumn,
  type SheetEnv,
} from './workbook-row-cells';

type Row = Record<string, unknown>;

/** The row's patch: each column's value, an empty cell left out when it keeps the value, the clear mark as an empty cell. */
function rowPatch(
  row: readonly CellValue[],
  columns: readonly (Column | null)[],
  record: Row | undefined,
  keepBlank: boolean,
  /** Empty cells clear only because the preview's option asks it: a value that cannot be empty (a status) then stays. */
  softClear: boolean,
  ctx: SheetContext,
  onProblem: (col: Column, problem: SheetProblem | Omit<SheetProblem, 'sheet' | 'row' | 'field'>) => void,
): { patch: Row } {
  const patch: Row = {};
  columns.forEach((col, i) => {
    if (!col?.set) return;
    let cell = row[i] ?? null;
    if (isBlank(cell) && keepBlank) return;
    const blank = isBlank(cell);
    // "-" clears, unless it is the text the record holds ("-" as an owner's name reads back as itself).
    if (isMark(cell) && !(record && col.same?.(cell, record, ctx))) cell = null;
    const v = col.set(cell, ctx, record);
    // The option clears what can be empty; a required choice (a status) keeps its value.
    if (!v.ok && blank && softClear) return;
    if (!v.ok) onProblem(col, v.problem);
    else Object.assign(patch, v.value);
  });
  return { patch };
}

/** The name field of a register's sheet (a risk's title, a system's name), or null. */
const nameColumnOf = (columns: readonly (Column | null)[]): number => columns.findIndex((c) => c?.field !== undefined && NAME_FIELDS.includes(c.field));

/**
 * Plans one sheet's rows against the workspace: what each would create, change or leave alone, and
 * every problem with its row and column. Pure: the write happens after the user has seen the plan.
 */
export function planSheet(
  register: RegisterSheet<Row>,
  sheet: { name: string; rows: CellValue[][] },
  env: SheetEnv,
  columns: (Column | null)[],
  idCol: number,
  headerRow: number,
): SheetPart {
  const { d, ctx, plan, schema } = env;
  const part: SheetPart = { key: register.key, name: sheet.name, create: 0, update: 0, unchanged: 0, missing: [], problems: [], warnings: [] };
  const idHeader = headerText(register.idHeader);
  const shown = new Map(register.columns.map((c) => [c, headerText(c.header)]));
  const settable = columns.flatMap((col, i): SettableColumn[] => (col?.set ? [{ index: i, col, memo: col.pure && !col.same ? new CellMemo() : null }] : []));
  const existing = new Map(records(d, register.key).map((r) => [register.idOf(r), r]));
  const isCatalogSheet = register.key === 'clauses' || register.key === 'soa';
  const nameCol = isCatalogSheet ? -1 : nameColumnOf(columns);
  // Existing records by name, ignoring case and spaces: a new row named like one may be linked to it (built for the first new row).
  let byName: Map<string, Row> | null = null;
  const named = (name: string): Row | undefined => {
    if (!byName) {
      byName = new Map();
      for (const r of existing.values()) byName.set(norm(String(r[columns[nameCol]!.field!] ?? '')), r);
    }
    return byName.get(norm(name));
  };
  const seen = new Set<string>();
  const rules = isCycleSheet(register.key) ? registerOf(cycleKindOf(register.key)).rules : null;
  // A register of at most one record (the scope): how many the workspace would hold.
  let count = existing.size;

  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r]!;
    if (!row.some((c) => cellToText(c).trim() !== '')) continue;
    const rowNo = r + 1;
    const problems: SheetProblem[] = [];
    const rawId = cellToText(row[idCol] ?? null).trim();
    const id: string | null = rawId || null;
    let record: Row | undefined;
    let linked = false;
    const onId = (code: SheetProblemCode, params: Record<string, string | { prefix: string; value: string; lower: true }>) =>
      problems.push({ ...problemOf(code, params), sheet: sheet.name, row: rowNo, field: idHeader });
    if (isCatalogSheet) {
      const item = ctx.catalog.byId.get(rawId);
      if (!item || !item.assessable || item.isControl !== (register.key === 'soa'))
        onId(register.key === 'soa' ? 'not-control' : 'not-clause', { value: rawId });
      record = existing.get(rawId);
    } else if (id) {
      record = existing.get(id);
      if (!record) onId('unknown-id', { id: rawId });
    } else if (nameCol >= 0) {
      const name = cellToText(row[nameCol] ?? null).trim();
      const match = name ? named(name) : undefined;
      if (match) {
        const key = `${register.key}\u0000${rowNo}`;
        const existingName = String(match[columns[nameCol]!.field!] ?? '');
        const exact = existingName.trim() === name;
        linked = env.options.link?.[key] ?? exact;
        const m: NameMatch = { key, sheet: sheet.name, sheetKey: register.key, row: rowNo, name, id: register.idOf(match), exact, linked };
        (plan.matches ??= []).push(m);
        if (linked) record = match;
      }
    }
    const recordKey = record ? register.idOf(record) : null;
    if (recordKey && !isCatalogSheet && seen.has(recordKey)) onId('duplicate-id', { id: linked ? cellToText(row[nameCol] ?? null).trim() : rawId });
    if (register.singleton && !id && !record && count >= 1) onId('singleton', { register: { prefix: 'sheetName', value: register.name, lower: true } });
    if (isCatalogSheet && id && seen.has(id)) onId('duplicate-id', { id: rawId });
    if (isCatalogSheet && id) seen.add(id);
    else if (recordKey) seen.add(recordKey);
    const keepBlank = keepsBlank(record, linked, env);
    // Most rows of a re-imported export change nothing: settle those without building a patch.
    if (record && problems.length === 0 && rowUnchanged(row, settable, record, ctx, keepBlank)) {
      part.unchanged += 1;
      continue;
    }
    const softClear = !keepBlank && keepsBlank(record, linked, { ...env, options: {} });
    const { patch } = rowPatch(row, columns, record, keepBlank, softClear, ctx, (col, p) =>
      problems.push({ ...p, sheet: sheet.name, row: rowNo, field: shown.get(col) ?? col.header }),
    );
    const base = record ?? blankFor(d, register.key, isCatalogSheet ? rawId : null);
    // Keys, not entries: a pair per cell for 10,000 rows was the plan's biggest single cost.
    const changed: [string, unknown][] = [];
    for (const k of Object.keys(patch)) if (!sameValue(patch[k], base[k])) changed.push([k, patch[k]]);
    // A new record's empty cells take the register's defaults, shown in the preview as such.
    const defaults: [string, unknown][] = [];
    // Every column the row leaves empty or the sheet lacks.
    if (!record && !isCatalogSheet)
      for (const col of register.columns) {
        const f = col.field;
        if (col.set && f && !(f in patch) && !isEmptyValue(base[f]) && !defaults.some(([k]) => k === f)) defaults.push([f, base[f]]);
      }
    // A row that changes nothing in an existing record is not written, so there is nothing to validate.
    if (problems.length === 0 && !(record && changed.length === 0)) {
      const candidate = { ...base, ...patch };
      // A cross-field rule names its field: the problem is on that column (as the app refuses the same edit).
      const broken = rules?.(candidate);
      if (broken) {
        const col = register.columns.find((c) => c.field === broken.field);
        problems.push({ ...problemOf(`rule-${broken.code}`), sheet: sheet.name, row: rowNo, field: (col && shown.get(col)) ?? broken.field });
      }
      const check = schema.safeParse(candidate);
      if (!check.success) {
        for (const issue of check.error.issues) {
          // The schema repeats the rule's own issue, already reported above in words.
          if (broken && issue.message === broken.code) continue;
          const field = String(issue.path[0] ?? '');
          const col = register.columns.find((c) => c.field === field);
          problems.push({ ...fromZodIssue(issue), sheet: sheet.name, row: rowNo, field: (col && shown.get(col)) ?? field });
        }
      }
    }
    if (problems.length > 0) {
      part.problems.push(...problems);
      plan.rowsWithErrors += 1;
      continue;
    }
    const creating = isCatalogSheet ? false : !record;
    if (creating) {
      part.create += 1;
      count += 1;
    } else if (changed.length === 0) {
      part.unchanged += 1;
      continue;
    } else part.update += 1;
    const recordId = isCatalogSheet ? rawId : ((record?.id as string | undefined) ?? null);
    const newId = creating ? env.newId() : undefined;
    // Other rows of the file may name the new record (a risk its new AI system).
    if (newId && env.names && nameCol >= 0) {
      const name = String(patch[columns[nameCol]!.field!] ?? '').trim();
      env.names.byId.set(newId, name);
      if (name) env.names.byName.set(name.toLowerCase(), newId);
    }
    for (const [k, v] of [...changed, ...defaults]) {
      const col = register.columns.find((c) => c.field === k);
      plan.changes.push({
        sheet: sheet.name,
        key: register.key,
        row: rowNo,
        id: recordId,
        field: k,
        column: (col && shown.get(col)) ?? k,
        from: base[k],
        to: v,
        ...(record && isEmptyValue(v) && !isEmptyValue(base[k]) ? { clear: true as const } : {}),
        ...(!record && defaults.some(([f]) => f === k) ? { byDefault: true as const } : {}),
      });
    }
    plan.writes.push({ sheet: register.key, row: rowNo, id: recordId, ...(newId ? { newId } : {}), patch: Object.fromEntries([...defaults, ...changed]) });
  }
  if (!isCatalogSheet) for (const rid of existing.keys()) if (!seen.has(rid)) part.missing.push(rid);
  return part;
}
