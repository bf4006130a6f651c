import { z } from 'zod';
import { isoDateSchema } from './dates';
import { defineFields, LONG_TEXT_MAX, TEXT_MAX } from './fields';
import { idSchema, recordBase } from './record-base';

/**
 * AI system impact assessment (6.1.4, 8.4, A.5.2–A.5.5). The sections follow the outline that
 * ISO/IEC 42005 makes public: scope and context, who is affected, each impact with its severity,
 * likelihood, reversibility and scale, mitigations, residual view, conclusion and sign-off.
 */
export const impactAreas = [
  'fundamental-rights',
  'fairness',
  'privacy',
  'health-safety',
  'economic',
  'environmental',
  'societal',
  'psychological',
  'access-to-services',
  'other',
] as const;
export const affectedKinds = ['individuals', 'groups', 'society'] as const;
export const severities = ['negligible', 'minor', 'moderate', 'major', 'severe'] as const;
export const impactLikelihoods = ['rare', 'unlikely', 'possible', 'likely', 'almost-certain'] as const;
export const reversibilities = ['reversible', 'partly-reversible', 'irreversible'] as const;
export const impactScales = ['one-person', 'some-people', 'many-people', 'population'] as const;
export const residualRatings = ['low', 'medium', 'high'] as const;
export const decisions = ['proceed', 'proceed-with-conditions', 'do-not-proceed'] as const;
export const assessmentStates = ['draft', 'approved'] as const;
/** Scope fields a new assessment fills from its AI system's record (see impact-assessment-rules.ts). */
export const copiedScopeKeys = ['intendedUse', 'dataUsed', 'deploymentEnvironment', 'affectedParties'] as const;
export type CopiedScopeKey = (typeof copiedScopeKeys)[number];

export const impactSchema = z.strictObject({
  id: idSchema,
  area: z.enum(impactAreas),
  affected: z.enum(affectedKinds),
  affectedWho: z.string().max(TEXT_MAX),
  description: z.string().max(LONG_TEXT_MAX),
  severity: z.enum(severities).nullable(),
  likelihood: z.enum(impactLikelihoods).nullable(),
  reversibility: z.enum(reversibilities).nullable(),
  scale: z.enum(impactScales).nullable(),
  existingMitigations: z.string().max(LONG_TEXT_MAX),
  plannedMitigations: z.string().max(LONG_TEXT_MAX),
  residual: z.enum(residualRatings).nullable(),
  /** The risk raised from this impact, if any (linked both ways). */
  riskId: idSchema.nullable(),
});
export type Impact = z.infer<typeof impactSchema>;

export const impactAssessmentSchema = z.strictObject({
  ...recordBase,
  aiSystemId: idSchema,
  /** All versions of one assessment share the series id (the first version's id). */
  seriesId: idSchema,
  version: z.number().int().min(1).max(10_000),
  state: z.enum(assessmentStates),
  intendedUse: z.string().max(LONG_TEXT_MAX),
  foreseeableMisuse: z.string().max(LONG_TEXT_MAX),
  /** Optional: versions stored before it existed have none (absent reads as empty, no Dexie upgrade). */
  dataUsed: z.string().max(LONG_TEXT_MAX).optional(),
  deploymentEnvironment: z.string().max(LONG_TEXT_MAX),
  affectedParties: z.string().max(LONG_TEXT_MAX),
  /**
   * Scope fields copied from the AI system's record that the assessor has not edited or marked
   * reviewed yet; approval waits for them. Optional: older versions copied nothing.
   */
  copiedFromSystem: z.array(z.enum(copiedScopeKeys)).max(copiedScopeKeys.length).optional(),
  impacts: z.array(impactSchema).max(500),
  residualSummary: z.string().max(LONG_TEXT_MAX),
  conclusion: z.string().max(LONG_TEXT_MAX),
  decision: z.enum(decisions).nullable(),
  conditions: z.string().max(LONG_TEXT_MAX),
  assessor: z.string().max(TEXT_MAX),
  assessedOn: isoDateSchema.nullable(),
  reviewer: z.string().max(TEXT_MAX),
  reviewedOn: isoDateSchema.nullable(),
  approver: z.string().max(TEXT_MAX),
  approvedOn: isoDateSchema.nullable(),
  nextReview: isoDateSchema.nullable(),
});
export type ImpactAssessment = z.infer<typeof impactAssessmentSchema>;
export type ImpactAssessmentPatch = Partial<Omit<ImpactAssessment, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt' | 'aiSystemId' | 'seriesId' | 'version' | 'state' | 'copiedFromSystem'>>;

export function blankImpactAssessment(base: Pick<ImpactAssessment, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt' | 'aiSystemId'>): ImpactAssessment {
  return impactAssessmentSchema.parse({
    ...base,
    seriesId: base.id,
    version: 1,
    state: 'draft',
    intendedUse: '',
    foreseeableMisuse: '',
    dataUsed: '',
    deploymentEnvironment: '',
    affectedParties: '',
    copiedFromSystem: [],
    impacts: [],
    residualSummary: '',
    conclusion: '',
    decision: null,
    conditions: '',
    assessor: '',
    assessedOn: null,
    reviewer: '',
    reviewedOn: null,
    approver: '',
    approvedOn: null,
    nextReview: null,
  });
}

export function blankImpact(id: string): Impact {
  return impactSchema.parse({
    id,
    area: 'fundamental-rights',
    affected: 'individuals',
    affectedWho: '',
    description: '',
    severity: null,
    likelihood: null,
    reversibility: null,
    scale: null,
    existingMitigations: '',
    plannedMitigations: '',
    residual: null,
    riskId: null,
  });
}

export const scopeFields = defineFields<keyof ImpactAssessmentPatch>([
  { key: 'intendedUse', kind: 'textarea', label: 'ia.intendedUse', column: 'Intended use', maxLength: LONG_TEXT_MAX },
  { key: 'foreseeableMisuse', kind: 'textarea', label: 'ia.foreseeableMisuse', help: 'ia.foreseeableMisuse.help', column: 'Reasonably foreseeable misuse', maxLength: LONG_TEXT_MAX },
  { key: 'dataUsed', kind: 'textarea', label: 'ia.dataUsed', help: 'ia.dataUsed.help', column: 'Data used', maxLength: LONG_TEXT_MAX },
  { key: 'deploymentEnvironment', kind: 'textarea', label: 'ia.deploymentEnvironment', column: 'Deployment environment', maxLength: LONG_TEXT_MAX },
  { key: 'affectedParties', kind: 'textarea', label: 'ia.affectedParties', column: 'Who is affected', maxLength: LONG_TEXT_MAX },
]);

export const conclusionFields = defineFields<keyof ImpactAssessmentPatch>([
  { key: 'residualSummary', kind: 'textarea', label: 'ia.residualSummary', column: 'Residual assessment', maxLength: LONG_TEXT_MAX },
  { key: 'conclusion', kind: 'textarea', label: 'ia.conclusion', column: 'Conclusion', maxLength: LONG_TEXT_MAX },
  { key: 'decision', kind: 'enum', label: 'ia.decision', options: decisions, optionPrefix: 'ia.decisionValue', column: 'Decision', nullable: true },
  { key: 'conditions', kind: 'textarea', label: 'ia.conditions', column: 'Conditions', maxLength: LONG_TEXT_MAX },
]);

export const signOffFields = defineFields<keyof ImpactAssessmentPatch>([
  { key: 'assessor', kind: 'text', label: 'ia.assessor', column: 'Assessor', maxLength: TEXT_MAX },
  { key: 'assessedOn', kind: 'date', label: 'ia.assessedOn', column: 'Assessed on' },
  { key: 'reviewer', kind: 'text', label: 'ia.reviewer', column: 'Reviewer', maxLength: TEXT_MAX },
  { key: 'reviewedOn', kind: 'date', label: 'ia.reviewedOn', column: 'Reviewed on' },
  { key: 'approver', kind: 'text', label: 'ia.approver', column: 'Approver', maxLength: TEXT_MAX },
  { key: 'approvedOn', kind: 'date', label: 'ia.approvedOn', column: 'Approved on' },
  { key: 'nextReview', kind: 'date', label: 'ia.nextReview', column: 'Next review' },
]);

export const impactFields = defineFields<keyof Omit<Impact, 'id' | 'riskId'>>([
  { key: 'area', kind: 'enum', label: 'impact.area', options: impactAreas, optionPrefix: 'impact.areaValue', column: 'Area' },
  { key: 'affected', kind: 'enum', label: 'impact.affected', options: affectedKinds, optionPrefix: 'impact.affectedValue', column: 'Affected' },
  { key: 'affectedWho', kind: 'text', label: 'impact.affectedWho', column: 'Who exactly', maxLength: TEXT_MAX },
  { key: 'description', kind: 'textarea', label: 'impact.description', column: 'Description', maxLength: LONG_TEXT_MAX },
  { key: 'severity', kind: 'enum', label: 'impact.severity', options: severities, optionPrefix: 'impact.severityValue', column: 'Severity', nullable: true },
  { key: 'likelihood', kind: 'enum', label: 'impact.likelihood', options: impactLikelihoods, optionPrefix: 'impact.likelihoodValue', column: 'Likelihood', nullable: true },
  { key: 'reversibility', kind: 'enum', label: 'impact.reversibility', options: reversibilities, optionPrefix: 'impact.reversibilityValue', column: 'Reversibility', nullable: true },
  { key: 'scale', kind: 'enum', label: 'impact.scale', options: impactScales, optionPrefix: 'impact.scaleValue', column: 'Scale', nullable: true },
  { key: 'existingMitigations', kind: 'textarea', label: 'impact.existingMitigations', column: 'Existing mitigations', maxLength: LONG_TEXT_MAX },
  { key: 'plannedMitigations', kind: 'textarea', label: 'impact.plannedMitigations', column: 'Planned mitigations', maxLength: LONG_TEXT_MAX },
  { key: 'residual', kind: 'enum', label: 'impact.residual', options: residualRatings, optionPrefix: 'impact.residualValue', column: 'Residual impact', nullable: true },
]);
