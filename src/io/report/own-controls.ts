import { ownControlSchema } from '../../domain/own-control-schema';
import { t } from '../words';
import { cmp, type Report } from './context';
import { declaredFields, value } from './fields';
import { html, table, type Html } from './html';

/** The organization's own controls with the Annex A controls they implement and the risks they treat. */
export function ownControlSection(r: Report): Html {
  const { input, l } = r;
  if (input.ownControls.length === 0) return html`<p>${l.m['report.ownControls.empty']}</p>`;
  const fields = declaredFields('ownControls', ownControlSchema.shape);
  const withRisks = input.included.risks;
  // The risks each control treats, in one pass over the risks (a filter per control was 200 × 10,000 lookups).
  const treatedBy = new Map<string, string[]>();
  for (const risk of input.risks)
    for (const id of new Set(risk.ownControlIds)) {
      const list = treatedBy.get(id);
      if (list) list.push(risk.id);
      else treatedBy.set(id, [risk.id]);
    }
  const rows = [...input.ownControls]
    .sort((a, b) => cmp(a.name, b.name) || cmp(a.id, b.id))
    .map((c) => {
      const record = c as unknown as Record<string, unknown>;
      const cells = fields.map((f, i) =>
        i === 0 ? html`<th scope="row">${value(r, f.value, record[f.key])}</th>` : html`<td>${value(r, f.value, record[f.key])}</td>`,
      );
      const treats = treatedBy.get(c.id) ?? [];
      return html`<tr>${cells}${withRisks ? html`<td>${value(r, { kind: 'refs', target: 'risks' }, treats)}</td>` : ''}</tr>`;
    });
  return table([...fields.map((f) => t(f.label)), ...(withRisks ? [l.m['report.ownControls.risks']] : [])], rows);
}
