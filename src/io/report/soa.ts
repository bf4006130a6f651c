import { effectiveStatus } from '../../domain/assessment-schema';
import { soaApplicable, soaCompleteness, soaGaps } from '../../domain/progress';
import { refsText, treatmentLinks } from '../../domain/soa-links';
import { t, tOption } from '../words';
import { fmt } from './report-text';
import type { Report } from './context';
import { html, table, text, type Html } from './html';

/** The Statement of Applicability: every Annex A control in catalog order, gaps flagged. */
export function soaSection({ input, l, answers }: Report): Html {
  const { catalog, workspace } = input;
  const links = treatmentLinks(input.risks, input.ownControls);
  const summary = soaCompleteness(catalog, answers, links);
  const meta = workspace.soaMeta;
  const notSet = t('soa.notSet');
  const rows = catalog.controls.map((control) => {
    const a = answers.get(control.id);
    const treated = links.get(control.id) ?? [];
    const gaps = soaGaps(a, treated);
    const applicable = soaApplicable(a, treated);
    const decided = a?.applicable ?? null;
    const applicableText =
      applicable === null
        ? t('soa.applicable.undecided')
        : !applicable
          ? t('soa.applicable.no')
          : decided === null
            ? l.m['report.soa.derived']
            : t('soa.applicable.yes');
    const flag = fmt(l.m['report.soa.flag'], { flag: t('soa.flagged'), gaps: gaps.map((g) => t(`soa.gap.${g}`)).join(l.m['report.gapSeparator']) });
    return html`<tr${gaps.length > 0 ? html` class="flagged"` : ''}>
<th scope="row"><strong>${control.id}</strong> ${control.title}${gaps.length > 0 ? html`<span class="flag">${flag}</span>` : ''}</th>
<td>${applicableText}</td>
<td>${a?.justificationCategory ? html`<strong>${tOption('justification', a.justificationCategory)}</strong>` : ''}${treated.length > 0 ? html`<span class="block">${t('soa.riskTreatment', { refs: refsText(treated) })}</span>` : ''}${text(a?.justification ?? '')}</td>
<td>${t(`status.${effectiveStatus(a, true)}`)}</td>
<td>${text(a?.implementation ?? '')}</td>
<td>${a?.owner ?? ''}</td></tr>`;
  });
  return html`<p>${t('soa.printMeta', { version: meta.version || notSet, date: meta.date ? l.day(meta.date) : notSet, approver: meta.approver || notSet })}</p>
<p><strong>${t('soa.completeness', { complete: l.n(summary.complete), total: summary.total })}</strong> · ${t('soa.summary', { applicable: l.n(summary.applicable), excluded: l.n(summary.excluded), undecided: l.n(summary.undecided) })}</p>
${table([t('soa.col.control'), t('soa.col.applicable'), t('soa.col.justification'), t('soa.col.status'), t('soa.col.implementation'), t('soa.col.owner')], rows, [22, 9, 25, 11, 23, 10])}`;
}
