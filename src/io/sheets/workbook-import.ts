import type { ZodType } from 'zod';
import { aiSystemSchema } from '../../domain/ai-system-schema';
import { assessmentSchema } from '../../domain/assessment-schema';
import { ownControlSchema } from '../../domain/own-control-schema';
import { riskSchema } from '../../domain/risk-schema';
import { registerOf } from '../../domain/cycle/registry';
import { problemOf } from '../../domain/problem';
import { cellToText, type CellValue } from './sheet-cells';
import { planNames } from './workbook-names';
import { readWorkbook, type ReadWorkbookOptions } from './sheet-read';
import { cycleKindOf, isCycleSheet, registerSheets, type RegisterSheet, type SheetKey } from './sheet-registers';
import { sheetContext, type WorkbookData } from './workbook-data';
import type { PlanOptions, SheetCheck, SheetPart, WorkbookPlan } from './workbook-plan';
import { workbookOrigin } from './workbook-origin';
import type { SheetEnv } from './workbook-row-cells';
import { planSheet } from './workbook-rows';
import { headerAliases, headerText, sheetNameAliases } from './sheet-labels';

export type { CellChange, NameMatch, PlanOptions, RowWrite, SheetCheck, SheetPart, SheetProblem, WorkbookPlan } from './workbook-plan';

/**
 * Reads a file and plans its import against the workspace, in the worker: the page then receives
 * only the plan. `data` may still be loading (it is read while the file is parsed); it is awaited
 * only when the file could be read. `opts.beforeParse` lets that read get going first.
 */
export async function checkWorkbookFile(
  bytes: Uint8Array,
  fileName: string,
  data: Promise<WorkbookData>,
  opts: ReadWorkbookOptions = {},
  options: PlanOptions = {},
): Promise<SheetCheck> {
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
  return { ok: true, plan: planWorkbookImport(read.sheets, d, options), warnings: read.warnings };
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
 * write happens elsewhere, after the user has seen this. `options`: the preview's choices.
 */
export function planWorkbookImport(
  sheets: readonly { name: string; rows: CellValue[][] }[],
  d: WorkbookData,
  options: PlanOptions = {},
  newId: () => string = () => crypto.randomUUID(),
): WorkbookPlan {
  const ctx = sheetContext(d);
  // New rows join the names other rows refer to (a risk naming a system added on the AI systems sheet).
  const systems = { byId: new Map(ctx.systems.byId), byName: new Map(ctx.systems.byName) };
  const ownControls = { byId: new Map(ctx.ownControls.byId), byName: new Map(ctx.ownControls.byName) };
  ctx.systems = systems;
  ctx.ownControls = ownControls;
  const origin = workbookOrigin(sheets);
  const plan: WorkbookPlan = {
    parts: [],
    changes: [],
    writes: [],
    rowsWithErrors: 0,
    ignoredSheets: [],
    names: {},
    matrix: d.workspace.riskMatrix,
    origin: origin.kind,
    options,
  };
  // A sheet is known by its name in any language (the English one wins a clash).
  const known = new Map<string, (typeof registerSheets)[number]>();
  for (const s of registerSheets) for (const name of sheetNameAliases(s.name)) if (!known.has(norm(name))) known.set(norm(name), s);
  // The hidden sheet the export's drop-down lists refer to is the export's own, not the user's: skipped without a word.
  const skipped = new Set(sheetNameAliases('Lists').map(norm));
  const matched: { register: RegisterSheet<Record<string, unknown>>; sheet: (typeof sheets)[number]; at: number }[] = [];
  sheets.forEach((sheet, at) => {
    if (skipped.has(norm(sheet.name))) return;
    const register = known.get(norm(sheet.name)) ?? byColumns(sheet.rows);
    if (register) matched.push({ register: register as RegisterSheet<Record<string, unknown>>, sheet, at });
    else plan.ignoredSheets.push(sheet.name);
  });
  // The registers others refer to by name are planned first, so their new rows are known by then.
  const first = (k: SheetKey) => (k === 'aiSystems' || k === 'ownControls' ? 0 : 1);
  const order = [...matched].sort((a, b) => first(a.register.key) - first(b.register.key) || a.at - b.at);
  const parts = new Map<number, SheetPart>();
  for (const { register, sheet, at } of order) {
    const names = register.key === 'aiSystems' ? systems : register.key === 'ownControls' ? ownControls : null;
    const env: SheetEnv = { d, ctx, plan, schema: schemaOf(register.key), origin, options, names, newId };
    parts.set(at, prepareSheet(register, sheet, env));
  }
  plan.parts = matched.map((m) => parts.get(m.at)!);
  plan.names = planNames(plan, d, { aiSystems: systems.byId, ownControls: ownControls.byId });
  return plan;
}

/** The sheet's header read (its id column, the columns it knows), then its rows planned. */
function prepareSheet(register: RegisterSheet<Record<string, unknown>>, sheet: { name: string; rows: CellValue[][] }, env: SheetEnv): SheetPart {
  const part: SheetPart = { key: register.key, name: sheet.name, create: 0, update: 0, unchanged: 0, missing: [], problems: [], warnings: [] };
  const headerRow = sheet.rows.findIndex((r) => r.some((c) => cellToText(c).trim() !== ''));
  if (headerRow < 0) return part;
  const header = sheet.rows[headerRow]!.map((c) => cellToText(c));
  const index = headerIndex(register.idHeader, register.columns);
  // Problems and changes name columns in the UI's language, whatever the file's.
  const idHeader = headerText(register.idHeader);
  const idCol = header.findIndex((h) => index.id.has(norm(h)));
  if (idCol < 0) {
    part.problems.push({ ...problemOf('id-column-missing', { column: idHeader }), sheet: sheet.name, row: headerRow + 1, field: idHeader });
    return part;
  }
  const columns = header.map((h, i) => (i === idCol ? null : (index.columns.get(norm(h)) ?? null)));
  const warnings = header.flatMap((h, i) => (i !== idCol && h.trim() && !columns[i] ? [problemOf('unknown-column', { column: h })] : []));
  const planned = planSheet(register, sheet, env, columns, idCol, headerRow);
  return { ...planned, warnings };
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
