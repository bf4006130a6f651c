import { z } from 'zod';
import type { MessageKey } from '../i18n/messages-en';
import { isoDateSchema } from './dates';
import { LONG_TEXT_MAX, TEXT_MAX, type FieldDef, type FieldKind } from './fields';
import { controlIdSchema, idSchema, recordBase } from './record-base';
import type { CellLevel, RiskMatrix } from './risk-matrix';
import type { RefTarget, ValueField, ValueKind } from './value-kinds';

/**
 * A register declared once: each field is a spec that yields its zod schema, its blank value, its
 * meaning (`ValueKind`: how history, previews, merges, lists and the report word it), its
 * spreadsheet column and, for plain fields, how a generic editor renders it. The record's schema,
 * its blank record, the editor's sections, the list's columns, the sheet's columns and the bundle's
 * reference checks all derive from the declaration (the management-system kinds do the same with
 * `defineKind`). Adding a field is: one spec here, a migration if stored data changes, its messages.
 */

/** How a plain field is edited (the generic `FieldInput`); ratings, references and rows have their own widgets. */
export interface InputSpec {
  kind: FieldKind;
  options?: readonly string[];
  optionPrefix?: string;
  nullable?: boolean;
  maxLength?: number;
  help?: MessageKey;
}

export interface FieldSpec<Z extends z.ZodType = z.ZodType> {
  label: MessageKey;
  value: ValueKind;
  zod: Z;
  blank: z.infer<Z>;
  /** The stable (English) spreadsheet header; absent: not a column. */
  column?: string;
  input?: InputSpec;
  /** Set by the app, never typed: shown in sheets read-only, never in an editor (a risk's R-number). */
  readOnly?: boolean;
  /** The editor section it belongs to; absent: not in the generic editor. */
  section?: string;
  /** A shorter label for list columns ("AI systems" for "AI systems affected"). */
  short?: MessageKey;
  /** Help shown with the field's input or picker. */
  help?: MessageKey;
}

/** A value worked out from the record (a rating's level), shown in lists, sheets and the report but never stored. */
export interface DerivedSpec {
  label: MessageKey;
  column?: string;
  short?: MessageKey;
  /** The stored field it is shown after. */
  after: string;
  /** Sorts a list by this index (a level's position on the matrix); -1 when there is none. */
  text(record: Record<string, unknown>, matrix: RiskMatrix): { text: string; order: number };
  /** A level on the matrix (shown as a coloured badge in a record's summary header). */
  level?(record: Record<string, unknown>, matrix: RiskMatrix): CellLevel | null;
}

type Opts = { help?: MessageKey; section?: string; short?: MessageKey };
const text = (max: number, kind: FieldKind, required: boolean) => ({
  zod: required ? z.string().trim().min(1).max(max) : z.string().max(max),
  input: { kind, maxLength: max },
});
const withOpts = <S extends FieldSpec>(s: S, o: Opts = {}): S => ({
  ...s,
  ...(o.section ? { section: o.section } : {}),
  ...(o.short ? { short: o.short } : {}),
  ...(o.help ? { help: o.help } : {}),
  ...(o.help && s.input ? { input: { ...s.input, help: o.help } } : {}),
});

export const field = {
  /** One line of text; `required` refuses an empty (or blank) value. */
  text: (label: MessageKey, column: string, o: Opts & { required?: boolean } = {}) => {
    const t = text(TEXT_MAX, 'text', Boolean(o.required));
    return withOpts({ label, column, value: { kind: 'text' }, zod: t.zod as z.ZodString, blank: '', input: t.input }, o);
  },
  long: (label: MessageKey, column: string, o: Opts = {}) =>
    withOpts(
      { label, column, value: { kind: 'long' }, zod: z.string().max(LONG_TEXT_MAX), blank: '', input: { kind: 'textarea', maxLength: LONG_TEXT_MAX } },
      o,
    ),
  /** A required choice with a default. */
  choice: <const O extends readonly [string, ...string[]]>(
    label: MessageKey,
    column: string,
    options: O,
    optionPrefix: string,
    blank: O[number],
    o: Opts = {},
  ) => withOpts({ label, column, value: { kind: 'choice', optionPrefix }, zod: z.enum(options), blank, input: { kind: 'enum', options, optionPrefix } }, o),
  /** A choice that may stay undecided (null). */
  maybe: <const O extends readonly [string, ...string[]]>(label: MessageKey, column: string, options: O, optionPrefix: string, o: Opts = {}) =>
    withOpts(
      {
        label,
        column,
        value: { kind: 'choice', optionPrefix },
        zod: z.enum(options).nullable(),
        blank: null as O[number] | null,
        input: { kind: 'enum', options, optionPrefix, nullable: true },
      },
      o,
    ),
  /** Any number of the options, kept in the options' order. */
  choices: <const O extends readonly [string, ...string[]]>(label: MessageKey, column: string, options: O, optionPrefix: string, o: Opts = {}) =>
    withOpts(
      {
        label,
        column,
        value: { kind: 'choices', optionPrefix },
        zod: z.array(z.enum(options)).max(options.length),
        blank: [] as O[number][],
        input: { kind: 'multi-enum', options, optionPrefix },
      },
      o,
    ),
  date: (label: MessageKey, column: string, o: Opts = {}) =>
    withOpts(
      { label, column, value: { kind: 'date' }, zod: isoDateSchema.nullable(), blank: null as string | null, input: { kind: 'date', nullable: true } },
      o,
    ),
  /** A position on the workspace matrix's likelihood or impact scale (kept as stored when a scale shrinks). */
  rating: (label: MessageKey, column: string, scale: 'probability' | 'impact', o: Opts = {}) =>
    withOpts({ label, column, value: { kind: 'rating', scale }, zod: z.number().int().min(0).max(20).nullable(), blank: null as number | null }, o),
  /** Links to records of another register; into `items`, to Annex A controls (a treatment's controls). */
  refs: (label: MessageKey, column: string | undefined, target: RefTarget, max: number, o: Opts = {}) =>
    withOpts(
      {
        label,
        ...(column ? { column } : {}),
        value: { kind: 'refs', target, ...(target === 'items' ? { controls: true } : {}) },
        zod: z.array(target === 'items' ? controlIdSchema : idSchema).max(max),
        blank: [] as string[],
      },
      o,
    ),
  /** A link to one record of another register, or none. */
  ref: (label: MessageKey, column: string | undefined, target: RefTarget, o: Opts = {}) =>
    withOpts({ label, ...(column ? { column } : {}), value: { kind: 'ref', target }, zod: idSchema.nullable(), blank: null as string | null }, o),
  /** The record's human number, given by the app. */
  number: <Z extends z.ZodString>(label: MessageKey, column: string, zod: Z, short?: MessageKey) => ({
    label,
    column,
    value: { kind: 'text' } as ValueKind,
    zod,
    blank: '',
    readOnly: true,
    ...(short ? { short } : {}),
  }),
  /**
   * Nested rows, each with an id and its own declared fields; `name` is the field that names a row
   * in history and previews ("Impact 2 “Delayed care”").
   */
  rows: <F extends Record<string, FieldSpec>>(label: MessageKey, fields: F, max: number, name?: keyof F & string) => {
    const row = z.strictObject({ id: idSchema, ...(Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.zod])) as Shape<F>) });
    const declared = Object.entries(fields).map(([key, f]) => ({ ...f, key }));
    return {
      label,
      value: { kind: 'rows', fields: declared.map((f) => ({ key: f.key, label: f.label, value: f.value })), ...(name ? { name } : {}) } as ValueKind,
      zod: z.array(row).max(max),
      blank: [] as z.infer<typeof row>[],
      /** The row's declared fields, for its own editor and sheet. */
      rowFields: declared,
      /** A new row: every field at its blank, with this id. */
      blankRow: (id: string) => row.parse({ ...Object.fromEntries(declared.map((f) => [f.key, structuredClone(f.blank)])), id }),
    };
  },
  /** A value only the app sets and only history shows (where an impact-sourced risk came from). */
  internal: <Z extends z.ZodType>(label: MessageKey, value: ValueKind, zod: Z, blank: z.infer<Z>) => ({ label, value, zod, blank, readOnly: true }),
};

type Shape<F extends Record<string, FieldSpec>> = { [K in keyof F]: F[K]['zod'] };
export type Declared<F extends Record<string, FieldSpec>> = FieldSpec & { key: keyof F & string };

export interface RegisterInput<T extends string, F extends Record<string, FieldSpec>> {
  /** The Dexie table (and history register) its records live in. */
  table: T;
  /** Identity and timestamps every record carries (default: id, workspace, created and updated). */
  base?: z.ZodRawShape;
  fields: F;
  derived?: Record<string, DerivedSpec>;
  /** The list's columns, in order: stored or derived fields. */
  list?: readonly string[];
  /** The editor's sections in order, each with its heading; fields name their section. */
  sections?: Record<string, MessageKey>;
  /** What a record's summary header shows beside its name, in order: stored or derived fields. */
  summary?: readonly string[];
}

export function defineRegister<T extends string, F extends Record<string, FieldSpec>, B extends z.ZodRawShape = typeof recordBase>(
  input: RegisterInput<T, F> & { base?: B },
) {
  const fields = Object.entries(input.fields).map(([key, s]) => ({ ...s, key })) as Declared<F>[];
  const derived = Object.entries(input.derived ?? {}).map(([key, d]) => ({ ...d, key }));
  const schema = z.strictObject({ ...((input.base ?? recordBase) as B), ...(Object.fromEntries(fields.map((f) => [f.key, f.zod])) as Shape<F>) });
  const inputs: FieldDef<keyof F & string>[] = fields.flatMap((f) =>
    f.input && !f.readOnly ? [{ key: f.key, label: f.label, column: f.column ?? f.key, ...f.input }] : [],
  );
  return {
    table: input.table,
    schema,
    fields,
    derived,
    list: input.list ?? [],
    summary: input.summary ?? [],
    sections: Object.entries(input.sections ?? {}).map(([name, heading]) => ({ name, heading })),
    /** Every stored field's meaning, in declaration order (history, previews, merges, report). */
    valueFields: fields.map((f): ValueField => ({ key: f.key, label: f.label, value: f.value })),
    /** The plain fields as the generic editor and the field-by-field checks see them. */
    inputs,
    /** The declared fields of one editor section, in declaration order. */
    section: (name: string) => fields.filter((f) => f.section === name),
    /** Every field at its blank value: a new record is this, its base and what the user typed. */
    blank: (): { [K in keyof F]: z.infer<F[K]['zod']> } => Object.fromEntries(fields.map((f) => [f.key, structuredClone(f.blank)])) as never,
  };
}

/** A register's declaration as generic code sees it. */
export interface RegisterDecl {
  table: string;
  schema: z.ZodType<Record<string, unknown>>;
  fields: readonly (FieldSpec & { key: string })[];
  derived: readonly (DerivedSpec & { key: string })[];
  list: readonly string[];
  summary: readonly string[];
  sections: readonly { name: string; heading: MessageKey }[];
  valueFields: readonly ValueField[];
  inputs: readonly FieldDef[];
  section(name: string): readonly (FieldSpec & { key: string })[];
  blank(): Record<string, unknown>;
}
