import { evaluateRisk } from '../../domain/risk-evaluation';
import { riskSchema } from '../../domain/risk-schema';
import type { CellLevel } from '../../domain/risk-matrix';
import { t, tOption, riskFlagText } from '../words';
import { fmt } from './report-text';
import { sortedByRef, type Report } from './context';
import { declaredFields, recordCards } from './fields';
import { html, table, type Html } from './html';

/** Level colours come from user-editable risk criteria: only a plain #rrggbb ever reaches a style. */
const HEX = /^#[0-9a-f]{6}$/i;

function level(cell: CellLevel | null): Html {
  if (!cell) return html`<span class="muted">${t('risks.notRated')}</span>`;
  const colour = HEX.test(cell.level.hexcolor) ? cell.level.hexcolor : null;
  return html`${colour ? html`<span class="swatch" style="background:${colour}"></span>` : ''}${cell.level.name}`;
}

/** The risk register with the criteria it is judged by, sorted by number. */
export function riskSection(report: Report): Html {
  const { input, l } = report;
  const m = l.m;
  const matrix = input.workspace.riskMatrix;
  const systems = new Map(input.aiSystems.map((s) => [s.id, s.name]));
  const own = new Map(input.ownControls.map((c) => [c.id, c.name]));
  const threshold = matrix.risk[matrix.acceptanceThreshold]?.name ?? l.n(matrix.acceptanceThreshold + 1);
  const criteria = html`<p>${fmt(m['report.risks.criteria'], { name: matrix.name, threshold })}</p>`;
  if (input.risks.length === 0) return html`${criteria}<p>${m['report.risks.empty']}</p>`;
  const sorted = sortedByRef(input.risks);
  const rows = sorted.map((r) => {
    const ev = evaluateRisk(r, matrix);
    const ownNames = r.ownControlIds.map((id) => own.get(id)).filter((n): n is string => n !== undefined);
    const acceptance =
      r.acceptedBy.trim() && r.acceptedOn
        ? fmt(m['report.risks.accepted'], { name: r.acceptedBy, date: l.day(r.acceptedOn) })
        : ev.acceptanceRequired
          ? m['report.risks.acceptanceMissing']
          : m['report.risks.acceptanceNotRequired'];
    return html`<tr${ev.flags.length > 0 ? html` class="flagged"` : ''}>
<th scope="row" class="ref">${r.ref}</th>
<td>${r.title}${ev.flags.length > 0 ? html`<span class="flag">${ev.flags.map((f) => riskFlagText(f, ev, matrix)).join(m['report.gapSeparator'])}</span>` : ''}</td>
<td>${l.list(r.aiSystemIds.map((id) => systems.get(id) ?? m['report.risks.unknownSystem']))}</td>
<td>${level(ev.inherent)}</td>
<td>${level(ev.residual)}</td>
<td>${r.treatment ? tOption('risk.treatmentValue', r.treatment) : ''}</td>
<td>${l.list(r.annexAControls)}${ownNames.length > 0 ? html`<span class="block">${fmt(m['report.risks.ownControls'], { names: l.list(ownNames) })}</span>` : ''}</td>
<td>${r.owner}</td>
<td>${tOption('risk.statusValue', r.status)}</td>
<td>${acceptance}</td></tr>`;
  });
  const headers = [
    t('risks.col.ref'),
    t('risk.title'),
    t('risks.col.systems'),
    t('risks.col.inherent'),
    t('risks.col.residual'),
    t('risk.treatment'),
    m['report.risks.controls'],
    t('risk.owner'),
    t('risk.status'),
    m['report.risks.acceptance'],
  ];
  const cards = sorted.map((r) => ({ title: html`<span class="ref">${r.ref}</span> ${r.title}`, record: r }));
  return html`${criteria}${table(headers, rows)}${recordCards(report, m['report.risks.details'], declaredFields('risks', riskSchema.shape, ['ref', 'title']), cards, input.dataFiles.risks)}`;
}
