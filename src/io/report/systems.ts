import { aiSystemSchema } from '../../domain/ai-system-schema';
import { t, tOption } from '../words';
import { cmp, type Report } from './context';
import { declaredFields, recordCards } from './fields';
import { html, table, text, type Html } from './html';

/** The AI system inventory, by name. */
export function systemSection(report: Report): Html {
  const { input, l } = report;
  if (input.aiSystems.length === 0) return html`<p>${l.m['report.systems.empty']}</p>`;
  const sorted = [...input.aiSystems].sort((a, b) => cmp(a.name, b.name) || cmp(a.id, b.id));
  const rows = sorted.map(
    (s) => html`<tr><th scope="row">${s.name}</th>
<td>${text(s.purpose)}</td>
<td>${s.role ? tOption('ai.role', s.role) : ''}</td>
<td>${s.systemType ? tOption('ai.type', s.systemType) : ''}</td>
<td>${s.lifecycleStage ? tOption('ai.stage', s.lifecycleStage) : ''}</td>
<td>${tOption('ai.inScope', s.inScope)}</td>
<td>${tOption('ai.eu', s.euAiActCategory)}${s.annexIIIArea ? html`<span class="block">${tOption('ai.annexIII', s.annexIIIArea)}</span>` : ''}</td>
<td>${s.owner}</td>
<td>${tOption('ai.statusValue', s.status)}</td></tr>`,
  );
  const headers = [t('ai.name'), t('ai.purpose'), t('ai.role'), t('ai.systemType'), t('ai.lifecycleStage'), t('ai.inScope'), t('ai.euAiActCategory'), t('ai.owner'), t('ai.status')];
  const cards = sorted.map((s) => ({ title: s.name, record: s }));
  return html`<p class="note">${t('systems.euNote')}</p>${table(headers, rows)}${recordCards(report, l.m['report.systems.details'], declaredFields('aiSystems', aiSystemSchema.shape, ['name']), cards)}`;
}
