import type { IoProblem } from '../io/problems';
import { hasMessage, t, type MessageKey } from '../i18n/i18n';
import { paramText, problemText, rowText } from '../i18n/problem-text';

/**
 * Why a file's problem happened: a spreadsheet reason (`params.reason`, worded like a cell's
 * problem) or the plain facts in `params.detail`.
 */
export function detailText(p: IoProblem): string {
  const reason = p.params?.reason;
  if (typeof reason === 'string') return problemText({ code: reason, params: p.params });
  return p.params?.detail === undefined ? '' : paramText(p.params.detail);
}

/** "data/risks.json, record r-1, field title: A record is not valid: …" — where first, then what. */
export function describeProblem(p: IoProblem): string {
  const key = `io.problem.${p.code}` as MessageKey;
  const detail = detailText(p);
  const what = hasMessage(key) ? t(key, { detail }) : `${p.code}${detail ? ` (${detail})` : ''}`;
  const field = p.field ?? (p.row === undefined ? undefined : rowText(p.row));
  const where = p.file
    ? p.record && field
      ? t('io.whereField', { file: p.file, record: p.record, field })
      : p.record
        ? t('io.whereRecord', { file: p.file, record: p.record })
        : field
          ? t('io.whereFileField', { file: p.file, field })
          : t('io.where', { file: p.file })
    : '';
  return where ? `${where}: ${what}` : what;
}
