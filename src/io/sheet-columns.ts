import type { FieldDef } from '../domain/fields';
import { tOption } from '../i18n/i18n';
import { cellToDate, cellToText, dateToSerial, enumFromCell, joinList, splitList, type CellValue, type Parsed } from './sheet-cells';

/**
 * One spreadsheet column of a register: its stable header, how a record shows in it, and how a
 * cell turns back into a patch. Built from the register's field declarations wherever possible,
 * so adding a field to a schema adds its column.
 */
export interface SheetColumn<R, C = unknown> {
  header: string;
  width: number;
  date?: boolean;
  /** The record field the column writes (absent on computed columns). */
  field?: string;
  get(record: R, ctx: C): CellValue;
  /** Absent for computed, read-only columns (ignored on import). */
  set?(cell: CellValue, ctx: C, record: R | undefined): Parsed<Record<string, unknown>>;
}

const widthFor = (f: FieldDef) => (f.kind === 'textarea' ? 50 : f.kind === 'date' ? 12 : f.kind === 'multi-enum' ? 40 : 24);

export function fieldColumn<R extends Record<string, unknown>, C>(f: FieldDef): SheetColumn<R, C> {
  const key = f.key;
  const prefix = f.optionPrefix ?? '';
  switch (f.kind) {
    case 'enum':
      return {
        header: f.column,
        field: key,
        width: widthFor(f),
        get: (r) => (r[key] ? tOption(prefix, String(r[key])) : ''),
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
        get: (r) => joinList(((r[key] as string[]) ?? []).map((v) => tOption(prefix, v))),
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
        set: (cell) => {
          const v = cellToDate(cell);
          return v.ok ? { ok: true, value: { [key]: v.value } } : v;
        },
      };
    default:
      return {
        header: f.column,
        field: key,
        width: widthFor(f),
        get: (r) => String(r[key] ?? ''),
        set: (cell) => {
          const text = cellToText(cell);
          if (f.maxLength && text.length > f.maxLength) return { ok: false, message: `the text is ${text.length} characters; at most ${f.maxLength} fit` };
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
    set: (cell, ctx) => {
      const { byId, byName } = names(ctx);
      const ids: string[] = [];
      for (const part of splitList(cell)) {
        const id = byId.has(part) ? part : byName.get(part.toLowerCase());
        if (!id) return { ok: false, message: `"${part}" is not a known name` };
        if (!ids.includes(id)) ids.push(id);
      }
      return { ok: true, value: { [key]: ids } };
    },
  };
}
