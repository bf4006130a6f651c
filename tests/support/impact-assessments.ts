import { saveImpactAssessment, startImpactAssessment } from '../../src/db/impact-assessments-repo';
import { blankImpact, type Impact, type ImpactAssessment } from '../../src/domain/impact-assessment-schema';
import type { Result } from '../../src/domain/result';

/** The value of an ok result; fails the test on a refusal. */
export function value<T>(r: Result<T> | undefined): T {
  if (!r) throw new Error('no result');
  if (!r.ok) throw new Error(`expected ok, got ${r.code}`);
  return r.value;
}

export function impact(overrides: Partial<Impact> = {}): Impact {
  return { ...blankImpact(crypto.randomUUID()), ...overrides };
}

/** A draft with content (one impact, the whole sign-off), ready to approve. */
export async function readyDraft(workspaceId: string, aiSystemId: string): Promise<{ draft: ImpactAssessment; harm: Impact }> {
  const created = (await startImpactAssessment(workspaceId, aiSystemId)).assessment;
  const harm = impact({
    area: 'fairness',
    affected: 'groups',
    affectedWho: 'Applicants over 50',
    description: 'Older applicants are ranked lower.\nSeen in the pilot.',
    plannedMitigations: 'Re-weight the training data',
  });
  const draft = value(
    await saveImpactAssessment(created.id, {
      intendedUse: 'Rank job applications',
      impacts: [harm],
      conclusion: 'Acceptable with conditions',
      decision: 'proceed-with-conditions',
      assessor: 'Ana',
      assessedOn: '2025-03-01',
      reviewer: 'Ben',
      reviewedOn: '2025-03-05',
      approver: 'Carla',
      approvedOn: '2025-03-10',
      nextReview: '2026-03-10',
    }),
  );
  return { draft, harm };
}
