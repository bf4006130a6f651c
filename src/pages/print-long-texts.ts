import type { HistoryTable } from '../domain/history';
import { valueFields } from '../domain/register-values';
import { t } from '../i18n/i18n';

export interface LongText {
  key: string;
  label: string;
  text: string;
}

/**
 * A record's long texts (description, consequences, a treatment plan, a justification …) that are
 * filled in, labelled, in the order the register declares them. A print view sets each on its own
 * full-width row under the record's row: in a column of a many-column table a plan of a few
 * paragraphs ran over many pages, a word a line.
 */
export function longTexts(table: HistoryTable, record: object, only?: readonly string[]): LongText[] {
  const values = record as Record<string, unknown>;
  return valueFields(table)
    .filter((f) => f.value.kind === 'long' && (!only || only.includes(f.key)))
    .map((f) => ({ key: f.key, label: t(f.label), text: typeof values[f.key] === 'string' ? (values[f.key] as string).trim() : '' }))
    .filter((x) => x.text !== '');
}
