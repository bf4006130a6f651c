import type { IoProblem } from '../io/problems';
import { hasMessage, t, type MessageKey } from '../i18n/i18n';

/** "data/risks.json, record r-1, field title: A record is not valid: …" — where first, then what. */
export function describeProblem(p: IoProblem): string {
  const key = `io.problem.${p.code}` as MessageKey;
  const what = hasMessage(key) ? t(key, { detail: p.detail ?? '' }) : `${p.code}${p.detail ? ` (${p.detail})` : ''}`;
  const where = p.file
    ? p.record && p.field
      ? t('io.whereField', { file: p.file, record: p.record, field: p.field })
      : p.record
        ? t('io.whereRecord', { file: p.file, record: p.record })
        : p.field
          ? t('io.whereFileField', { file: p.file, field: p.field })
          : t('io.where', { file: p.file })
    : '';
  return where ? `${where}: ${what}` : what;
}
