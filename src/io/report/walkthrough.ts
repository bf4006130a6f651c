import { effectiveStatus } from '../../domain/assessment-schema';
import type { CatalogItem } from '../../domain/catalog-model';
import { t } from '../words';
import type { Report } from './context';
import { html, table, type Html } from './html';

/** Clauses 4–10, grouped by clause: status, owner and target date of each item. */
export function walkthroughSection({ input, l, answers }: Report): Html {
  const catalog = input.catalog;
  const groups = catalog.topGroups.filter((g) => catalog.clauseItems.some((i) => i.topGroup === g.id));
  const row = (item: CatalogItem) => {
    const a = answers.get(item.id);
    return html`<tr><th scope="row">${item.id}</th><td>${item.title}</td><td>${t(`status.${effectiveStatus(a, false)}`)}</td><td>${a?.owner ?? ''}</td><td>${l.day(a?.targetDate)}</td></tr>`;
  };
  const rows = groups.map(
    (g) =>
      html`<tr class="group"><th colspan="5" scope="colgroup">${g.id} ${g.title}</th></tr>${catalog.clauseItems.filter((i) => i.topGroup === g.id).map(row)}`,
  );
  return table(
    [l.m['report.walkthrough.col.item'], l.m['report.walkthrough.col.title'], t('assessment.status'), t('assessment.owner'), t('assessment.targetDate')],
    rows,
  );
}
