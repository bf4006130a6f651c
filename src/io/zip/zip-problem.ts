import { problemOf, type ProblemParam, type ProblemWhere } from '../../domain/problem';
import type { ZipDetailCode } from '../../domain/zip-problem-codes';
import type { IoProblem } from '../problems';

/** The facts of a zip problem: numbers, quoted names, a byte in hex; the page words them by their reason. */
export type ZipFacts = Record<string, ProblemParam>;

/** A zip problem: its code (io.problem.<code>) and why (`reason`, io.detail.zip*), with the facts the reason's message names. */
export function zipProblem(code: string, reason: ZipDetailCode, facts: ZipFacts, where: ProblemWhere): IoProblem {
  return problemOf(code, { reason, ...facts }, where);
}
