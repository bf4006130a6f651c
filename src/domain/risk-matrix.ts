import { z } from 'zod';
import { cisoSourceSchema, translationsSchema } from './ciso-source';

/**
 * A workspace's risk criteria (6.1.1, 6.1.2): likelihood and impact scales, risk levels, the grid
 * that maps each likelihood × impact cell to a level, and the acceptance threshold. The shape
 * follows CISO Assistant's `risk_matrix` library objects (grid[likelihood][impact] = level index)
 * so published matrices can be reused.
 */
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #A1B2C3');

export const scaleLevelSchema = z.strictObject({
  abbreviation: z.string().trim().max(12).default(''),
  name: z.string().trim().min(1).max(80),
  description: z.string().max(1000).default(''),
  /** Likelihood and impact colours come with CISO Assistant matrices; kept so an export gives them back. */
  hexcolor: hexColor.optional(),
  /** The level's texts in other languages (CISO Assistant's `translations`), never the language shown in `name`. */
  translations: translationsSchema.optional(),
});

export const riskLevelSchema = scaleLevelSchema.extend({ hexcolor: hexColor });

export const MIN_SCALE = 3;
export const MAX_SCALE = 7;

export const riskMatrixSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    description: z.string().max(2000).default(''),
    probability: z.array(scaleLevelSchema).min(MIN_SCALE).max(MAX_SCALE),
    impact: z.array(scaleLevelSchema).min(MIN_SCALE).max(MAX_SCALE),
    risk: z.array(riskLevelSchema).min(2).max(MAX_SCALE),
    grid: z.array(z.array(z.number().int().nonnegative())),
    /** Levels at or below this index may be retained without further treatment. */
    acceptanceThreshold: z.number().int().nonnegative(),
    /** Where the matrix came from in CISO Assistant, for a round trip that updates it there. */
    ciso: cisoSourceSchema.optional(),
  })
  .superRefine((m, ctx) => {
    if (m.grid.length !== m.probability.length) {
      ctx.addIssue({ code: 'custom', path: ['grid'], message: `grid has ${m.grid.length} rows; the likelihood scale has ${m.probability.length} levels` });
    }
    m.grid.forEach((row, p) => {
      if (row.length !== m.impact.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['grid', p],
          message: `grid row ${p + 1} has ${row.length} cells; the impact scale has ${m.impact.length} levels`,
        });
      }
      row.forEach((cell, i) => {
        if (cell >= m.risk.length)
          ctx.addIssue({ code: 'custom', path: ['grid', p, i], message: `cell names risk level ${cell + 1}, but there are only ${m.risk.length}` });
      });
    });
    if (m.acceptanceThreshold >= m.risk.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['acceptanceThreshold'],
        message: `acceptance threshold names risk level ${m.acceptanceThreshold + 1}, but there are only ${m.risk.length}`,
      });
    }
  });
export type RiskMatrix = z.infer<typeof riskMatrixSchema>;
export type ScaleLevel = z.infer<typeof scaleLevelSchema>;
export type RiskLevel = z.infer<typeof riskLevelSchema>;

export interface CellLevel {
  index: number;
  level: RiskLevel;
  acceptable: boolean;
}

/** The level of one rating, or null when the rating is missing or lies outside the current scales. */
export function levelOf(matrix: RiskMatrix, likelihood: number | null, impact: number | null): CellLevel | null {
  if (likelihood === null || impact === null) return null;
  const index = matrix.grid[likelihood]?.[impact];
  if (index === undefined) return null;
  const level = matrix.risk[index];
  return level ? { index, level, acceptable: index <= matrix.acceptanceThreshold } : null;
}

/** A rating stored against a longer scale than the current one: kept, but flagged for review. */
export function ratingOutOfScale(matrix: RiskMatrix, likelihood: number | null, impact: number | null): boolean {
  return (likelihood !== null && likelihood >= matrix.probability.length) || (impact !== null && impact >= matrix.impact.length);
}

/** A default grid: level grows with likelihood and impact together. */
export function defaultGrid(probabilities: number, impacts: number, levels: number): number[][] {
  const span = probabilities + impacts - 2;
  return Array.from({ length: probabilities }, (_, p) =>
    Array.from({ length: impacts }, (_, i) => Math.min(levels - 1, Math.round(((p + i) / span) * (levels - 1)))),
  );
}

/** Re-shapes the grid after a scale changes length, keeping every cell that still exists. */
export function reshapeGrid(matrix: Pick<RiskMatrix, 'grid' | 'probability' | 'impact' | 'risk'>): number[][] {
  const fallback = defaultGrid(matrix.probability.length, matrix.impact.length, matrix.risk.length);
  return fallback.map((row, p) =>
    row.map((cell, i) => {
      const kept = matrix.grid[p]?.[i];
      return kept !== undefined && kept < matrix.risk.length ? kept : cell;
    }),
  );
}
