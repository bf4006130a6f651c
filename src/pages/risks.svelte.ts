import { evaluateRisk, type RiskEvaluation } from '../domain/risk-evaluation';
import type { RiskMatrix } from '../domain/risk-matrix';
import type { Risk } from '../domain/risk-schema';

/** One evaluation per risk, recomputed only when the risks or the matrix change. */
export function evaluateAll(risks: readonly Risk[], matrix: RiskMatrix): Map<string, RiskEvaluation> {
  const out = new Map<string, RiskEvaluation>();
  for (const r of risks) out.set(r.id, evaluateRisk(r, matrix));
  return out;
}
