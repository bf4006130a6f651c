import { z } from 'zod';
import { isoDateSchema, timestampSchema } from './dates';
import { defineFields, LONG_TEXT_MAX, TEXT_MAX } from './fields';

/** Stored progress. "Not applicable" is not stored here: it is the SoA decision `applicable: false`. */
export const storedStatuses = ['not-started', 'in-progress', 'implemented'] as const;
export const effectiveStatuses = [...storedStatuses, 'not-applicable'] as const;
export type StoredStatus = (typeof storedStatuses)[number];
export type EffectiveStatus = (typeof effectiveStatuses)[number];

/** 6.1.3: every inclusion and exclusion in the SoA needs a reason. */
export const justificationCategories = ['risk-treatment', 'legal-regulatory', 'contractual', 'business-practice', 'other'] as const;

export const assessmentSchema = z.strictObject({
  id: z.string().min(1).max(64),
  workspaceId: z.string().min(1).max(64),
  itemId: z.string().min(1).max(20),
  status: z.enum(storedStatuses),
  notes: z.string().max(LONG_TEXT_MAX),
  owner: z.string().max(TEXT_MAX),
  targetDate: isoDateSchema.nullable(),
  /** Annex A only. null: not decided yet. */
  applicable: z.boolean().nullable(),
  justificationCategory: z.enum(justificationCategories).nullable(),
  justification: z.string().max(LONG_TEXT_MAX),
  /** Where and how the control is implemented (SoA column). */
  implementation: z.string().max(LONG_TEXT_MAX),
  updatedAt: timestampSchema,
});
export type Assessment = z.infer<typeof assessmentSchema>;

/** The fields a user edits; ids and timestamps are the repository's business. */
export type AssessmentPatch = Partial<Omit<Assessment, 'id' | 'workspaceId' | 'itemId' | 'updatedAt'>>;

export const assessmentFields = defineFields<keyof AssessmentPatch>([
  { key: 'status', kind: 'enum', label: 'assessment.status', options: storedStatuses, optionPrefix: 'status', column: 'Status' },
  { key: 'owner', kind: 'text', label: 'assessment.owner', column: 'Owner', maxLength: TEXT_MAX },
  { key: 'targetDate', kind: 'date', label: 'assessment.targetDate', column: 'Target date' },
  { key: 'notes', kind: 'textarea', label: 'assessment.notes', help: 'assessment.notes.help', column: 'Implementation notes', maxLength: LONG_TEXT_MAX },
]);

export const soaFields = defineFields<keyof AssessmentPatch>([
  { key: 'justificationCategory', kind: 'enum', label: 'soa.justificationCategory', options: justificationCategories, optionPrefix: 'justification', column: 'Justification category', nullable: true },
  { key: 'justification', kind: 'textarea', label: 'soa.justification', help: 'soa.justification.help', column: 'Justification', maxLength: LONG_TEXT_MAX },
  { key: 'implementation', kind: 'textarea', label: 'soa.implementation', column: 'Where and how implemented', maxLength: LONG_TEXT_MAX },
]);

/** What a record looks like before anyone has touched the item. */
export function blankAssessment(workspaceId: string, itemId: string, id: string, now: string): Assessment {
  return {
    id,
    workspaceId,
    itemId,
    status: 'not-started',
    notes: '',
    owner: '',
    targetDate: null,
    applicable: null,
    justificationCategory: null,
    justification: '',
    implementation: '',
    updatedAt: now,
  };
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
