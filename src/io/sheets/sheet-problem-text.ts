import { problemOf, type Problem, type ProblemParams, type ProblemWhere } from '../../domain/problem';
import type { SheetProblemCode } from '../../domain/sheet-problem-codes';
import { hasMessage, messageIn, t, tableLocales } from '../words';

/**
 * A spreadsheet import's problems as codes with their facts (domain/problem.ts), never words: the
 * page words them in the reader's language (src/i18n/problem-text.ts: `not-one-of` reads as
 * sheetProblem.notOneOf). Built only for what has a problem, never for a cell that reads fine.
 */

/** A cell that cannot be read: what is wrong with it. */
export function refused(code: SheetProblemCode, params?: ProblemParams): { ok: false; problem: Problem } {
  return { ok: false, problem: problemOf(code, params) };
}

/**
 * A file's problem (`code`, worded as io.problem.<code>) whose reason is a spreadsheet problem
 * (`reason`, worded like a cell's); `row` names the line it is on.
 */
export function sheetFileProblem(code: string, where: ProblemWhere, reason: SheetProblemCode, params?: ProblemParams, row?: number): Problem {
  return problemOf(code, { reason, ...params }, { ...where, ...(row === undefined ? {} : { row }) });
}

const LEVEL = 'sheetProblem.level';
const ENGLISH_LEVEL = 'Level {n}';

/** "Level 4": what a rating the matrix does not cover exports as, in the export's language. */
export function levelText(n: number): string {
  return hasMessage(LEVEL) ? t(LEVEL, { n }) : ENGLISH_LEVEL.replace('{n}', String(n));
}

/** The number in a "Level N" text of any loaded language (English first), or null. */
export function levelNumber(text: string): number | null {
  const templates = new Set([ENGLISH_LEVEL, ...(hasMessage(LEVEL) ? [t(LEVEL, { n: '{n}' })] : [])]);
  for (const l of tableLocales()) {
    const s = messageIn(l, LEVEL);
    if (s !== undefined) templates.add(s);
  }
  const lower = text.toLowerCase();
  for (const template of templates) {
    const [before, after] = template.toLowerCase().split('{n}') as [string, string | undefined];
    if (after === undefined || !lower.startsWith(before) || !lower.endsWith(after)) continue;
    const digits = lower.slice(before.length, lower.length - after.length);
    if (/^\d+$/.test(digits)) return Number(digits);
  }
  return null;
}
