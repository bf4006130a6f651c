import type { RegisterDecl } from '../domain/register';
import type { RiskMatrix } from '../domain/risk-matrix';
import { t } from '../i18n/i18n';
import { valueText, type ValueContext } from './value-text';
import type { Column } from './DataTable.svelte';

/** A choice's explanation in brackets ("Provider (we place it on the market …)") is left to the record's page. */
const short = (label: string) => label.replace(/\s*[(（][^()（）]*[)）]$/, '');

/**
 * A declared register's list columns, in the order its declaration lists them: each value worded
 * as everywhere else (choices by label, references by name, dates in the locale), derived values
 * (a rating's level) sorted by their place on the matrix, choices by their order, dates by date.
 */
export function registerColumns<T extends object>(
  decl: Pick<RegisterDecl, 'fields' | 'derived' | 'list'>,
  ctx: ValueContext & { matrix: RiskMatrix },
): Column<T>[] {
  return decl.list.map((key): Column<T> => {
    const row = (r: T) => r as unknown as Record<string, unknown>;
    const d = decl.derived.find((x) => x.key === key);
    // A derived value is a rating's level: none yet reads "Not rated", as its badge says (a phone card
    // would otherwise show the column as empty beside the badge).
    if (d)
      return {
        key,
        label: t(d.short ?? d.label),
        text: (r) => d.text(row(r), ctx.matrix).text || t('risks.notRated'),
        sortKey: (r) => d.text(row(r), ctx.matrix).order,
      };
    const f = decl.fields.find((x) => x.key === key);
    if (!f) throw new Error(`list column ${key} is not a declared field`);
    const label = t(f.short ?? f.label);
    const text = (r: T) => valueText(f.value, row(r)[key], ctx);
    switch (f.value.kind) {
      case 'choice': {
        const options = f.input?.options ?? [];
        return { key, label, text: (r) => short(text(r)), sortKey: (r) => options.indexOf(String(row(r)[key])) };
      }
      case 'date':
      case 'rating':
        return { key, label, text, sortKey: (r) => (row(r)[key] as string | number | null) ?? '' };
      default:
        return { key, label, text };
    }
  });
}
