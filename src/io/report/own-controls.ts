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
  const rows = [...input.ownControls]
    .sort((a, b) => cmp(a.name, b.name) || cmp(a.id, b.id))
    .map((c) => {
      const record = c as unknown as Record<string, unknown>;
      const cells = fields.map((f, i) =>
        i === 0 ? html`<th scope="row">${value(r, f.value, record[f.key])}</th>` : html`<td>${value(r, f.value, record[f.key])}</td>`,
      );
      const treats = input.risks.filter((risk) => risk.ownControlIds.includes(c.id)).map((risk) => risk.id);
      return html`<tr>${cells}${withRisks ? html`<td>${value(r, { kind: 'refs', target: 'risks' }, treats)}</td>` : ''}</tr>`;
    });
  return table([...fields.map((f) => t(f.label)), ...(withRisks ? [l.m['report.ownControls.risks']] : [])], rows);
}
