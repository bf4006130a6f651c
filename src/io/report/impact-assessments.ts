import { valueField, type ValueField } from '../../domain/register-values';
import type { FieldDef } from '../../domain/fields';
import { conclusionFields, scopeFields, signOffFields, type ImpactAssessment } from '../../domain/impact-assessment-schema';
import { t, valueText } from '../words';
import { fmt } from './report-text';
import { cmp, type Report } from './context';
import { recordFields, rowsTable } from './fields';
import { html, type Html } from './html';

const declared = (defs: readonly FieldDef[]): ValueField[] =>
  defs.map((d) => valueField('impactAssessments', d.key)).filter((f): f is ValueField => f !== undefined);

function version(r: Report, a: ImpactAssessment): Html {
  const record = a as unknown as Record<string, unknown>;
  const state = valueText(valueField('impactAssessments', 'state')?.value, a.state, r.ctx);
  const impacts = valueField('impactAssessments', 'impacts');
  return html`<article class="record">
<h4>${fmt(r.l.m['report.ia.version'], { version: r.l.n(a.version), state })}</h4>
<h5>${t('ia.section.scope')}</h5>${recordFields(r, declared(scopeFields), record)}
<h5>${t('ia.section.impacts')}</h5>${a.impacts.length === 0 || !impacts ? html`<p>${t('ia.impacts.empty')}</p>` : rowsTable(r, impacts, a.impacts, false)}
<h5>${t('ia.section.conclusion')}</h5>${recordFields(r, declared(conclusionFields), record)}
<h5>${t('ia.section.signOff')}</h5>${recordFields(r, declared(signOffFields), record)}
</article>`;
}

/** Every version of every impact assessment, newest first, one series per AI system. */
export function impactAssessmentSection(r: Report): Html {
  const { input, l, ctx } = r;
  if (input.impactAssessments.length === 0) return html`<p>${l.m['report.ia.empty']}</p>`;
  const series = new Map<string, ImpactAssessment[]>();
  for (const a of input.impactAssessments) series.set(a.seriesId, [...(series.get(a.seriesId) ?? []), a]);
  const systemOf = (versions: ImpactAssessment[]) => ctx.nameOf('aiSystems', versions[0]!.aiSystemId) ?? t('history.value.deleted');
  const sorted = [...series.entries()].sort(([ida, a], [idb, b]) => cmp(systemOf(a), systemOf(b)) || cmp(ida, idb));
  return html`${sorted.map(([, versions]) => {
    const newestFirst = [...versions].sort((a, b) => b.version - a.version || cmp(a.id, b.id));
    return html`<section class="series"><h3>${t('ia.title', { system: systemOf(versions) })}</h3>${newestFirst.map((a) => version(r, a))}</section>`;
  })}`;
}
