import type { Risk } from './risk-schema';
import { levelOf, ratingOutOfScale, type CellLevel, type RiskMatrix } from './risk-matrix';

export type RiskFlag = 'inherent-out-of-scale' | 'residual-out-of-scale' | 'acceptance-missing';

export interface RiskEvaluation {
  inherent: CellLevel | null;
  residual: CellLevel | null;
  /** The level that counts now: residual once rated, else inherent. */
  current: CellLevel | null;
  acceptanceRequired: boolean;
  flags: RiskFlag[];
}

/**
 * Rates a risk against the workspace matrix. Ratings that a changed matrix no longer covers are
 * never remapped: they are flagged for review. 6.1.3: a residual level above the acceptance
 * threshold needs the risk owner's recorded acceptance.
 */
export function evaluateRisk(
  risk: Pick<Risk, 'inherentLikelihood' | 'inherentImpact' | 'residualLikelihood' | 'residualImpact' | 'acceptedBy' | 'acceptedOn'>,
  matrix: RiskMatrix,
): RiskEvaluation {
  const inherent = levelOf(matrix, risk.inherentLikelihood, risk.inherentImpact);
  const residual = levelOf(matrix, risk.residualLikelihood, risk.residualImpact);
  const flags: RiskFlag[] = [];
  if (ratingOutOfScale(matrix, risk.inherentLikelihood, risk.inherentImpact)) flags.push('inherent-out-of-scale');
  if (ratingOutOfScale(matrix, risk.residualLikelihood, risk.residualImpact)) flags.push('residual-out-of-scale');
  const acceptanceRequired = residual !== null && !residual.acceptable;
  if (acceptanceRequired && !(risk.acceptedBy.trim() && risk.acceptedOn)) flags.push('acceptance-missing');
  return { inherent, residual, current: residual ?? inherent, acceptanceRequired, flags };
}
