import type { FieldProblem } from '../domain/field-problems';
import type { FieldDef } from '../domain/fields';
import { fieldProblemText, type FormProblem } from './form-problems';

/**
 * The problems an autosaved record form is showing, one per field, kept until that field is saved
 * or fixed: every field that was refused stays marked, so the summary lists them all at once.
 * Each is kept as how to word it, and worded where it is read: a language switch rewords it.
 */
export class FieldErrors {
  #byKey = $state<Record<string, () => string>>({});

  /** Message by field key, for the fields' own error lines. */
  get byKey(): Readonly<Record<string, string>> {
    return Object.fromEntries(Object.entries(this.#byKey).map(([k, word]) => [k, word()]));
  }

  /**
   * Notes the problems found in a patch and forgets the earlier problems of the patch's other fields
   * (fixed now). True when the patch has none and may be saved.
   */
  check(patch: Readonly<Record<string, unknown>>, problems: readonly FieldProblem[], fields: readonly Pick<FieldDef, 'key' | 'label'>[]): boolean {
    const next = Object.fromEntries(Object.entries(this.#byKey).filter(([k]) => !(k in patch)));
    for (const p of problems) {
      const field = fields.find((f) => f.key === p.field);
      if (field) next[p.field] = () => fieldProblemText(p, field);
    }
    this.#byKey = next;
    return problems.length === 0;
  }

  set(key: string, message: () => string): void {
    this.#byKey = { ...this.#byKey, [key]: message };
  }

  clear(keys: Iterable<string>): void {
    const gone = new Set(keys);
    if ([...gone].some((k) => k in this.#byKey)) this.#byKey = Object.fromEntries(Object.entries(this.#byKey).filter(([k]) => !gone.has(k)));
  }

  /** For the ErrorSummary: in the order the fields stand on the page (`order`), the rest after. */
  summary(order: readonly string[], idOf: (key: string) => string): FormProblem[] {
    const keys = Object.keys(this.#byKey).sort((a, b) => rank(order, a) - rank(order, b));
    return keys.map((k) => ({ id: idOf(k), message: this.#byKey[k]!() }));
  }
}

function rank(order: readonly string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}
