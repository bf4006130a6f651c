import type { GapParam, ReadinessGap } from '../domain/readiness-types';
import { formatDate, locale, t, tOption, type MessageKey } from '../i18n/i18n';

/** One parameter of a gap as the person knows it: dates in the UI's locale, choices by their labels. */
function paramText(p: GapParam): string | number {
  if (typeof p === 'string' || typeof p === 'number') return p;
  if ('date' in p) return formatDate(p.date);
  if ('option' in p) return tOption(p.option, p.value);
  return new Intl.ListFormat(locale(), { type: 'conjunction' }).format(p.values.map((v) => tOption(p.options, v)));
}

/** A readiness gap worded in the UI's language ("TalentSift is in scope, EU AI Act High-risk, …"). */
export function gapText(gap: ReadinessGap): string {
  const params = Object.fromEntries(Object.entries(gap.params).map(([k, v]) => [k, paramText(v)]));
  return t(`readiness.gap.${gap.code}` as MessageKey, params);
}
