import type { AiSystem } from './ai-system-schema';
import { copiedScopeKeys, type CopiedScopeKey, type ImpactAssessment } from './impact-assessment-schema';

/**
 * What a new impact assessment takes from its AI system's record, and what a version needs before
 * it can be approved. Pure: the repository applies both inside its transactions.
 */

/** Where each copied scope field comes from in the inventory (its "users and affected parties" covers intended users). */
export const systemSourceOf: Readonly<Record<CopiedScopeKey, 'purpose' | 'dataSources' | 'deploymentContext' | 'affectedParties'>> = {
  intendedUse: 'purpose',
  dataUsed: 'dataSources',
  deploymentEnvironment: 'deploymentContext',
  affectedParties: 'affectedParties',
};

/**
 * The scope of a new assessment as the inventory describes the system, and which fields were
 * copied (only those with text): the assessor reviews them before approval (6.1.4: the
 * assessment is of this system in its context, so the inventory is a starting point, not the answer).
 */
export function scopeFromSystem(
  system: Pick<AiSystem, 'purpose' | 'dataSources' | 'deploymentContext' | 'affectedParties'>,
): Pick<ImpactAssessment, CopiedScopeKey | 'copiedFromSystem'> {
  const values = Object.fromEntries(copiedScopeKeys.map((k) => [k, system[systemSourceOf[k]]])) as Record<CopiedScopeKey, string>;
  return { ...values, copiedFromSystem: copiedScopeKeys.filter((k) => values[k].trim() !== '') };
}

/** Copied scope fields still waiting for the assessor, in page order. */
export function unreviewedCopies(a: Pick<ImpactAssessment, 'copiedFromSystem'>): CopiedScopeKey[] {
  const marked = new Set(a.copiedFromSystem ?? []);
  return copiedScopeKeys.filter((k) => marked.has(k));
}

export type ApprovalCode = 'approver-required' | 'approval-date-required' | 'decision-required' | 'copied-unreviewed';

/** Everything that stops this version's approval, each with the field to fix, in page order (copied scope first); empty when it can be approved. */
export function approvalProblems(a: ImpactAssessment): { code: ApprovalCode; field: string }[] {
  const out: { code: ApprovalCode; field: string }[] = unreviewedCopies(a).map((field) => ({ code: 'copied-unreviewed' as const, field }));
  if (!a.approver.trim()) out.push({ code: 'approver-required', field: 'approver' });
  if (!a.approvedOn) out.push({ code: 'approval-date-required', field: 'approvedOn' });
  if (!a.decision) out.push({ code: 'decision-required', field: 'decision' });
  return out;
}
