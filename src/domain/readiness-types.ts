import type { MessageKey } from '../i18n/messages-en';
import type { Assessment } from './assessment-schema';
import type { Catalog } from './catalog-model';
import type { CycleKind, CycleRecord } from './cycle/registry';
import type { Evidence } from './evidence-schema';
import type { ImpactAssessment } from './impact-assessment-schema';
import type { OwnControl } from './own-control-schema';
import type { soaCompleteness } from './progress';
import type { Risk } from './risk-schema';

/** The shapes of the readiness view (see ./readiness): its checks, their reasons, and where they point. */

export type ReadinessLink =
  | { page: 'cycle-record'; kind: CycleKind; id: string }
  | { page: 'cycle-register'; kind: CycleKind }
  | { page: 'risks' }
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
 * - `not-rated`      risks exist but none has both inherent likelihood and impact
 * - `no-treatment`   no risk has a treatment option and a control, own control or plan behind it
 * - `incomplete`     the SoA still has controls without a decision or a justification
 * - `no-target`      no (non-dropped) objective has both a measure and a numeric target
 * - `no-evidence`    competence records lack their evidence; nothing documents 8.1
 * - `no-readings`    metrics exist but none has a reading with a value
 * - `not-completed`  audits are planned or running but none is completed
 * - `not-held`       reviews are planned but none is held
 * - `no-minutes`     a review is marked held but has neither minutes nor decisions
 * - `overdue`        a nonconformity is past its due date and not closed
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
] as const;
export type ReadinessWhy = (typeof readinessWhyCodes)[number];

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
  /** YYYY-MM-DD, the user's local date. */
  today: string;
}
