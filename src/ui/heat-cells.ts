import { textOn } from '../domain/colour';
import type { RiskLevel, RiskMatrix, ScaleLevel } from '../domain/risk-matrix';

/** One cell of a heat map: where it is, its risk level, how many risks it holds and how it is coloured. */
export interface HeatCell {
  impact: number;
  impactLevel: ScaleLevel;
  level: RiskLevel;
  count: number;
  background: string;
  /** Black or white, whichever reads on the background; undefined where the page's own text colour reads. */
  color: string | undefined;
}

export interface HeatRow {
  likelihood: number;
  likelihoodLevel: ScaleLevel;
  cells: HeatCell[];
}

/**
 * The heat map's rows, highest likelihood on top as risk matrices are usually drawn, each cell
 * filled with its risk level's colour. With `recedeEmpty` (the screen), a cell holding no risks is
 * only a tint of its level's colour on the page's surface, in the page's text colour, so that the
 * cells holding risks stand out; print fills every cell, since its words carry the level anyway.
 */
export function heatRows(matrix: RiskMatrix, counts: readonly (readonly number[])[], recedeEmpty = false): HeatRow[] {
  return matrix.probability
    .map((likelihoodLevel, likelihood) => ({
      likelihood,
      likelihoodLevel,
      cells: matrix.impact.map((impactLevel, impact): HeatCell => {
        const level = matrix.risk[matrix.grid[likelihood]?.[impact] ?? 0]!;
        const count = counts[likelihood]?.[impact] ?? 0;
        const recede = recedeEmpty && count === 0;
        return {
          impact,
          impactLevel,
          level,
          count,
          background: recede ? `color-mix(in srgb, ${level.hexcolor} 22%, var(--surface))` : level.hexcolor,
          color: recede ? undefined : textOn(level.hexcolor),
        };
      }),
    }))
    .reverse();
}
