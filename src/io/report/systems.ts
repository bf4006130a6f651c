import { aiSystemRegister, aiSystemSchema } from '../../domain/ai-system-schema';
import { t } from '../words';
import { cmp, type Report } from './context';
import { declaredFields, overviewTable, recordCards } from './fields';
import { html, type Html } from './html';

/** The AI system inventory, by name. */
export function systemSection(report: Report): Html {
  const { input, l } = report;
  if (input.aiSystems.length === 0) return html`<p>${l.m['report.systems.empty']}</p>`;
  const sorted = [...input.aiSystems].sort((a, b) => cmp(a.name, b.name) || cmp(a.id, b.id));
  const cards = sorted.map((s) => ({ title: s.name, record: s }));
  return html`<p class="note">${t('systems.euNote')}</p>${overviewTable(report, aiSystemRegister, sorted)}${recordCards(report, l.m['report.systems.details'], declaredFields('aiSystems', aiSystemSchema.shape, ['name']), cards, input.dataFiles.aiSystems)}`;
}
