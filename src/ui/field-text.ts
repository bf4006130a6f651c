import type { FieldDef } from '../domain/fields';
import { formatDate, formatNumber, t, tOption } from '../i18n/i18n';

/** How a declared field's value reads in a list cell or a summary. */
export function fieldText(field: FieldDef, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  switch (field.kind) {
    case 'enum':
      return tOption(field.optionPrefix ?? '', String(value));
    case 'multi-enum':
      return Array.isArray(value) ? value.map((v) => tOption(field.optionPrefix ?? '', String(v))).join(', ') : '';
    case 'date':
      return formatDate(String(value));
    case 'number':
      return typeof value === 'number' ? formatNumber(value) : '';
    case 'flag':
      return value === true ? t('history.value.yes') : value === false ? t('history.value.no') : '';
    default:
      return String(value);
  }
}
