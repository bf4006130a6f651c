/**
 * One thing wrong with what a person gave or a file holds, in the one shape every layer uses: a
 * kebab-case code, the facts its message needs, and where it was found. Never worded here: the
 * UI, the report and the sheet word it in the reader's language (src/i18n/problem-text.ts).
 */

/** A word the reader's language supplies (an option's label, a sheet's name): `${prefix}.${value}` in the catalogue, else the value. */
export interface ProblemWord {
  prefix: string;
  value: string;
  lower?: boolean;
}
/** A fact a message needs: as is, a word, or a list (joined with the reader's list separator). */
export type ProblemParam = string | number | ProblemWord | readonly (string | ProblemWord)[];
export type ProblemParams = Record<string, ProblemParam>;

export interface Problem<Code extends string = string> {
  code: Code;
  params?: ProblemParams;
  /** The file, or the path inside a bundle. */
  file?: string;
  /** The sheet as the file names it. */
  sheet?: string;
  /** 1-based, as a spreadsheet shows it. */
  row?: number;
  /** The record's id or label (a row, a catalog item). */
  record?: string;
  /** The field's path, or a spreadsheet column's header. */
  field?: string;
}

export type ProblemWhere = Omit<Problem, 'code' | 'params'>;

/** A problem with its code, facts and place; empty facts and places are left out. */
export function problemOf<Code extends string>(code: Code, params?: ProblemParams, where: ProblemWhere = {}): Problem<Code> {
  const p: Problem<Code> = { code };
  if (params && Object.keys(params).length > 0) p.params = params;
  for (const [k, v] of Object.entries(where) as [keyof ProblemWhere, string | number | undefined][])
    if (v !== undefined && v !== '') (p as unknown as Record<string, unknown>)[k] = v;
  return p;
}

/** What a zod issue means, in our codes. The subset of zod's issue this needs (zod 4). */
export interface ZodIssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  values?: readonly unknown[];
  options?: readonly unknown[];
}

export type ZodProblemCode = 'required' | 'too-long' | 'too-short' | 'too-small' | 'too-big' | 'not-one-of' | 'invalid';

/**
 * A zod issue as a problem: an empty required text is 'required', a text over its limit 'too-long'
 * with `max`, a value outside an enum 'not-one-of' with its `options`; anything else 'invalid'. Each but
 * 'required' keeps zod's own message as `schemaMessage` (worded by zod in the language its caller
 * set): where no message of ours fits, that is what a person reads.
 */
export function fromZodIssue(issue: ZodIssueLike, where: ProblemWhere = {}): Problem<ZodProblemCode> {
  const at = { ...(issue.path.length > 0 ? { field: issue.path.map(String).join('.') } : {}), ...where };
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return Number(issue.minimum) <= 1
      ? problemOf('required', undefined, at)
      : problemOf('too-short', { min: Number(issue.minimum), schemaMessage: issue.message }, at);
  }
  if (issue.code === 'too_big' && issue.origin === 'string') return problemOf('too-long', { max: Number(issue.maximum), schemaMessage: issue.message }, at);
  if (issue.code === 'too_small' && issue.origin === 'number') return problemOf('too-small', { min: Number(issue.minimum), schemaMessage: issue.message }, at);
  if (issue.code === 'too_big' && issue.origin === 'number') return problemOf('too-big', { max: Number(issue.maximum), schemaMessage: issue.message }, at);
  if (issue.code === 'invalid_value' || issue.code === 'invalid_enum_value') {
    const options = (issue.values ?? issue.options ?? []).map(String);
    return problemOf('not-one-of', { options, schemaMessage: issue.message }, at);
  }
  return problemOf('invalid', { schemaMessage: issue.message }, at);
}
