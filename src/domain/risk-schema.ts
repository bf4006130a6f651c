import { z } from 'zod';
import { aiObjectiveIds, riskSourceIds } from './annex-c';
import { idSchema } from './record-base';
import { field, defineRegister } from './register';
import { levelOf, type RiskMatrix } from './risk-matrix';
import { compareRefText } from './ref-order';

/** Risk treatment options (ISO 31000 family). */
export const treatmentOptions = ['modify', 'avoid', 'share', 'retain'] as const;
export const riskStatuses = ['identified', 'assessed', 'treating', 'monitoring', 'closed'] as const;

export const riskRefSchema = z.string().regex(/^R-\d{3,}$/, 'expected an id like R-001');

const levelAt = (likelihood: string, impact: string) => (r: Record<string, unknown>, matrix: RiskMatrix) =>
  levelOf(matrix, r[likelihood] as number | null, r[impact] as number | null);
const levelText = (likelihood: string, impact: string) => (r: Record<string, unknown>, matrix: RiskMatrix) => {
  const cell = levelAt(likelihood, impact)(r, matrix);
  return { text: cell?.level.name ?? '', order: cell?.index ?? -1 };
};

/**
 * The risk register (6.1.2, 6.1.3, 8.2, 8.3), declared once: schema, blank record, editor
 * sections, list columns, spreadsheet columns, history and report wording, reference checks.
 */
export const riskRegister = defineRegister({
  table: 'risks',
  fields: {
    ref: field.number('history.field.ref', 'Ref', riskRefSchema, 'risks.col.ref'),
    title: field.text('risk.title', 'Title', { required: true, section: 'identify' }),
    description: field.long('risk.description', 'Description', { section: 'identify' }),
    aiSystemIds: field.refs('risk.aiSystems', 'AI systems', 'aiSystems', 1000, { section: 'identify', short: 'risks.col.systems' }),
    riskSource: field.maybe('risk.riskSource', 'Risk source', [...riskSourceIds, 'other'] as const, 'riskSource', {
      help: 'risk.riskSource.help',
      section: 'identify',
    }),
    riskSourceOther: field.text('risk.riskSourceOther', 'Other risk source', { section: 'identify' }),
    objectives: field.choices('risk.objectives', 'Affected objectives', aiObjectiveIds, 'objective', { help: 'risk.objectives.help', section: 'identify' }),
    consequenceOrganization: field.long('risk.consequenceOrganization', 'Consequences for the organization', { section: 'identify' }),
    consequenceIndividuals: field.long('risk.consequenceIndividuals', 'Consequences for individuals', { section: 'identify' }),
    consequenceSociety: field.long('risk.consequenceSociety', 'Consequences for society', { section: 'identify' }),
    inherentLikelihood: field.rating('history.field.inherentLikelihood', 'Inherent likelihood', 'probability', { section: 'inherent' }),
    inherentImpact: field.rating('history.field.inherentImpact', 'Inherent impact', 'impact', { section: 'inherent' }),
    owner: field.text('risk.owner', 'Owner', { section: 'treatment' }),
    treatment: field.maybe('risk.treatment', 'Treatment option', treatmentOptions, 'risk.treatmentValue', { section: 'treatment' }),
    treatmentPlan: field.long('risk.treatmentPlan', 'Treatment plan', { section: 'treatment' }),
    treatmentDue: field.date('risk.treatmentDue', 'Treatment due', { section: 'treatment' }),
    annexAControls: field.refs('risk.annexAControls', 'Annex A controls', 'items', 60, { help: 'risk.annexAControls.help', section: 'treatment' }),
    ownControlIds: field.refs('risk.ownControls', 'Own controls', 'ownControls', 1000, { section: 'treatment' }),
    residualLikelihood: field.rating('history.field.residualLikelihood', 'Residual likelihood', 'probability', { section: 'residual' }),
    residualImpact: field.rating('history.field.residualImpact', 'Residual impact', 'impact', { section: 'residual' }),
    acceptedBy: field.text('risk.acceptedBy', 'Accepted by', { section: 'residual' }),
    acceptedOn: field.date('risk.acceptedOn', 'Accepted on', { section: 'residual' }),
    acceptanceNote: field.long('risk.acceptanceNote', 'Acceptance note', { section: 'residual' }),
    status: field.choice('risk.status', 'Status', riskStatuses, 'risk.statusValue', 'identified', { section: 'review' }),
    nextReview: field.date('risk.nextReview', 'Next review', { section: 'review' }),
    /** Set when the risk was raised from an impact of an impact assessment. */
    sourceImpact: field.internal(
      'history.field.sourceImpact',
      { kind: 'source-impact' },
      z.strictObject({ assessmentId: idSchema, impactId: idSchema }).nullable(),
      null,
    ),
  },
  derived: {
    inherentLevel: {
      label: 'risks.col.inherent',
      column: 'Inherent level',
      after: 'inherentImpact',
      text: levelText('inherentLikelihood', 'inherentImpact'),
      level: levelAt('inherentLikelihood', 'inherentImpact'),
    },
    residualLevel: {
      label: 'risks.col.residual',
      column: 'Residual level',
      after: 'residualImpact',
      text: levelText('residualLikelihood', 'residualImpact'),
      level: levelAt('residualLikelihood', 'residualImpact'),
    },
  },
  list: ['ref', 'title', 'aiSystemIds', 'inherentLevel', 'residualLevel', 'treatment', 'owner', 'status', 'nextReview'],
  summary: ['inherentLevel', 'residualLevel', 'owner', 'status', 'nextReview'],
  sections: {
    identify: 'risk.sectionIdentify',
    inherent: 'risk.sectionInherent',
    treatment: 'risk.sectionTreatment',
    residual: 'risk.sectionResidual',
    review: 'risk.sectionReview',
  },
});

export const riskSchema = riskRegister.schema;
export type Risk = z.infer<typeof riskSchema>;
export type RiskPatch = Partial<Omit<Risk, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt' | 'ref'>>;

export function blankRisk(base: Pick<Risk, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt' | 'ref'>, title: string): Risk {
  return riskSchema.parse({ ...riskRegister.blank(), ...base, title });
}

/** Register order: R-2 before R-10 (ref-order.ts compares the numbers itself where it can: the collator is slow). */
export function compareRefs(a: { ref: string }, b: { ref: string }): number {
  return compareRefText(a.ref, b.ref);
}

/** …: the next free number after the highest in use. */
export function nextRiskRef(existing: Iterable<string>): string {
  let max = 0;
  for (const ref of existing) {
    const n = Number(/^R-(\d+)$/.exec(ref)?.[1] ?? 0);
    if (n > max) max = n;
  }
  return `R-${String(max + 1).padStart(3, '0')}`;
}
