import type { Problem } from '../../domain/problem';
import { sheetFileProblem } from '../sheets/sheet-problem-text';

/**
 * What the mapping wizard refuses to read on from, of the reader's warnings: a CSV quote that is
 * never closed (everything after it would be one cell), named by the file and the line where the
 * quote opens. The workbook import reports the same warning as a problem.
 */
export function mappingRefusals(warnings: readonly Problem[]): Problem[] {
  return warnings.flatMap((w) => {
    if (w.code !== 'csv-unclosed-quote') return [];
    const line = w.params?.line ?? w.row ?? 1;
    return [sheetFileProblem('csv-unclosed-quote', { file: w.file }, 'unclosed-quote-line', { line: typeof line === 'number' ? line : Number(line) })];
  });
}
