import { hasMessage, t } from '../i18n/i18n';
import { sheetProblems } from '../i18n/en/sheet-problems';
import { messageIn, tableLocales } from '../i18n/locale-tables';
import { problem, type IoProblem } from './problems';

/**
 * The words of a spreadsheet import's problems, in the UI's language (src/i18n/<locale>/sheet-problems.ts).
 * Called only for what has a problem, never for a cell that reads fine. Before the catalogue has
 * loaded (a worker reads the file while its strings arrive) a text is the English one, filled the
 * same way, so nothing shows a raw key; `rewordProblems` words such a problem again once they are in.
 */
export type SheetProblemKey = keyof typeof sheetProblems;
type Params = Record<string, string | number>;

const fill = (template: string, params: Params | undefined) =>
  params ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : template;

export function problemText(key: SheetProblemKey, params?: Params): string {
  return hasMessage(key) ? t(key, params) : fill(sheetProblems[key], params);
}

/** Items of a list inside a message ("Rare, Unlikely" / "罕见、不太可能"), with the language's separator. */
export function listText(items: readonly string[]): string {
  return items.join(problemText('sheetProblem.listSeparator'));
}

/** How problems built by `wordedProblem` were worded, to word them again in the UI's language. */
const wording = new WeakMap<IoProblem, { key: SheetProblemKey; params: Params | undefined; field?: Params }>();

/**
 * A problem whose detail is a catalogue message (the code stays the same). `fieldRow` gives a
 * "row N" field, worded like the detail.
 */
export function wordedProblem(code: string, where: Omit<IoProblem, 'code' | 'detail'>, key: SheetProblemKey, params?: Params, fieldRow?: number): IoProblem {
  const field = fieldRow === undefined ? undefined : { row: fieldRow };
  const p = problem(code, { ...where, ...(field ? { field: problemText('sheetProblem.row', field) } : {}), detail: problemText(key, params) });
  wording.set(p, { key, params, ...(field ? { field } : {}) });
  return p;
}

/** Words again, in the UI's language as it is now, the problems `wordedProblem` built (others are left as they are). */
export function rewordProblems(problems: readonly IoProblem[]): void {
  for (const p of problems) {
    const w = wording.get(p);
    if (!w) continue;
    p.detail = problemText(w.key, w.params);
    if (w.field) p.field = problemText('sheetProblem.row', w.field);
  }
}

/** Every text "Level N" has in the loaded languages (English first): what a rating the matrix does not cover exports as. */
export function levelNumber(text: string): number | null {
  const templates = new Set([sheetProblems['sheetProblem.level'], problemText('sheetProblem.level', { n: '{n}' })]);
  for (const l of tableLocales) {
    const s = messageIn(l, 'sheetProblem.level');
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

/**
 * A schema's own problem with a row: a required text left empty in our words; anything else as the
 * schema says it (the columns' own checks catch the rest first).
 */
export function schemaIssueText(issue: { code: string; message: string; origin?: unknown; minimum?: unknown }): string {
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) return problemText('sheetProblem.required');
  return issue.message;
}
