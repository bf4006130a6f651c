import { z } from 'zod';
import { timestampSchema } from './dates';
import { defineRegister, field } from './register';

/** Stored progress. "Not applicable" is not stored here: it is the SoA decision `applicable: false`. */
export const storedStatuses = ['not-started', 'in-progress', 'implemented'] as const;
export const effectiveStatuses = [...storedStatuses, 'not-applicable'] as const;
export type StoredStatus = (typeof storedStatuses)[number];
export type EffectiveStatus = (typeof effectiveStatuses)[number];

/** 6.1.3: every inclusion and exclusion in the SoA needs a reason. */
export const justificationCategories = ['risk-treatment', 'legal-regulatory', 'contractual', 'business-practice', 'other'] as const;

/**
 * One answer per catalog item, created on first edit: where the item stands (clauses 4–10 and the
 * walkthrough of Annex A) and, for a control, its Statement of Applicability decision (6.1.3 d).
 */
export const assessmentRegister = defineRegister({
  table: 'assessments',
  base: { id: z.string().min(1).max(64), workspaceId: z.string().min(1).max(64), updatedAt: timestampSchema },
  fields: {
    itemId: field.internal('assessment.item', { kind: 'ref', target: 'items' }, z.string().min(1).max(20), ''),
    status: field.choice('assessment.status', 'Status', storedStatuses, 'status', 'not-started', { section: 'walkthrough' }),
    owner: field.text('assessment.owner', 'Owner', { section: 'walkthrough' }),
    targetDate: field.date('assessment.targetDate', 'Target date', { section: 'walkthrough' }),
    notes: field.long('assessment.notes', 'Implementation notes', { help: 'assessment.notes.help', section: 'walkthrough' }),
    /** Annex A only. null: not decided yet (the SoA's own widget sets it). */
    applicable: field.internal('soa.col.applicable', { kind: 'flag' }, z.boolean().nullable(), null),
    justificationCategory: field.maybe('soa.justificationCategory', 'Justification category', justificationCategories, 'justification', { section: 'soa' }),
    justification: field.long('soa.justification', 'Justification', { help: 'soa.justification.help', section: 'soa' }),
    /** Where and how the control is implemented (SoA column). */
    implementation: field.long('soa.implementation', 'Where and how implemented', { section: 'soa' }),
  },
});

export const assessmentSchema = assessmentRegister.schema;
export type Assessment = z.infer<typeof assessmentSchema>;

/** The fields a user edits; ids and timestamps are the repository's business. */
export type AssessmentPatch = Partial<Omit<Assessment, 'id' | 'workspaceId' | 'itemId' | 'updatedAt'>>;

const inputsOf = (section: string) => assessmentRegister.inputs.filter((f) => assessmentRegister.section(section).some((x) => x.key === f.key));
export const assessmentFields = inputsOf('walkthrough');
export const soaFields = inputsOf('soa');

/** What a record looks like before anyone has touched the item. */
export function blankAssessment(workspaceId: string, itemId: string, id: string, now: string): Assessment {
  return { ...assessmentRegister.blank(), id, workspaceId, itemId, updatedAt: now };
}

export function effectiveStatus(a: Pick<Assessment, 'status' | 'applicable'> | undefined, isControl: boolean): EffectiveStatus {
  if (!a) return 'not-started';
  if (isControl && a.applicable === false) return 'not-applicable';
  return a.status;
}

/**
 * Choosing a status in the walkthrough for a control also settles its SoA decision:
 * "not applicable" excludes it; starting work on it includes it.
 */
export function statusPatch(current: Pick<Assessment, 'status' | 'applicable'> | undefined, next: EffectiveStatus, isControl: boolean): AssessmentPatch {
  if (next === 'not-applicable') {
    if (!isControl) throw new Error('clauses 4–10 are mandatory: they cannot be not applicable');
    return { applicable: false };
  }
  if (!isControl) return { status: next };
  const applicable = current?.applicable ?? null;
  if (next === 'not-started') return { status: next, applicable: applicable === false ? null : applicable };
  return { status: next, applicable: true };
}
