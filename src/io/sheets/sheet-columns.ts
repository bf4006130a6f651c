import type { FieldDef } from '../../domain/fields';
import { cellToDate, cellToText, dateToSerial, enumFromCell, joinList, optionLabel, sameLines, splitList, type CellValue, type Parsed } from './sheet-cells';
import { refused } from './sheet-problem-text';

/**
 * One spreadsheet column of a register: its stable header, how a record shows in it, and how a
 * cell turns back into a patch. Built from the register's field declarations wherever possible,
 * so adding a field to a schema adds its column.
 */
export interface SheetColumn<R, C = unknown> {
  /** The stable English header; exports write its translation (sheet-labels.ts), imports accept any. */
  header: string;
  width: number;
  date?: boolean;
  /** The record field the column writes (absent on computed columns). */
  field?: string;
  get(record: R, ctx: C): CellValue;
  /** The values a cell may take, as the export writes them (a drop-down list in the workbook); absent for free entry. */
  choices?(ctx: C): readonly string[];
  /** Long text: its cells wrap in the workbook. */
  wrap?: boolean;
  /** Absent for computed, read-only columns (ignored on import). */
  set?(cell: CellValue, ctx: C, record: R | undefined): Parsed<Record<string, unknown>>;
  /**
   * `set` reads neither the record nor anything but the cell and the context, so within one import
   * (one context) equal cells give equal results and the import may reuse one result for them.
   */
  pure?: boolean;
  /**
   * A cheap test, sound but not complete: true only when `set(cell, ctx, record)` would succeed and
   * give every field the value the record already has (as the import compares them). False means
   * "not known": the import then calls `set`.
   */
  same?(cell: CellValue, record: R, ctx: C): boolean;
}

const widthFor = (f: FieldDef) => (f.kind === 'textarea' ? 50 : f.kind === 'date' || f.kind === 'number' ? 12 : f.kind === 'multi-enum' ? 40 : 24);

/** Plain decimal notation, as people type it and as CSV exports write it: "12", "-3.5", "1e3". */
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A number cell back to a number: a numeric cell, or text that is a plain number; empty is null. */
export function cellToNumber(cell: CellValue): Parsed<number | null> {
  if (cell === null) return { ok: true, value: null };
  if (typeof cell === 'number') return Number.isFinite(cell) ? { ok: true, value: cell } : refused('not-finite', { value: String(cell) });
  if (typeof cell === 'string') {
    const text = cell.trim();
    if (text === '') return { ok: true, value: null };
    const n = Number(text);
    if (NUMBER_TEXT.test(text) && Number.isFinite(n)) return { ok: true, value: n };
  }
  return refused('not-number', { value: cellToText(cell) });
}

export function fieldColumn<R extends Record<string, unknown>, C>(f: FieldDef): SheetColumn<R, C> {
  const key = f.key;
  const prefix = f.optionPrefix ?? '';
  switch (f.kind) {
    case 'enum':
      return {
        header: f.column,
        field: key,
        width: widthFor(f),
        get: (r) => (r[key] ? optionLabel(prefix, String(r[key])) : ''),
        // The labels `set` reads back first (enumFromCell), in the export's language.
        choices: () => (f.options ?? []).map((o) => optionLabel(prefix, o)),
        pure: true,
        set: (cell) => {
          const v = enumFromCell(cell, f.options ?? [], prefix, Boolean(f.nullable));
          return v.ok ? { ok: true, value: { [key]: v.value } } : v;
        },
      };
    case 'multi-enum':
      return {
        header: f.column,
        field: key,
        width: widthFor(f),
        get: (r) => joinList(((r[key] as string[]) ?? []).map((v) => optionLabel(prefix, v))),
        pure: true,
        set: (cell) => {
          const values: string[] = [];
          for (const part of splitList(cell)) {
            const v = enumFromCell(part, f.options ?? [], prefix, false);
            if (!v.ok) return v;
            if (v.value && !values.includes(v.value)) values.push(v.value);
          }
          return { ok: true, value: { [key]: (f.options ?? []).filter((o) => values.includes(o)) } };
        },
      };
    case 'date':
      return {
        header: f.column,
        field: key,
        width: widthFor(f),
        date: true,
        get: (r) => dateToSerial((r[key] as string | null) ?? null),
        pure: true,
        set: (cell) => {
          const v = cellToDate(cell);
          return v.ok ? { ok: true, value: { [key]: v.value } } : v;
        },
      };
    case 'number':
      return {
        header: f.column,
        field: key,
        width: widthFor(f),
        get: (r) => (typeof r[key] === 'number' ? (r[key] as number) : null),
        pure: true,
        same: (cell, r) => (cell === null ? r[key] === null || r[key] === undefined : typeof cell === 'number' && cell === r[key]),
        set: (cell) => {
          const v = cellToNumber(cell);
          return v.ok ? { ok: true, value: { [key]: v.value } } : v;
        },
      };
    default:
      return {
        header: f.column,
        field: key,
        width: widthFor(f),
        get: (r) => String(r[key] ?? ''),
        ...(f.kind === 'textarea' ? { wrap: true } : {}),
        pure: true,
        // The text as stored (or an empty cell for an empty value), within the length limit.
        same: (cell, r) => {
          const v = r[key];
          if (cell === null) return v === null || v === undefined || v === '';
          return typeof cell === 'string' && (cell === v || (typeof v === 'string' && sameLines(cell, v))) && !(f.maxLength && cell.length > f.maxLength);
        },
        set: (cell) => {
          const text = cellToText(cell);
          if (f.maxLength && text.length > f.maxLength) return refused('too-long', { length: text.length, max: f.maxLength });
          return { ok: true, value: { [key]: text } };
        },
      };
  }
}

/** A read-only column: exported for reading, ignored on import. */
export function computedColumn<R, C>(header: string, width: number, get: (r: R, ctx: C) => CellValue): SheetColumn<R, C> {
  return { header, width, get };
}

/** A list of references shown by name ("Loan model; Chatbot"), read back by name or id. */
export function referenceColumn<R extends Record<string, unknown>, C>(
  header: string,
  key: string,
  names: (ctx: C) => { byId: ReadonlyMap<string, string>; byName: ReadonlyMap<string, string> },
): SheetColumn<R, C> {
  return {
    header,
    field: key,
    width: 40,
    get: (r, ctx) => joinList(((r[key] as string[]) ?? []).map((id) => names(ctx).byId.get(id) ?? id)),
    pure: true,
    // The cell as the export writes it, for a list whose every entry reads back as itself.
    same: (cell, r, ctx) => {
      const ids = (r[key] as unknown[] | undefined) ?? [];
      if (ids.length === 0) return cell === null;
      if (typeof cell !== 'string') return false;
      const n = names(ctx);
      const safe = roundTrips(n);
      const shown: string[] = [];
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i];
        if (typeof id !== 'string' || ids.indexOf(id) !== i) return false;
        let ok = safe.get(id);
        if (ok === undefined) safe.set(id, (ok = readsBackAs(id, n)));
        if (!ok) return false;
        shown.push(n.byId.get(id) ?? id);
      }
      return cell === joinList(shown);
    },
    set: (cell, ctx) => {
      const { byId, byName } = names(ctx);
      const ids: string[] = [];
      for (const part of splitList(cell)) {
        const id = byId.has(part) ? part : byName.get(part.toLowerCase());
        if (!id) return refused('unknown-name', { value: part });
        if (!ids.includes(id)) ids.push(id);
      }
      return { ok: true, value: { [key]: ids } };
    },
  };
}

type Names = { byId: ReadonlyMap<string, string>; byName: ReadonlyMap<string, string> };
/** Per name table (one per import): whether each id's shown name reads back as that id. */
const roundTripCache = new WeakMap<Names, Map<string, boolean>>();
function roundTrips(n: Names): Map<string, boolean> {
  let m = roundTripCache.get(n);
  if (!m) roundTripCache.set(n, (m = new Map()));
  return m;
}

/** True when `set` reads the name the export shows for `id` back as exactly `id`. */
function readsBackAs(id: string, n: Names): boolean {
  const name = n.byId.get(id) ?? id;
  if (name === '' || name !== name.trim() || /[;\n]/.test(name)) return false;
  return n.byId.has(name) ? name === id : n.byName.get(name.toLowerCase()) === id;
}
