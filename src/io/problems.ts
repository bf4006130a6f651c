import { problemOf, type Problem, type ProblemWhere } from '../domain/problem';

/**
 * Problems a user's file can cause, as values (the one shape, domain/problem.ts): a string code
 * plus where it was found. Importers collect them into a report instead of throwing one at a time.
 * `file` is the path inside the bundle (or the file name), `record` the record id or row, `field`
 * the field path; `params.detail` the plain facts (sizes, limits, a name) the message shows.
 */
export type IoProblem = Problem;

export function problem(code: string, where: ProblemWhere & { detail?: string } = {}): IoProblem {
  const { detail, ...at } = where;
  return problemOf(code, detail === undefined ? undefined : { detail }, at);
}

/** The plain facts of a problem ('' when it has none). */
export const detailOf = (p: Problem): string => (typeof p.params?.detail === 'string' ? p.params.detail : '');
