import type { RiskEvaluation } from './risk-evaluation';
import type { Risk } from './risk-schema';

export type RatingKind = 'inherent' | 'residual';

export interface RiskFilter {
  query: string;
  /** Which rating `level` looks at: the current one (residual once rated, else inherent), or one of the two. */
  rating: 'current' | RatingKind;
  /** Risk level index of that rating, or 'all' / 'unrated'. */
  level: string;
  status: string;
  owner: string;
  system: string;
  flaggedOnly: boolean;
  /** Only risks whose residual level is above the acceptance threshold without a recorded acceptance. */
  awaitingAcceptance: boolean;
  cell: { kind: RatingKind; likelihood: number; impact: number } | null;
}

export const NO_RISK_FILTER: RiskFilter = {
  query: '',
  rating: 'current',
  level: 'all',
  status: 'all',
  owner: 'all',
  system: 'all',
  flaggedOnly: false,
  awaitingAcceptance: false,
  cell: null,
};

function rating(risk: FilterableRisk, kind: RatingKind): [number | null, number | null] {
  return kind === 'inherent' ? [risk.inherentLikelihood, risk.inherentImpact] : [risk.residualLikelihood, risk.residualImpact];
}

/** What the search looks in, lowercased: compute once per change of the data, not per keystroke. */
export function riskSearchText(r: Risk): string {
  return `${r.ref}\n${r.title}\n${r.description}\n${r.owner}`.toLowerCase();
}

/** Whether a filter leaves every risk in (the list then shows the risks as given). */
export function filtersNothing(f: RiskFilter): boolean {
  return (
    !f.query.trim() && f.status === 'all' && f.owner === 'all' && f.system === 'all' && f.level === 'all' && !f.flaggedOnly && !f.awaitingAcceptance && !f.cell
  );
}

/** What a filter needs of a risk's evaluation: a RiskEvaluation, or the list's row's (risk-row.ts). */
export interface FilterEvaluation {
  inherent: { index: number } | null;
  residual: { index: number } | null;
  current: { index: number } | null;
  flags: readonly RiskEvaluation['flags'][number][];
}

/** The fields a filter looks at: a whole risk, or the list's row of one (risk-row.ts). */
export type FilterableRisk = Pick<
  Risk,
  'id' | 'status' | 'owner' | 'aiSystemIds' | 'inherentLikelihood' | 'inherentImpact' | 'residualLikelihood' | 'residualImpact'
>;

/** Finds a query (trimmed, lowercased) in risks: made once per filtering, then asked of each risk. */
export type RiskSearch<R> = (query: string) => (r: R) => boolean;

/**
 * Filters in one pass; fast enough for tens of thousands of risks on every keystroke. `evaluations`
 * and `texts` give each risk's evaluation and riskSearchText, by id or from the row (computed once
 * per change of the data), or `texts` is a search of its own (`{ search }`, the risk list's packed
 * rows); without `texts`, whole risks' texts are computed here.
 * With nothing to filter by, the risks come back as given (the same array).
 */
export function filterRisks<R extends FilterableRisk>(
  risks: readonly R[],
  evaluations: ReadonlyMap<string, FilterEvaluation> | ((r: R) => FilterEvaluation | undefined),
  f: RiskFilter,
  texts?: ReadonlyMap<string, string> | ((r: R) => string) | { search: RiskSearch<R> },
): readonly R[] {
  if (filtersNothing(f)) return risks;
  // The filter's fields are read once, not per risk: the page's filter is reactive state, where
  // every read goes through a proxy (at 50,000 risks a third of a keystroke's filtering).
  const { status, owner, system, cell, flaggedOnly, awaitingAcceptance, rating: ratingOf, level: wanted } = f;
  const q = f.query.trim().toLowerCase();
  const byLevel = wanted !== 'all';
  const needsEvaluation = byLevel || flaggedOnly || awaitingAcceptance;
  const cellKind = cell?.kind ?? 'inherent';
  const cellLikelihood = cell?.likelihood;
  const cellImpact = cell?.impact;
  const evalOf = typeof evaluations === 'function' ? evaluations : (r: R) => evaluations.get(r.id);
  const found = !q
    ? null
    : typeof texts === 'function'
      ? (r: R) => texts(r).includes(q)
      : texts && 'search' in texts
        ? texts.search(q)
        : (r: R) => (texts?.get(r.id) ?? riskSearchText(r as unknown as Risk)).includes(q);
  return risks.filter((r) => {
    if (found && !found(r)) return false;
    if (status !== 'all' && r.status !== status) return false;
    if (owner !== 'all' && r.owner.trim() !== owner) return false;
    if (system !== 'all' && !r.aiSystemIds.includes(system)) return false;
    if (cell) {
      const [l, i] = rating(r, cellKind);
      if (l !== cellLikelihood || i !== cellImpact) return false;
    }
    // The evaluation is looked up only when a filter needs it.
    if (!needsEvaluation) return true;
    const ev = evalOf(r);
    const level = ratingOf === 'current' ? ev?.current : ev?.[ratingOf];
    if (wanted === 'unrated' ? level : byLevel && String(level?.index ?? '') !== wanted) return false;
    if (flaggedOnly && !ev?.flags.length) return false;
    return !(awaitingAcceptance && !ev?.flags.includes('acceptance-missing'));
  });
}

/** How many risks sit in each likelihood × impact cell (ratings outside the grid are left out). */
export function heatCounts(risks: readonly FilterableRisk[], kind: RatingKind, likelihoods: number, impacts: number): number[][] {
  const grid = Array.from({ length: likelihoods }, () => Array.from({ length: impacts }, () => 0));
  for (const r of risks) {
    const [l, i] = rating(r, kind);
    if (l === null || i === null) continue;
    const row = grid[l];
    if (row && i < impacts) row[i] = row[i]! + 1;
  }
  return grid;
}
