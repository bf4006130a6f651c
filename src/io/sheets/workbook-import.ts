import type { ZodType } from 'zod';
import { aiSystemSchema } from '../../domain/ai-system-schema';
import { assessmentSchema } from '../../domain/assessment-schema';
import { ownControlSchema } from '../../domain/own-control-schema';
import { riskSchema } from '../../domain/risk-schema';
import { registerOf } from '../../domain/cycle/registry';
import { fromZodIssue, problemOf } from '../../domain/problem';
import type { SheetProblemCode } from '../../domain/sheet-problem-codes';
import { cellToText, type CellValue } from './sheet-cells';
import { sameValue } from './workbook-values';
import { planNames } from './workbook-names';
import { readWorkbook, type ReadWorkbookOptions } from './sheet-read';
import { cycleKindOf, isCycleSheet, registerSheets, type RegisterSheet, type SheetContext, type SheetKey } from './sheet-registers';
import { sheetContext, type WorkbookData } from './workbook-data';
import type { SheetCheck, SheetPart, SheetProblem, WorkbookPlan } from './workbook-plan';
import { blankFor, records } from './workbook-records';
import { headerAliases, headerText, sheetNameAliases } from './sheet-labels';

export type { CellChange, RowWrite, SheetCheck, SheetPart, SheetProblem, WorkbookPlan } from './workbook-plan';

/**
 * Reads a file and plans its import against the workspace, in the worker: the page then receives
 * only the plan. `data` may still be loading (it is read while the file is parsed); it is awaited
 * only when the file could be read. `opts.beforeParse` lets that read get going first.
 */
export async function checkWorkbookFile(bytes: Uint8Array, fileName: string, data: Promise<WorkbookData>, opts: ReadWorkbookOptions = {}): Promise<SheetCheck> {
  data.catch(() => undefined);
  const read = await readWorkbook(bytes, fileName, undefined, opts);
  // The file's problems are codes, worded by the page: nothing here waits for the strings.
  if (!read.ok) {
    await data.then(
      () => undefined,
      () => undefined,
    );
    return { ok: false, problems: read.problems };
  }
  const d = await data;
  // A CSV has one unnamed sheet: it stands for the register its columns match.
  return { ok: true, plan: planWorkbookImport(read.sheets, d), warnings: read.warnings };
}

const SCHEMAS: Record<Exclude<SheetKey, `cycle:${string}`>, ZodType> = {
  clauses: assessmentSchema,
  soa: assessmentSchema,
  aiSystems: aiSystemSchema,
  risks: riskSchema,
  ownControls: ownControlSchema,
};
const schemaOf = (key: SheetKey): ZodType => (isCycleSheet(key) ? registerOf(cycleKindOf(key)).schema : SCHEMAS[key]);

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Compares an edited workbook with the workspace and says, per sheet and row, what would be
 * created, updated or left alone, and every problem with its sheet, row and column. Pure: the
 * write happens elsewhere, after the user has seen this.
 */
export function planWorkbookImport(sheets: readonly { name: string; rows: CellValue[][] }[], d: WorkbookData): WorkbookPlan {
  const ctx = sheetContext(d);
  const plan: WorkbookPlan = { parts: [], changes: [], writes: [], rowsWithErrors: 0, ignoredSheets: [], names: {}, matrix: d.workspace.riskMatrix };
  // A sheet is known by its name in any language (the English one wins a clash).
  const known = new Map<string, (typeof registerSheets)[number]>();
  for (const s of registerSheets) for (const name of sheetNameAliases(s.name)) if (!known.has(norm(name))) known.set(norm(name), s);
  // The hidden sheet the export's drop-down lists refer to is the export's own, not the user's: skipped without a word.
  const lists = new Set(sheetNameAliases('Lists').map(norm));
  for (const sheet of sheets) {
    if (lists.has(norm(sheet.name))) continue;
    const register = known.get(norm(sheet.name)) ?? byColumns(sheet.rows);
    if (!register) {
      plan.ignoredSheets.push(sheet.name);
      continue;
    }
    plan.parts.push(planSheet(register as RegisterSheet<Record<string, unknown>>, sheet, d, ctx, plan));
  }
  plan.names = planNames(plan, d);
  return plan;
}

/**
 * A register's headers as a file may write them, in any loaded language, normalised: built once per
 * sheet, so recognising a header costs one map lookup. The English header wins a clash.
 */
function headerIndex<C extends { header: string }>(idHeader: string, columns: readonly C[]): { id: ReadonlySet<string>; columns: ReadonlyMap<string, C> } {
  const byHeader = new Map<string, C>();
  for (const c of columns) if (!byHeader.has(norm(c.header))) byHeader.set(norm(c.header), c);
  for (const c of columns) for (const alias of headerAliases(c.header)) if (!byHeader.has(norm(alias))) byHeader.set(norm(alias), c);
  return { id: new Set(headerAliases(idHeader).map(norm)), columns: byHeader };
}

/**
 * A sheet whose name is not a register's (a CSV, a renamed tab) is matched by its header row:
 * the register whose id column it has and most of whose columns it carries, headers in any language.
 */
function byColumns(rows: readonly CellValue[][]): (typeof registerSheets)[number] | undefined {
  const header = new Set(rows.find((r) => r.some((c) => cellToText(c).trim() !== ''))?.map((c) => norm(cellToText(c))) ?? []);
  let best: (typeof registerSheets)[number] | undefined;
  let bestScore = 0.5;
  let bestMatched = 0;
  for (const reg of registerSheets) {
    if (!headerAliases(reg.idHeader).some((h) => header.has(norm(h)))) continue;
    const matched = reg.columns.filter((c) => headerAliases(c.header).some((h) => header.has(norm(h)))).length;
    const score = matched / reg.columns.length;
    // Equal shares: the register that explains more of the header (one whose columns another's include loses).
    if (score > bestScore || (best && score === bestScore && matched > bestMatched)) {
      best = reg;
      bestScore = score;
      bestMatched = matched;
    }
  }
  return best;
}

type Column = RegisterSheet<Record<string, unknown>>['columns'][number];
type SetResult = ReturnType<NonNullable<Column['set']>>;

/** A `set` result with its keys listed once. */
interface Settled {
  result: SetResult;
  keys: string[];
}

/** Results of a pure column's `set` by cell value, for one sheet of one import (one context). */
class CellMemo {
  readonly #values = new Map<string | number | boolean | null, Settled>();
  readonly #dates = new Map<number, Settled>();

  get(cell: CellValue): Settled | undefined {
    return cell instanceof Date ? this.#dates.get(cell.getTime()) : this.#values.get(cell);
  }

  put(cell: CellValue, result: SetResult): Settled {
    const settled = { result, keys: result.ok ? Object.keys(result.value) : [] };
    if (cell instanceof Date) this.#dates.set(cell.getTime(), settled);
    else this.#values.set(cell, settled);
    return settled;
  }
}

interface SettableColumn {
  index: number;
  col: Column;
  /** Only for pure columns without a `same` test; shared results are read, never handed on. */
  memo: CellMemo | null;
}

/**
 * True when every column of the row would parse without a problem and leave the record as it is:
 * then the row is unchanged, exactly as the full comparison below would find (a row where any
 * column differs, or fails, takes that full path).
 */
function rowUnchanged(row: readonly CellValue[], settable: readonly SettableColumn[], record: Record<string, unknown>, ctx: SheetContext): boolean {
  for (let c = 0; c < settable.length; c++) {
    const { index, col, memo } = settable[c]!;
    const cell = row[index] ?? null;
    if (col.same) {
      if (col.same(cell, record, ctx)) continue;
      return false;
    }
    let result: SetResult;
    let keys: string[];
    if (memo) {
      const settled = memo.get(cell) ?? memo.put(cell, col.set!(cell, ctx, record));
      result = settled.result;
      keys = settled.keys;
    } else {
      result = col.set!(cell, ctx, record);
      keys = result.ok ? Object.keys(result.value) : [];
    }
    if (!result.ok) return false;
    const value = result.value;
    for (let k = 0; k < keys.length; k++) if (!sameValue(value[keys[k]!], record[keys[k]!])) return false;
  }
  return true;
}

function planSheet(
  register: RegisterSheet<Record<string, unknown>>,
  sheet: { name: string; rows: CellValue[][] },
  d: WorkbookData,
  ctx: SheetContext,
  plan: WorkbookPlan,
): SheetPart {
  const part: SheetPart = { key: register.key, name: sheet.name, create: 0, update: 0, unchanged: 0, missing: [], problems: [], warnings: [] };
  const headerRow = sheet.rows.findIndex((r) => r.some((c) => cellToText(c).trim() !== ''));
  if (headerRow < 0) return part;
  const header = sheet.rows[headerRow]!.map((c) => cellToText(c));
  const index = headerIndex(register.idHeader, register.columns);
  // Problems and changes name columns in the UI's language, whatever the file's.
  const idHeader = headerText(register.idHeader);
  const shown = new Map(register.columns.map((c) => [c, headerText(c.header)]));
  const idCol = header.findIndex((h) => index.id.has(norm(h)));
  if (idCol < 0) {
    part.problems.push({ ...problemOf('id-column-missing', { column: idHeader }), sheet: sheet.name, row: headerRow + 1, field: idHeader });
    return part;
  }
  const columns = header.map((h, i) => (i === idCol ? null : (index.columns.get(norm(h)) ?? null)));
  header.forEach((h, i) => {
    if (i !== idCol && h.trim() && !columns[i]) part.warnings.push(problemOf('unknown-column', { column: h }));
  });
  const settable = columns.flatMap((col, i): SettableColumn[] => (col?.set ? [{ index: i, col, memo: col.pure && !col.same ? new CellMemo() : null }] : []));
  const existing = new Map(records(d, register.key).map((r) => [register.idOf(r), r]));
  const isCatalogSheet = register.key === 'clauses' || register.key === 'soa';
  const seen = new Set<string>();
  const schema = schemaOf(register.key);
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
    let record: Record<string, unknown> | undefined;
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
    }
    if (id && seen.has(id)) onId('duplicate-id', { id: rawId });
    if (register.singleton && !id && count >= 1) onId('singleton', { register: { prefix: 'sheetName', value: register.name, lower: true } });
    if (id) seen.add(id);
    // Most rows of a re-imported export change nothing: settle those without building a patch.
    if (record && problems.length === 0 && rowUnchanged(row, settable, record, ctx)) {
      part.unchanged += 1;
      continue;
    }
    const patch: Record<string, unknown> = {};
    columns.forEach((col, i) => {
      if (!col?.set) return;
      const v = col.set(row[i] ?? null, ctx, record);
      if (!v.ok) problems.push({ ...v.problem, sheet: sheet.name, row: rowNo, field: shown.get(col) ?? col.header });
      else Object.assign(patch, v.value);
    });
    const base = record ?? blankFor(d, register.key, isCatalogSheet ? rawId : null);
    // Keys, not entries: a pair per cell for 10,000 rows was the plan's biggest single cost.
    const changed: [string, unknown][] = [];
    for (const k of Object.keys(patch)) if (!sameValue(patch[k], base[k])) changed.push([k, patch[k]]);
    // A row that changes nothing in an existing record is not written, so there is nothing to
    // validate (zod on every unchanged row of a 10,000-risk sheet cost over 100 ms in the page).
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
    for (const [k, v] of changed) {
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
      });
    }
    plan.writes.push({ sheet: register.key, row: rowNo, id: recordId, patch: Object.fromEntries(changed) });
  }
  if (!isCatalogSheet) for (const rid of existing.keys()) if (!seen.has(rid)) part.missing.push(rid);
  return part;
}
