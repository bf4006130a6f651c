/**
 * Annex C pick-lists as enum values. The catalog carries their labels and descriptions;
 * a unit test keeps these ids equal to the catalog's.
 */
export const aiObjectiveIds = [
  'accountability',
  'ai-expertise',
  'data-availability-quality',
  'environmental-impact',
  'fairness',
  'maintainability',
  'privacy',
  'robustness',
  'safety',
  'security',
  'transparency-explainability',
] as const;

export const riskSourceIds = [
  'environment-complexity',
  'transparency-explainability-lack',
  'automation-level',
  'machine-learning',
  'hardware',
  'life-cycle',
  'technology-readiness',
] as const;
