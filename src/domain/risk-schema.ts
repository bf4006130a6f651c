import { z } from 'zod';
import { aiObjectiveIds, riskSourceIds } from './annex-c';
import { isoDateSchema } from './dates';
import { defineFields, LONG_TEXT_MAX, TEXT_MAX } from './fields';
import { controlIdSchema, idSchema, recordBase } from './record-base';

/** Risk treatment options (ISO 31000 family). */
export const treatmentOptions = ['modify', 'avoid', 'share', 'retain'] as const;
export const riskStatuses = ['identified', 'assessed', 'treating', 'monitoring', 'closed'] as const;

const rating = z.number().int().min(0).max(20).nullable();

export const riskRefSchema = z.string().regex(/^R-\d{3,}$/, 'expected an id like R-001');

export const riskSchema = z.strictObject({
  ...recordBase,
  ref: riskRefSchema,
  title: z.string().trim().min(1).max(TEXT_MAX),
  description: z.string().max(LONG_TEXT_MAX),
  aiSystemIds: z.array(idSchema).max(1000),
  riskSource: z.enum([...riskSourceIds, 'other']).nullable(),
  riskSourceOther: z.string().max(TEXT_MAX),
  objectives: z.array(z.enum(aiObjectiveIds)).max(aiObjectiveIds.length),
  consequenceOrganization: z.string().max(LONG_TEXT_MAX),
  consequenceIndividuals: z.string().max(LONG_TEXT_MAX),
  consequenceSociety: z.string().max(LONG_TEXT_MAX),
  /** Indexes into the workspace matrix scales; kept as stored even when a scale shrinks. */
  inherentLikelihood: rating,
  inherentImpact: rating,
  owner: z.string().max(TEXT_MAX),
  treatment: z.enum(treatmentOptions).nullable(),
  annexAControls: z.array(controlIdSchema).max(60),
  ownControlIds: z.array(idSchema).max(1000),
  treatmentPlan: z.string().max(LONG_TEXT_MAX),
  treatmentDue: isoDateSchema.nullable(),
  residualLikelihood: rating,
  residualImpact: rating,
  acceptedBy: z.string().max(TEXT_MAX),
  acceptedOn: isoDateSchema.nullable(),
  acceptanceNote: z.string().max(LONG_TEXT_MAX),
  nextReview: isoDateSchema.nullable(),
  status: z.enum(riskStatuses),
  /** Set when the risk was raised from an impact of an impact assessment. */
  sourceImpact: z.strictObject({ assessmentId: idSchema, impactId: idSchema }).nullable(),
});
export type Risk = z.infer<typeof riskSchema>;
export type RiskPatch = Partial<Omit<Risk, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt' | 'ref'>>;

export function blankRisk(base: Pick<Risk, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt' | 'ref'>, title: string): Risk {
  return riskSchema.parse({
    ...base,
    title,
    description: '',
    aiSystemIds: [],
    riskSource: null,
    riskSourceOther: '',
    objectives: [],
    consequenceOrganization: '',
    consequenceIndividuals: '',
    consequenceSociety: '',
    inherentLikelihood: null,
    inherentImpact: null,
    owner: '',
    treatment: null,
    annexAControls: [],
    ownControlIds: [],
    treatmentPlan: '',
    treatmentDue: null,
    residualLikelihood: null,
    residualImpact: null,
    acceptedBy: '',
    acceptedOn: null,
    acceptanceNote: '',
    nextReview: null,
    status: 'identified',
    sourceImpact: null,
  });
}

/** Plain fields the generic editor renders; ratings, links and acceptance have their own widgets. */
export const riskFields = defineFields<keyof RiskPatch>([
  { key: 'title', kind: 'text', label: 'risk.title', column: 'Title', maxLength: TEXT_MAX },
  { key: 'description', kind: 'textarea', label: 'risk.description', column: 'Description', maxLength: LONG_TEXT_MAX },
  { key: 'riskSource', kind: 'enum', label: 'risk.riskSource', help: 'risk.riskSource.help', options: [...riskSourceIds, 'other'], optionPrefix: 'riskSource', column: 'Risk source', nullable: true },
  { key: 'riskSourceOther', kind: 'text', label: 'risk.riskSourceOther', column: 'Other risk source', maxLength: TEXT_MAX },
  { key: 'objectives', kind: 'multi-enum', label: 'risk.objectives', help: 'risk.objectives.help', options: aiObjectiveIds, optionPrefix: 'objective', column: 'Affected objectives' },
  { key: 'consequenceOrganization', kind: 'textarea', label: 'risk.consequenceOrganization', column: 'Consequences for the organization', maxLength: LONG_TEXT_MAX },
  { key: 'consequenceIndividuals', kind: 'textarea', label: 'risk.consequenceIndividuals', column: 'Consequences for individuals', maxLength: LONG_TEXT_MAX },
  { key: 'consequenceSociety', kind: 'textarea', label: 'risk.consequenceSociety', column: 'Consequences for society', maxLength: LONG_TEXT_MAX },
  { key: 'owner', kind: 'text', label: 'risk.owner', column: 'Owner', maxLength: TEXT_MAX },
  { key: 'status', kind: 'enum', label: 'risk.status', options: riskStatuses, optionPrefix: 'risk.statusValue', column: 'Status' },
  { key: 'treatment', kind: 'enum', label: 'risk.treatment', options: treatmentOptions, optionPrefix: 'risk.treatmentValue', column: 'Treatment option', nullable: true },
  { key: 'treatmentPlan', kind: 'textarea', label: 'risk.treatmentPlan', column: 'Treatment plan', maxLength: LONG_TEXT_MAX },
  { key: 'treatmentDue', kind: 'date', label: 'risk.treatmentDue', column: 'Treatment due' },
  { key: 'nextReview', kind: 'date', label: 'risk.nextReview', column: 'Next review' },
]);

export const acceptanceFields = defineFields<keyof RiskPatch>([
  { key: 'acceptedBy', kind: 'text', label: 'risk.acceptedBy', column: 'Accepted by', maxLength: TEXT_MAX },
  { key: 'acceptedOn', kind: 'date', label: 'risk.acceptedOn', column: 'Accepted on' },
  { key: 'acceptanceNote', kind: 'textarea', label: 'risk.acceptanceNote', column: 'Acceptance note', maxLength: LONG_TEXT_MAX },
]);

const REF_ORDER = new Intl.Collator('en', { numeric: true });

/** Register order: R-2 before R-10. One shared collator (making one per comparison is slow). */
export function compareRefs(a: { ref: string }, b: { ref: string }): number {
  return REF_ORDER.compare(a.ref, b.ref);
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
