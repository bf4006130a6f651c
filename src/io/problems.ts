import { problemOf, type Problem, type ProblemWhere } from '../domain/problem';

/**
 * Problems a user's file can cause, as values (the one shape, domain/problem.ts): a string code
 * plus where it was found. Importers collect them into a report instead of throwing one at a time.
 * `file` is the path inside the bundle (or the file name), `record` the record id or row, `field`
 * the field path; `params.detail` a plain fact (a name, an id, a count) the message shows. A fact
 * that needs words is a `params.reason` code with its numbers and names instead (worded by
 * src/i18n/problem-text.ts, as the zip reader's and the encrypted container's problems are).
 */
export type IoProblem = Problem;

export function problem(code: string, where: ProblemWhere & { detail?: string } = {}): IoProblem {
  const { detail, ...at } = where;
  return problemOf(code, detail === undefined ? undefined : { detail }, at);
}
