import type { FieldProblem } from '../domain/field-problems';
import type { FieldDef } from '../domain/fields';
import { hasMessage, t } from '../i18n/i18n';

/** One problem of a form as the ErrorSummary lists it: the id of the control to fix, and what to do. */
export interface FormProblem {
  id: string;
  message: string;
}

/**
 * Moves focus to the control a summary link names (the first control inside a group such as a set
 * of boxes) and brings it into view. The link's own #id would be read as a route.
 */
export function focusField(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  const control = el.matches('input, select, textarea, button, [tabindex]') ? el : (el.querySelector<HTMLElement>('input, select, textarea, button') ?? el);
  control.focus();
  control.scrollIntoView?.({ block: 'center' });
}

/** The sentence shown beside a field and in the summary: "Enter a title." for the usual required fields. */
export function fieldProblemText(p: FieldProblem, field: Pick<FieldDef, 'key' | 'label'>): string {
  const label = t(field.label);
  if (p.code === 'required') {
    const own = `validation.${field.key}-required`;
    return hasMessage(own) ? t(own) : t('validation.required', { field: label });
  }
  if (p.code === 'too-long') return t('validation.too-long', { field: label, max: Number(p.params?.max ?? 0) });
  return t('validation.invalid', { field: label });
}
