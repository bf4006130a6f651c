import type { RiskEvaluation, RiskFlag } from '../domain/risk-evaluation';
import type { RiskMatrix } from '../domain/risk-matrix';
import { t } from './i18n';

/**
 * Why a risk needs attention, said on the screen with its values ("Residual High is above the
 * acceptance threshold Low and is not accepted"), never only as a badge or a tooltip.
 */
export function riskFlagText(flag: RiskFlag, ev: RiskEvaluation, matrix: RiskMatrix): string {
  const scales = { likelihoods: matrix.probability.length, impacts: matrix.impact.length };
  switch (flag) {
    case 'acceptance-missing':
      return t('risks.flag.acceptance-missing', { level: ev.residual?.level.name ?? '', threshold: matrix.risk[matrix.acceptanceThreshold]?.name ?? '' });
    case 'inherent-out-of-scale':
      return t('risks.flag.inherent-out-of-scale', scales);
    case 'residual-out-of-scale':
      return t('risks.flag.residual-out-of-scale', scales);
  }
}
