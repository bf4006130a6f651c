import { z } from 'zod';
import { LONG_TEXT_MAX, type FieldDef } from './fields';
import { idSchema } from './record-base';
import { defineRegister, field } from './register';

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

/** One impact: who or what is affected, how badly and how likely, and what is done about it. */
const impacts = field.rows(
  'history.field.impacts',
  {
    area: field.choice('impact.area', 'Area', impactAreas, 'impact.areaValue', 'fundamental-rights'),
    affected: field.choice('impact.affected', 'Affected', affectedKinds, 'impact.affectedValue', 'individuals'),
    affectedWho: field.text('impact.affectedWho', 'Who exactly'),
    description: field.long('impact.description', 'Description'),
    severity: field.maybe('impact.severity', 'Severity', severities, 'impact.severityValue'),
    likelihood: field.maybe('impact.likelihood', 'Likelihood', impactLikelihoods, 'impact.likelihoodValue'),
    reversibility: field.maybe('impact.reversibility', 'Reversibility', reversibilities, 'impact.reversibilityValue'),
    scale: field.maybe('impact.scale', 'Scale', impactScales, 'impact.scaleValue'),
    existingMitigations: field.long('impact.existingMitigations', 'Existing mitigations'),
    plannedMitigations: field.long('impact.plannedMitigations', 'Planned mitigations'),
    residual: field.maybe('impact.residual', 'Residual impact', residualRatings, 'impact.residualValue'),
    /** The risk raised from this impact, if any (linked both ways). */
    riskId: field.internal('history.field.riskId', { kind: 'ref', target: 'risks' }, idSchema.nullable(), null),
  },
  500,
  // Impacts are told apart by what they say ("Delayed care"): several share an area.
  'description',
);

/**
 * The impact assessment register, declared once. Versions of one assessment share `seriesId`;
 * an approved version is frozen (the write path refuses any change to it).
 */
export const impactAssessmentRegister = defineRegister({
  table: 'impactAssessments',
  fields: {
    aiSystemId: field.internal('history.field.aiSystemId', { kind: 'ref', target: 'aiSystems' }, idSchema, ''),
    /** All versions of one assessment share the series id (the first version's id). */
    seriesId: field.internal('history.field.version', { kind: 'text' }, idSchema, ''),
    version: field.internal('history.field.version', { kind: 'number' }, z.number().int().min(1).max(10_000), 1),
    state: field.internal('history.field.state', { kind: 'choice', optionPrefix: 'state' }, z.enum(assessmentStates), 'draft'),
    intendedUse: field.long('ia.intendedUse', 'Intended use', { section: 'scope' }),
    foreseeableMisuse: field.long('ia.foreseeableMisuse', 'Reasonably foreseeable misuse', { help: 'ia.foreseeableMisuse.help', section: 'scope' }),
    /** Optional: versions stored before it existed have none (absent reads as empty, no Dexie upgrade). */
    dataUsed: { ...field.long('ia.dataUsed', 'Data used', { help: 'ia.dataUsed.help', section: 'scope' }), zod: z.string().max(LONG_TEXT_MAX).optional() },
    deploymentEnvironment: field.long('ia.deploymentEnvironment', 'Deployment environment', { section: 'scope' }),
    affectedParties: field.long('ia.affectedParties', 'Who is affected', { section: 'scope' }),
    /**
     * Scope fields copied from the AI system's record that the assessor has not edited or marked
     * reviewed yet; approval waits for them. Optional: older versions copied nothing.
     */
    copiedFromSystem: field.internal(
      'history.field.copiedFromSystem',
      { kind: 'field-names', table: 'impactAssessments' },
      z.array(z.enum(copiedScopeKeys)).max(copiedScopeKeys.length).optional(),
      [],
    ),
    impacts,
    residualSummary: field.long('ia.residualSummary', 'Residual assessment', { section: 'conclusion' }),
    conclusion: field.long('ia.conclusion', 'Conclusion', { section: 'conclusion' }),
    decision: field.maybe('ia.decision', 'Decision', decisions, 'ia.decisionValue', { section: 'conclusion' }),
    conditions: field.long('ia.conditions', 'Conditions', { section: 'conclusion' }),
    assessor: field.text('ia.assessor', 'Assessor', { section: 'signOff' }),
    assessedOn: field.date('ia.assessedOn', 'Assessed on', { section: 'signOff' }),
    reviewer: field.text('ia.reviewer', 'Reviewer', { section: 'signOff' }),
    reviewedOn: field.date('ia.reviewedOn', 'Reviewed on', { section: 'signOff' }),
    approver: field.text('ia.approver', 'Approver', { section: 'signOff' }),
    approvedOn: field.date('ia.approvedOn', 'Approved on', { section: 'signOff' }),
    nextReview: field.date('ia.nextReview', 'Next review', { section: 'signOff' }),
  },
  // Impacts are rows with their own cards (no generic section fields), between scope and conclusion.
  sections: { scope: 'ia.section.scope', impacts: 'ia.section.impacts', conclusion: 'ia.section.conclusion', signOff: 'ia.section.signOff' },
  summary: ['decision', 'approver', 'nextReview'],
});

export const impactSchema = impacts.zod.element;
export type Impact = z.infer<typeof impactSchema>;
export const impactAssessmentSchema = impactAssessmentRegister.schema;
export type ImpactAssessment = z.infer<typeof impactAssessmentSchema>;
export type ImpactAssessmentPatch = Partial<
  Omit<ImpactAssessment, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt' | 'aiSystemId' | 'seriesId' | 'version' | 'state' | 'copiedFromSystem'>
>;

export function blankImpactAssessment(base: Pick<ImpactAssessment, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt' | 'aiSystemId'>): ImpactAssessment {
  return impactAssessmentSchema.parse({ ...impactAssessmentRegister.blank(), ...base, seriesId: base.id });
}

export function blankImpact(id: string): Impact {
  return impacts.blankRow(id);
}

const inputsOf = (section: string) => impactAssessmentRegister.inputs.filter((f) => impactAssessmentRegister.section(section).some((x) => x.key === f.key));
export const scopeFields = inputsOf('scope');
export const conclusionFields = inputsOf('conclusion');
export const signOffFields = inputsOf('signOff');
/** An impact's own fields, as its card edits them and the workbook lists them. */
export const impactFields: FieldDef[] = impacts.rowFields.flatMap((f) =>
  f.input && !f.readOnly ? [{ key: f.key, label: f.label, column: f.column ?? f.key, ...f.input }] : [],
);
