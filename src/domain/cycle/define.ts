import { z } from 'zod';
import { isoDateSchema } from '../dates';
import { LONG_TEXT_MAX, TEXT_MAX, type FieldDef, type FieldKind } from '../fields';
import type { MessageKey } from '../../i18n/messages-en';
import { idSchema, recordBase } from '../record-base';
import type { RefTarget } from '../value-kinds';
import type { Problem } from '../problem';

/** A cross-field rule a record breaks (the one problem shape): the field it concerns and the rule's code (cycle.rule.<code>). */
export type RuleProblem = Problem & { field: string };

/**
 * The management-system registers (clauses 4–10, plus the A.3.3/A.8.4 incident log) share one
 * Dexie table and one declaration shape. Each field is declared once, as a spec that yields its
 * zod schema, its blank value and its field declaration (label, options, spreadsheet column);
 * lists, editors, tasks, readiness, bundles and spreadsheets are all built from these.
 *
 * Message keys follow the declaration: `cycle.<kind>.<field>` labels a field,
 * `cycle.<kind>.<field>.<option>` an option, `cycle.<kind>.<field>.help` its help text, and
 * `cycle.<kind>.<rows>.<field>` a field of a nested row. A unit test checks every key exists.
 */

export const ROW_MAX = 500;

/** Catalog item ids a record evidences: clause numbers (4.1 … 10.2) and Annex A controls (A.2.2 …). */
export const itemIdSchema = z.string().regex(/^(A\.)?\d{1,2}(\.\d{1,2}){0,2}$/, 'not a catalog item id');

export interface FieldSpec<Z extends z.ZodType = z.ZodType> {
  kind: FieldKind;
  zod: Z;
  blank: z.infer<Z>;
  column: string;
  options?: readonly string[];
  /** Options labelled by a shared prefix (yes/no) instead of the field's own. */
  optionPrefix?: string;
  nullable?: boolean;
  maxLength?: number;
  help?: boolean;
  /** The value names a catalog item or a record (shown by its ref and title, checked in bundles). */
  ref?: RefTarget;
}

export const yesNo = ['yes', 'no'] as const;

export const spec = {
  text: (column: string, help = false): FieldSpec<z.ZodString> => ({
    kind: 'text',
    zod: z.string().max(TEXT_MAX),
    blank: '',
    column,
    maxLength: TEXT_MAX,
    help,
  }),
  long: (column: string, help = false): FieldSpec<z.ZodString> => ({
    kind: 'textarea',
    zod: z.string().max(LONG_TEXT_MAX),
    blank: '',
    column,
    maxLength: LONG_TEXT_MAX,
    help,
  }),
  /** A catalog item (clause or control) by its number. */
  item: (column: string): FieldSpec<typeof itemIdSchema> => ({ kind: 'text', zod: itemIdSchema, blank: '4.1', column, ref: 'items' }),
  date: (column: string, help = false) => ({ kind: 'date', zod: isoDateSchema.nullable(), blank: null, column, nullable: true, help }) satisfies FieldSpec,
  number: (column: string, help = false) =>
    ({ kind: 'number', zod: z.number().finite().nullable(), blank: null, column, nullable: true, help }) satisfies FieldSpec,
  /** A required choice with a default. */
  choice: <const O extends readonly [string, ...string[]]>(column: string, options: O, blank: O[number], help = false) =>
    ({ kind: 'enum', zod: z.enum(options), blank, column, options, help }) as FieldSpec<z.ZodEnum<{ [V in O[number]]: V }>>,
  /** A choice that may stay undecided (null). */
  maybe: <const O extends readonly [string, ...string[]]>(column: string, options: O, help = false, optionPrefix?: string) =>
    ({ kind: 'enum', zod: z.enum(options).nullable(), blank: null, column, options, nullable: true, help, optionPrefix }) as FieldSpec<
      z.ZodNullable<z.ZodEnum<{ [V in O[number]]: V }>>
    >,
};

type Shape<S extends Record<string, FieldSpec>> = { [P in keyof S]: S[P]['zod'] };

export interface RowsSpec<S extends Record<string, FieldSpec> = Record<string, FieldSpec>> {
  fields: S;
  /** Spreadsheet header of the read-only summary column. */
  column: string;
  /** How one row reads in that summary column. */
  summary(row: Record<string, unknown>): string;
  /** Rows a new record starts with (ids are added when it is created). */
  initial?: () => { [P in keyof S]: z.infer<S[P]['zod']> }[];
}

export interface RowsDef {
  key: string;
  label: MessageKey;
  column: string;
  fields: readonly FieldDef[];
  /** A blank row without its id. */
  blank(): Record<string, unknown>;
  schema: z.ZodType<Record<string, unknown>[]>;
  summary(row: Record<string, unknown>): string;
  initial(): Record<string, unknown>[];
}

/** A date in a record (or in each row of one of its lists) that is somebody's task until done. */
export interface TaskDef {
  /** The date field: in the record, or in each row of `rows`. */
  date: string;
  rows?: string;
  /** In a row: its owner and its title fields (the record's own when absent). */
  owner?: string;
  title?: string;
  done(record: Record<string, unknown>, row?: Record<string, unknown>): boolean;
}

export type CycleSection = 'context' | 'leadership' | 'planning' | 'support' | 'evaluation' | 'improvement';

/** The parts of a record a kind-specific editor handles itself (AI system picks, links to other records). */
export interface ExtraSpec<Z extends z.ZodType = z.ZodType> {
  zod: Z;
  blank: z.infer<Z>;
}

export function fieldDefs(kind: string, specs: Record<string, FieldSpec>, prefix = `cycle.${kind}`): FieldDef[] {
  return Object.entries(specs).map(([key, s]) => ({
    key,
    kind: s.kind,
    label: `${prefix}.${key}` as MessageKey,
    ...(s.help ? { help: `${prefix}.${key}.help` as MessageKey } : {}),
    ...(s.options ? { options: s.options, optionPrefix: s.optionPrefix ?? `${prefix}.${key}` } : {}),
    ...(s.nullable ? { nullable: true } : {}),
    ...(s.maxLength ? { maxLength: s.maxLength } : {}),
    ...(s.ref ? { ref: s.ref } : {}),
    column: s.column,
  }));
}

const blanks = (specs: Record<string, { blank: unknown }>) => Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, s.blank]));
const shapeOf = <S extends Record<string, { zod: z.ZodType }>>(specs: S) =>
  Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, s.zod])) as { [P in keyof S]: S[P]['zod'] };

export const cycleBaseShape = {
  ...recordBase,
  /** Human reference shown in lists and across sheets: DOC-001, NC-003 … (one prefix per kind). */
  ref: z.string().regex(/^[A-Z]{1,4}-\d{3,}$/, 'expected a reference like DOC-001'),
  title: z.string().trim().min(1).max(TEXT_MAX),
  owner: z.string().max(TEXT_MAX),
  /** The catalog items this record evidences; the walkthrough lists the record under each. */
  itemIds: z.array(itemIdSchema).max(120),
};

interface KindInput<K extends string, F extends Record<string, FieldSpec>, R extends Record<string, RowsSpec>, X extends Record<string, ExtraSpec>> {
  kind: K;
  section: CycleSection;
  refPrefix: string;
  /** What the title field is called for this kind ("Issue", "Document title" …): message key `cycle.<kind>.title`. */
  fields: F;
  rows?: R;
  extra?: X;
  tasks?: readonly TaskDef[];
  defaultItems: readonly string[];
  listColumns: readonly (keyof F & string)[];
  singleton?: boolean;
  /** Cross-field rules (an NC closes only after an effectiveness check): returns the offending field and a code. */
  rules?: (record: { [P in keyof F]: z.infer<F[P]['zod']> } & Record<string, unknown>) => RuleProblem | null;
  /** Values that count as finished for lists and readiness. */
  closed?: (record: { [P in keyof F]: z.infer<F[P]['zod']> }) => boolean;
}

export function defineKind<
  K extends string,
  F extends Record<string, FieldSpec>,
  R extends Record<string, RowsSpec> = Record<never, RowsSpec>,
  X extends Record<string, ExtraSpec> = Record<never, ExtraSpec>,
>(input: KindInput<K, F, R, X>) {
  const rowsIn = (input.rows ?? {}) as R;
  const extraIn = (input.extra ?? {}) as X;
  const rowSchemas = Object.fromEntries(
    Object.entries(rowsIn).map(([key, r]) => [key, z.array(z.strictObject({ id: idSchema, ...shapeOf(r.fields) })).max(ROW_MAX)]),
  ) as { [P in keyof R]: z.ZodArray<z.ZodObject<{ id: typeof idSchema } & Shape<R[P]['fields']>, z.core.$strict>> };
  const object = z.strictObject({
    ...cycleBaseShape,
    kind: z.literal(input.kind),
    ...shapeOf(input.fields),
    ...rowSchemas,
    ...shapeOf(extraIn),
  });
  const rules = input.rules;
  const schema = rules
    ? object.superRefine((value, ctx) => {
        const problem = rules(value as never);
        if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.code });
      })
    : object;
  const rows: RowsDef[] = Object.entries(rowsIn).map(([key, r]) => ({
    key,
    label: `cycle.${input.kind}.${key}` as MessageKey,
    column: r.column,
    fields: fieldDefs(input.kind, r.fields, `cycle.${input.kind}.${key}`),
    blank: () => blanks(r.fields),
    schema: rowSchemas[key as keyof R] as unknown as z.ZodType<Record<string, unknown>[]>,
    summary: r.summary as (row: Record<string, unknown>) => string,
    initial: (r.initial ?? (() => [])) as () => Record<string, unknown>[],
  }));
  return {
    kind: input.kind,
    section: input.section,
    refPrefix: input.refPrefix,
    schema,
    fields: fieldDefs(input.kind, input.fields),
    rows,
    extraKeys: Object.keys(extraIn),
    tasks: input.tasks ?? [],
    defaultItems: input.defaultItems,
    listColumns: input.listColumns as readonly string[],
    singleton: input.singleton ?? false,
    closed: (input.closed ?? (() => false)) as (record: Record<string, unknown>) => boolean,
    rules: (rules ?? (() => null)) as (record: Record<string, unknown>) => RuleProblem | null,
    /** Kind-specific values of a new record: every field, row list and extra at its blank value. */
    blank: (): Record<string, unknown> => ({ ...blanks(input.fields), ...Object.fromEntries(Object.keys(rowsIn).map((k) => [k, []])), ...blanks(extraIn) }),
  };
}

/** One register's declaration as generic code sees it: records as field maps. */
export interface KindDef {
  kind: string;
  section: CycleSection;
  refPrefix: string;
  schema: z.ZodType<Record<string, unknown>>;
  fields: FieldDef[];
  rows: RowsDef[];
  extraKeys: string[];
  tasks: readonly TaskDef[];
  defaultItems: readonly string[];
  listColumns: readonly string[];
  singleton: boolean;
  closed(record: Record<string, unknown>): boolean;
  rules(record: Record<string, unknown>): RuleProblem | null;
  blank(): Record<string, unknown>;
}

export function nextRef(prefix: string, existing: Iterable<string>): string {
  let max = 0;
  const pattern = new RegExp(`^${prefix}-(\\d+)$`);
  for (const ref of existing) {
    const m = pattern.exec(ref);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}-${String(max + 1).padStart(3, '0')}`;
}

export const refsSchema = z.array(idSchema).max(1000);
/** A link to one other record (a finding's audit, a nonconformity's source), or none. */
export const nullableRef = (): ExtraSpec<z.ZodNullable<typeof idSchema>> => ({ zod: idSchema.nullable(), blank: null });
export const refsExtra = (): ExtraSpec<typeof refsSchema> => ({ zod: refsSchema, blank: [] });
