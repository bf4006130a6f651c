/** Errors a user can cause are values with a string code, never thrown. */
export type Result<T, Code extends string = string> = { ok: true; value: T } | Failure<Code>;

import type { Problem, ProblemParams } from './problem';

/** One thing wrong with the input: the one problem shape (domain/problem.ts). */
export type { Problem };

/** A refusal: its first problem, and (when a check finds several) all of them, so a form can show them together. */
export type Failure<Code extends string = string> = { ok: false; code: Code; field?: string; params?: ProblemParams; problems?: Problem<Code>[] };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<Code extends string>(
  code: Code,
  field?: string,
  params?: ProblemParams,
): { ok: false; code: Code; field?: string; params?: ProblemParams } {
  return { ok: false, code, ...(field ? { field } : {}), ...(params ? { params } : {}) };
}

/** Every problem found at once; the first also stands as the refusal's own code and field. */
export function failAll<Code extends string>(problems: readonly [Problem<Code>, ...Problem<Code>[]]): Failure<Code> {
  const [first] = problems;
  return { ...fail(first.code, first.field, first.params), problems: [...problems] };
}

/** The problems of a refusal: all it found, or its one code. */
export function problemsOf<Code extends string>(r: Failure<Code>): Problem<Code>[] {
  return r.problems ?? [{ code: r.code, ...(r.field ? { field: r.field } : {}), ...(r.params ? { params: r.params } : {}) }];
}
