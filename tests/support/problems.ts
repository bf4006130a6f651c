import type { Problem } from '../../src/domain/problem';
import { problemText, rowText } from '../../src/i18n/problem-text';
import { detailText } from '../../src/state/io-messages';

/**
 * A file's problem as the page reads it: its code and place, the line it is on as "row N" and its
 * reason or facts as `detail`, in the UI's language (what describeProblem shows).
 */
export function worded(p: Problem): { code: string; file?: string; record?: string; field?: string; detail?: string } {
  const detail = detailText(p);
  const field = p.field ?? (p.row === undefined ? undefined : rowText(p.row));
  return {
    code: p.code,
    ...(p.file ? { file: p.file } : {}),
    ...(p.record ? { record: p.record } : {}),
    ...(field ? { field } : {}),
    ...(detail ? { detail } : {}),
  };
}

/** A cell's or a row's problem as the preview lists it: "sheet|row|column|message". */
export const cellLine = (p: Problem & { sheet: string; row: number; field: string }): string => `${p.sheet}|${p.row}|${p.field}|${problemText(p)}`;

/** A cell's or a row's problem as the preview shows it: sheet, row, column and the message. */
export const shown = (p: Problem & { sheet: string; row: number; field: string }) => ({ sheet: p.sheet, row: p.row, column: p.field, message: problemText(p) });
