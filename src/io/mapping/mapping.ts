import { fromZodIssue, problemOf, type Problem } from '../../domain/problem';
import { aiSystemSchema, blankAiSystem } from '../../domain/ai-system-schema';
import { blankRisk, riskSchema } from '../../domain/risk-schema';
import { cellText, isBlankCell, isNumberLike, splitCell } from './mapping-cells';
import { convertCell, type ConvertContext } from './mapping-convert';
import { columnName, detectHeaderRow, headerTexts, suggestColumns } from './mapping-header';
import { totalWords } from './mapping-synonyms';
import { isListKind, isValueMapped, requiredTarget, targetOf, type MappingTarget, type OptionContext, type TargetRegister } from './mapping-targets';
import { normHeader, normValue } from './mapping-text';
import { hasValue, suggestValueMap, withValue, type ValueMap } from './mapping-values';
import type { CellValue } from '../sheets/sheet-cells';
import type { RowWrite, SheetProblem, WorkbookPlan } from '../sheets/workbook-import';

export { hasValue, suggestValueMap, withValue, type MappedValue, type ValueMap } from './mapping-values';
export { columnName, detectHeaderRow, headerKeys, headerTexts, suggestColumns } from './mapping-header';
export { mappingTargets, targetOf, targetOptions, isValueMapped, type MappingTarget, type TargetRegister } from './mapping-targets';

/**
 * Importing a register kept in someone else's spreadsheet: which row holds the headers, which
 * column feeds which field, which cell text stands for which allowed value, and then the rows as
 * writes (always creates: a foreign sheet has no ids of ours) and problems (sheet, row, column).
 * Pure: no DOM, no database.
 */
export interface SheetMapping {
  register: TargetRegister;
  /** 0-based index of the header row. */
  headerRow: number;
  /** Per column: the target key, or null to ignore the column. */
  columns: (string | null)[];
  /** Per column: the value map of a value-mapped target ({} otherwise). */
  values: ValueMap[];
}

export interface MappingContext extends ConvertContext {
  sheet: string;
  workspaceId: string;
}

export type SkipReason = 'blank' | 'total';
export interface SkippedRow {
  /** 1-based, as the spreadsheet shows it. */
  row: number;
  reason: SkipReason;
}

export interface MappingResult {
  writes: RowWrite[];
  problems: SheetProblem[];
  rowsWithProblems: number;
  skipped: SkippedRow[];
}

const totals = new Set(totalWords.map(normHeader));

function isTotalText(text: string): boolean {
  const s = normHeader(text);
  if (!s) return false;
  if (totals.has(s) || totals.has(s.replace(/\d+$/, ''))) return true;
  const head = /^([^:：]+)[:：]/.exec(text.normalize('NFKC'));
  return head !== null && totals.has(normHeader(head[1]!));
}

/** A data row, a blank row, or a totals row (its title cell or first cell says Total/合计/总计, or it only has numbers). */
export function rowKind(row: readonly CellValue[], titleCol: number): SkipReason | 'data' {
  const filled = row.filter((c) => !isBlankCell(c));
  if (filled.length === 0) return 'blank';
  const title = titleCol >= 0 ? cellText(row[titleCol] ?? null) : '';
  if (isTotalText(title) || isTotalText(cellText(filled[0]!))) return 'total';
  return filled.every(isNumberLike) ? 'total' : 'data';
}

function titleColumn(mapping: SheetMapping): number {
  return mapping.columns.indexOf(requiredTarget(mapping.register).key);
}

export interface DistinctValue {
  /** The text as first seen. */
  text: string;
  /** normValue(text): the key in the value map. */
  key: string;
  count: number;
}

/** The distinct texts of a column's data rows, in order of first appearance (list cells split into parts); `limit` stops early. */
export function distinctValues(rows: readonly (readonly CellValue[])[], mapping: SheetMapping, col: number, limit = Number.POSITIVE_INFINITY): DistinctValue[] {
  const target = targetOf(mapping.register, mapping.columns[col]);
  const list = target ? isListKind(target.kind) : false;
  const titleCol = titleColumn(mapping);
  const found = new Map<string, DistinctValue>();
  for (let r = mapping.headerRow + 1; r < rows.length && found.size < limit; r++) {
    const row = rows[r]!;
    if (rowKind(row, titleCol) !== 'data') continue;
    const cell = row[col] ?? null;
    for (const text of list ? splitCell(cell) : [cellText(cell)]) {
      const key = normValue(text);
      if (!key) continue;
      const hit = found.get(key);
      if (hit) hit.count += 1;
      else found.set(key, { text, key, count: 1 });
    }
  }
  return [...found.values()];
}

/** Mapping errors that stop every row: the required field unmapped, one field fed by two columns. */
export function mappingIssues(mapping: SheetMapping, headers: readonly string[]): Problem[] {
  const issues: Problem[] = [];
  const required = requiredTarget(mapping.register);
  if (!mapping.columns.includes(required.key)) issues.push(problemOf('mapping-required-column', { field: required.label }));
  const seen = new Map<string, number>();
  mapping.columns.forEach((key, col) => {
    if (!key) return;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, col);
    else
      issues.push(
        problemOf('mapping-two-columns', {
          field: targetOf(mapping.register, key)?.label ?? key,
          first: columnName(headers, first),
          second: columnName(headers, col),
        }),
      );
  });
  return issues;
}

const PLACEHOLDER_TIME = '2000-01-01T00:00:00.000Z';

/**
 * The rows under the header as creates. A row with any problem is left out whole, and each problem
 * names its row and column; blank and totals rows are skipped and counted.
 */
export function applyMapping(rows: readonly (readonly CellValue[])[], mapping: SheetMapping, ctx: MappingContext): MappingResult {
  const headers = headerTexts(rows, mapping.headerRow);
  const result: MappingResult = { writes: [], problems: [], rowsWithProblems: 0, skipped: [] };
  const issues = mappingIssues(mapping, headers);
  if (issues.length > 0) {
    result.problems = issues.map((p) => ({ ...p, sheet: ctx.sheet, row: mapping.headerRow + 1, field: '' }));
    return result;
  }
  const base = { id: 'new', workspaceId: ctx.workspaceId, createdAt: PLACEHOLDER_TIME, updatedAt: PLACEHOLDER_TIME };
  const blank: Record<string, unknown> = mapping.register === 'risks' ? blankRisk({ ...base, ref: 'R-000' }, 'x') : blankAiSystem(base, 'x');
  const schema = mapping.register === 'risks' ? riskSchema : aiSystemSchema;
  const required = requiredTarget(mapping.register);
  const titleCol = mapping.columns.indexOf(required.key);
  const columns = mapping.columns.map((key) => targetOf(mapping.register, key));
  let lastFilled = rows.length - 1;
  while (lastFilled > mapping.headerRow && rowKind(rows[lastFilled]!, titleCol) === 'blank') lastFilled--;

  for (let r = mapping.headerRow + 1; r <= lastFilled; r++) {
    const row = rows[r]!;
    const kind = rowKind(row, titleCol);
    if (kind !== 'data') {
      result.skipped.push({ row: r + 1, reason: kind });
      continue;
    }
    const problems: SheetProblem[] = [];
    const patch: Record<string, unknown> = {};
    columns.forEach((target, col) => {
      if (!target) return;
      const v = convertCell(target, row[col] ?? null, mapping.values[col] ?? {}, ctx);
      if (!v.ok) problems.push({ ...v.problem, sheet: ctx.sheet, row: r + 1, field: columnName(headers, col) });
      else if (v.value !== undefined) patch[target.key] = v.value;
    });
    if (patch[required.key] === undefined && !problems.some((p) => p.field === columnName(headers, titleCol))) {
      problems.push({ ...problemOf('mapping-required', { field: required.label }), sheet: ctx.sheet, row: r + 1, field: columnName(headers, titleCol) });
    }
    if (problems.length === 0) {
      const check = schema.safeParse({ ...blank, ...patch });
      if (!check.success) {
        for (const issue of check.error.issues) {
          const col = mapping.columns.indexOf(String(issue.path[0] ?? ''));
          problems.push({ ...fromZodIssue(issue), sheet: ctx.sheet, row: r + 1, field: col >= 0 ? columnName(headers, col) : String(issue.path[0] ?? '') });
        }
      }
    }
    if (problems.length > 0) {
      result.problems.push(...problems);
      result.rowsWithProblems += 1;
    } else result.writes.push({ sheet: mapping.register, row: r + 1, id: null, patch });
  }
  return result;
}

/** The result as the plan the spreadsheet import writes in one transaction (creates only). */
export function mappingPlan(result: MappingResult, register: TargetRegister, sheet: string): WorkbookPlan {
  return {
    parts: [{ key: register, name: sheet, create: result.writes.length, update: 0, unchanged: 0, missing: [], problems: result.problems, warnings: [] }],
    changes: [],
    writes: result.writes,
    rowsWithErrors: result.rowsWithProblems,
    ignoredSheets: [],
    names: {},
  };
}

/** A starting mapping for a sheet: the header row, a suggested target per column, empty value maps. */
export function initialMapping(rows: readonly (readonly CellValue[])[], register: TargetRegister, headerRow = detectHeaderRow(rows)): SheetMapping {
  const headers = headerTexts(rows, headerRow);
  return { register, headerRow, columns: suggestColumns(headers, register), values: headers.map(() => ({})) };
}

/** Columns whose target maps values (enum, levels, list of names): the value-mapping step lists them. */
export function valueMappedColumns(mapping: SheetMapping): number[] {
  return mapping.columns.flatMap((key, col) => {
    const target = targetOf(mapping.register, key);
    return target && isValueMapped(target.kind) ? [col] : [];
  });
}

/**
 * Every value-mapped column gets suggestions for the texts it has no answer for yet; answers already
 * given (by the user or a saved mapping) stay.
 */
export function fillSuggestions(rows: readonly (readonly CellValue[])[], mapping: SheetMapping, ctx: OptionContext): SheetMapping {
  const values = mapping.values.map((map, col) => {
    const target = targetOf(mapping.register, mapping.columns[col]);
    if (!target || !isValueMapped(target.kind)) return map;
    const missing = distinctValues(rows, mapping, col).filter((d) => !hasValue(map, d.key));
    if (missing.length === 0) return map;
    const suggested = suggestValueMap(
      target,
      mapping.register,
      missing.map((d) => d.text),
      ctx,
    );
    return Object.entries(map).reduce<ValueMap>((acc, [k, v]) => withValue(acc, k, v), suggested);
  });
  return { ...mapping, values };
}

/** Mapped columns in sheet order, with their targets. */
export function mappedColumns(mapping: SheetMapping): { col: number; target: MappingTarget }[] {
  return mapping.columns.flatMap((key, col) => {
    const target = targetOf(mapping.register, key);
    return target ? [{ col, target }] : [];
  });
}
