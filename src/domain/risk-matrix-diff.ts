import type { RiskLevel, RiskMatrix, ScaleLevel } from './risk-matrix';

/**
 * What replacing one matrix with another (a preset, an imported file) changes: every level, every
 * cell and the acceptance threshold, so the preview can name each one before anything is replaced.
 * Levels are compared by position, as ratings are stored: a risk rated on likelihood level 2 stays
 * on level 2 whatever that level is called afterwards. A cell or the threshold changes when the
 * risk level it names reads differently ("High" → "Very high"); "High" at another position of a
 * longer or shorter scale is still "High" to the person reading the grid (the level list shows
 * how the levels themselves change).
 */

export type MatrixScale = 'probability' | 'impact' | 'risk';
type Level = ScaleLevel & { hexcolor?: string };
export type LevelField = 'name' | 'abbreviation' | 'description' | 'hexcolor';
const LEVEL_FIELDS: readonly LevelField[] = ['name', 'abbreviation', 'description', 'hexcolor'];

export interface LevelChange {
  scale: MatrixScale;
  /** null: the level is new. */
  before: Level | null;
  /** null: the level goes. */
  after: Level | null;
  /** What differs when the level is on both sides. */
  fields: LevelField[];
}

export interface CellChange {
  /** The cell's likelihood and impact levels: the current ones, or the new ones for a cell that is new. */
  likelihood: ScaleLevel;
  impact: ScaleLevel;
  /** The risk level the cell shows now; null when the cell is new. */
  before: RiskLevel | null;
  /** The risk level it shows afterwards; null when it goes with a removed level. */
  after: RiskLevel | null;
}

function levelChanges(scale: MatrixScale, a: readonly Level[], b: readonly Level[]): LevelChange[] {
  const out: LevelChange[] = [];
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const before = a[k] ?? null;
    const after = b[k] ?? null;
    const fields = before && after ? LEVEL_FIELDS.filter((f) => before[f] !== after[f]) : [];
    if (!before || !after || fields.length > 0) out.push({ scale, before, after, fields });
  }
  return out;
}

function cellAt(m: RiskMatrix, p: number, i: number): RiskLevel | null {
  if (p >= m.probability.length || i >= m.impact.length) return null;
  return m.risk[m.grid[p]?.[i] ?? -1] ?? null;
}

/** Cells in the grid's reading order: highest likelihood first, impact ascending. */
function cellChanges(before: RiskMatrix, after: RiskMatrix): { cells: CellChange[]; total: number } {
  const cells: CellChange[] = [];
  let total = 0;
  for (let p = Math.max(before.probability.length, after.probability.length) - 1; p >= 0; p--) {
    for (let i = 0; i < Math.max(before.impact.length, after.impact.length); i++) {
      const was = cellAt(before, p, i);
      const will = cellAt(after, p, i);
      const inBefore = p < before.probability.length && i < before.impact.length;
      if (!inBefore && !(p < after.probability.length && i < after.impact.length)) continue;
      total += 1;
      if (was && will && was.name === will.name) continue;
      const axes = inBefore ? before : after;
      cells.push({ likelihood: axes.probability[p]!, impact: axes.impact[i]!, before: was, after: will });
    }
  }
  return { cells, total };
}

export function matrixChange(before: RiskMatrix, after: RiskMatrix) {
  const levels = [
    ...levelChanges('probability', before.probability, after.probability),
    ...levelChanges('impact', before.impact, after.impact),
    ...levelChanges('risk', before.risk, after.risk),
  ];
  const { cells, total: cellsTotal } = cellChanges(before, after);
  const thresholdBefore = before.risk[before.acceptanceThreshold];
  const thresholdAfter = after.risk[after.acceptanceThreshold];
  const threshold =
    thresholdBefore && thresholdAfter && thresholdBefore.name !== thresholdAfter.name ? { before: thresholdBefore, after: thresholdAfter } : null;
  const total = (['probability', 'impact', 'risk'] as const).reduce((n, s) => n + Math.max(before[s].length, after[s].length), 0);
  return {
    /** Levels that differ, of `total` positions on the three scales. */
    changed: levels.length,
    total,
    cellsChanged: cells.length,
    cellsTotal,
    levels,
    cells,
    threshold,
    /** Anything at all: a level, a cell, the threshold, the name or the description. */
    any: levels.length > 0 || cells.length > 0 || threshold !== null || before.name !== after.name || before.description !== after.description,
    probability: { from: before.probability.length, to: after.probability.length },
    impact: { from: before.impact.length, to: after.impact.length },
    risk: { from: before.risk.length, to: after.risk.length },
    /** A shorter likelihood or impact scale: ratings on the removed levels get flagged for review. */
    shrinks: after.probability.length < before.probability.length || after.impact.length < before.impact.length,
  };
}
export type MatrixChange = ReturnType<typeof matrixChange>;
