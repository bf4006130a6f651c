import type { MessageKey } from '../i18n/messages-en';
import type { Assessment } from './assessment-schema';
import type { Catalog } from './catalog-model';
import type { CycleKind, CycleRecord } from './cycle/registry';
import type { Evidence } from './evidence-schema';
import type { ImpactAssessment } from './impact-assessment-schema';
import type { AiSystem } from './ai-system-schema';
import type { OwnControl } from './own-control-schema';
import type { soaCompleteness } from './progress';
import type { RiskMatrix } from './risk-matrix';
import type { Risk } from './risk-schema';

/** The shapes of the readiness view (see ./readiness): its checks, their reasons, and where they point. */

export type ReadinessLink =
  | { page: 'cycle-record'; kind: CycleKind; id: string }
  | { page: 'cycle-register'; kind: CycleKind }
  | { page: 'risks' }
  | { page: 'risk'; id: string }
  | { page: 'systems' }
  | { page: 'system'; id: string }
  | { page: 'criteria' }
  | { page: 'soa' }
  | { page: 'assessments' }
  | { page: 'assessment'; id: string }
  | { page: 'item'; itemId: string };

export const readinessCheckIds = [
  'scope',
  'ai-policy',
  'risk-criteria',
  'risk-results',
  'risk-treatment',
  'soa',
  'impact',
  'objectives',
  'competence',
  'operation',
  'monitoring',
  'audit',
  'review',
  'nonconformity',
] as const;
export type ReadinessCheckId = (typeof readinessCheckIds)[number];

/**
 * Why a check is not met; message key `readiness.why.<code>`. The texts must read well for any
 * check, since the same code serves several:
 *
 * - `missing`        no such document yet (scope, AI policy, documented risk assessment process)
 * - `no-statement`   the scope record exists but has no scope statement
 * - `not-approved`   the document or impact assessment exists, but no version of it is approved
 *                    (for the risk assessment process, "in review" is enough)
 * - `none-recorded`  the register is empty (risks, impact assessments, objectives, competence,
 *                    metrics, audits, reviews, nonconformities)
 * - `not-rated`      open risks are not all assessed against the criteria, or a review is overdue
 * - `no-treatment`   a risk above the acceptance threshold lacks a treatment, or a residual level
 *                    above it is not accepted
 * - `incomplete`     the SoA still has controls without a decision or a justification
 * - `no-target`      no (non-dropped) objective has both a measure and a numeric target
 * - `no-evidence`    competence records lack their evidence; nothing documents 8.1
 * - `no-readings`    metrics exist but none has a reading with a value
 * - `not-completed`  audits are planned or running but none is completed
 * - `not-held`       reviews are planned but none is held
 * - `no-minutes`     a review is marked held but has neither minutes nor decisions
 * - `overdue`        a nonconformity is past its due date and not closed
 * - `systems-uncovered` an AI system in scope has no approved impact assessment in force
 */
export const readinessWhyCodes = [
  'missing',
  'no-statement',
  'not-approved',
  'none-recorded',
  'not-rated',
  'no-treatment',
  'incomplete',
  'no-target',
  'no-evidence',
  'no-readings',
  'not-completed',
  'not-held',
  'no-minutes',
  'overdue',
  'systems-uncovered',
] as const;
export type ReadinessWhy = (typeof readinessWhyCodes)[number];

/**
 * A value in a gap's message, as the person knows it: plain text (a name, a ref, a title), a
 * number, a date (worded in the UI's locale), a choice (worded by its label), or a list of choices.
 */
export type GapParam = string | number | { date: string } | { option: string; value: string } | { options: string; values: readonly string[] };

/**
 * One thing that keeps a check from being met, said exactly ("TalentSift is in scope, EU AI Act
 * high-risk, and has no approved impact assessment"): message key `readiness.gap.<code>` worded
 * with `params`, and where to fix it. Codes are listed with their rules in docs/management-system.md.
 */
export interface ReadinessGap {
  code: ReadinessGapCode;
  params: Record<string, GapParam>;
  link: ReadinessLink;
}

export const readinessGapCodes = [
  'scope-missing',
  'scope-no-statement',
  'policy-missing',
  'policy-not-approved',
  'policy-misfiled',
  'criteria-no-assessed-risk',
  'risks-none',
  'risk-unrated',
  'risk-review-overdue',
  'risk-untreated',
  'risk-not-accepted',
  'soa-control',
  'systems-none-in-scope',
  'system-no-assessment',
  'system-no-assessment-eu',
  'system-not-approved',
  'system-review-overdue',
  'objectives-none',
  'objective-no-target',
  'competence-none',
  'competence-no-evidence',
  'operation-none',
  'metrics-none',
  'metric-no-readings',
  'audits-none',
  'audit-not-completed',
  'reviews-none',
  'review-not-held',
  'review-no-minutes',
  'ncs-none',
  'nc-overdue',
] as const;
export type ReadinessGapCode = (typeof readinessGapCodes)[number];

export interface ReadinessCheck {
  /** Stable id, one of `readinessCheckIds`. */
  id: ReadinessCheckId;
  /** The assessable catalog items (clauses) it evidences. */
  items: readonly string[];
  /** `readiness.check.<id>` */
  label: MessageKey;
  /** Green only when a real record exists that satisfies it. */
  met: boolean;
  /** Why it is not met (message key `readiness.why.<code>`); null when met. */
  why: ReadinessWhy | null;
  /**
   * Where the evidence is (when met) or where to act (when not): the near-miss record to finish
   * (a draft AI policy, a planned review) when there is one, else where to create one.
   */
  link: ReadinessLink;
  /** How many qualifying records were found (SoA: controls complete; nonconformity: records). */
  count: number;
  /** Everything that is missing, each with where to fix it; empty when met. */
  gaps: ReadinessGap[];
}

export interface ReadinessCoverage {
  /** Assessable items whose status is answered: in progress, implemented or not applicable. */
  answered: number;
  implemented: number;
  notApplicable: number;
  total: number;
  /** (implemented + not applicable) / total, 0–100, rounded. */
  percent: number;
}

export interface Readiness {
  coverage: ReadinessCoverage;
  soa: ReturnType<typeof soaCompleteness>;
  checks: ReadinessCheck[];
  met: number;
  total: number;
}

export interface ReadinessInput {
  catalog: Catalog;
  assessments: readonly Assessment[];
  cycle: readonly CycleRecord[];
  risks: readonly Risk[];
  ownControls: readonly OwnControl[];
  impactAssessments: readonly ImpactAssessment[];
  evidence: readonly Evidence[];
  aiSystems: readonly AiSystem[];
  /** The workspace's risk criteria (6.1.2). */
  matrix: RiskMatrix;
  /** YYYY-MM-DD, the user's local date. */
  today: string;
}
