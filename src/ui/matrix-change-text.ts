import type { CellChange, LevelChange, MatrixChange, MatrixScale } from '../domain/risk-matrix-diff';
import { locale, t, type MessageKey } from '../i18n/i18n';

/** The preview of a matrix replacement in the UI's language: levels and cells by their names, never by position. */

const SCALE: Record<MatrixScale, MessageKey> = {
  probability: 'criteria.diff.scale.probability',
  impact: 'criteria.diff.scale.impact',
  risk: 'criteria.diff.scale.risk',
};
const FIELD: Record<'abbreviation' | 'description' | 'hexcolor', MessageKey> = {
  abbreviation: 'criteria.diff.field.abbreviation',
  description: 'criteria.diff.field.description',
  hexcolor: 'criteria.diff.field.hexcolor',
};

/** How many levels and cells change, and the scale lengths; a shorter likelihood or impact scale adds the review warning. */
export function describeChange(c: MatrixChange): string {
  if (!c.any) return t('criteria.change.none');
  const params = {
    changed: c.changed,
    total: c.total,
    cells: c.cellsChanged,
    cellsTotal: c.cellsTotal,
    pFrom: c.probability.from,
    pTo: c.probability.to,
    iFrom: c.impact.from,
    iTo: c.impact.to,
    rFrom: c.risk.from,
    rTo: c.risk.to,
  };
  return t(c.shrinks ? 'criteria.change.summaryShrinks' : 'criteria.change.summary', params);
}

/** "Likelihood: Rare → Unlikely", "Risk level "Low": new description and colour", "Impact: new level "Severe"". */
export function describeLevel(l: LevelChange): string {
  const scale = t(SCALE[l.scale]);
  if (!l.before) return t('criteria.diff.levelAdded', { scale, name: l.after?.name ?? '' });
  if (!l.after) return t('criteria.diff.levelRemoved', { scale, name: l.before.name });
  const others = l.fields.filter((f) => f !== 'name');
  const what = new Intl.ListFormat(locale(), { type: 'conjunction' }).format(others.map((f) => t(FIELD[f])));
  if (l.fields.includes('name'))
    return t(others.length > 0 ? 'criteria.diff.levelRenamedAlso' : 'criteria.diff.levelRenamed', { scale, from: l.before.name, to: l.after.name, what });
  return t('criteria.diff.levelEdited', { scale, name: l.before.name, what });
}

/** "Likely × Severe: High → Very high". */
export function describeCell(c: CellChange): string {
  const params = { likelihood: c.likelihood.name, impact: c.impact.name, from: c.before?.name ?? '', to: c.after?.name ?? '' };
  if (!c.before) return t('criteria.diff.cellNew', params);
  if (!c.after) return t('criteria.diff.cellGone', params);
  return t('criteria.diff.cell', params);
}

export function describeThreshold(c: MatrixChange): string | null {
  return c.threshold ? t('criteria.diff.threshold', { from: c.threshold.before.name, to: c.threshold.after.name }) : null;
}
