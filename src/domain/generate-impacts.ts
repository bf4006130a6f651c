import type { AiSystem } from './ai-system-schema';
import type { Draws } from './generate-draws';
import { PEOPLE } from './generate-words';
import {
  affectedKinds,
  impactAreas,
  impactAssessmentSchema,
  impactLikelihoods,
  impactScales,
  reversibilities,
  severities,
  type ImpactAssessment,
} from './impact-assessment-schema';
import type { Risk } from './risk-schema';

/**
 * Impact assessments of `nAssessments` of the systems, one version each, half approved; some impacts
 * raise one of the `risks` (each risk at most once), which then names the impact as its source and
 * the assessed system among its systems.
 */
export function generateImpactAssessments(
  d: Draws,
  workspaceId: string,
  nAssessments: number,
  aiSystems: readonly AiSystem[],
  risks: Risk[],
): ImpactAssessment[] {
  const { r, id, stamps, date } = d;
  const impactAssessments: ImpactAssessment[] = [];
  const linked = new Set<number>();
  const assessedSystems = r.some(aiSystems, nAssessments);
  for (const system of assessedSystems) {
    const approved = r.chance(0.5);
    const assessmentId = id();
    const impacts = Array.from({ length: 1 + r.int(4) }, () => {
      const impactId = id();
      const area = r.pick(impactAreas);
      let riskId: string | null = null;
      if (risks.length && r.chance(0.4)) {
        const k = r.int(risks.length);
        if (!linked.has(k)) {
          linked.add(k);
          const risk = risks[k]!;
          risk.sourceImpact = { assessmentId, impactId };
          if (!risk.aiSystemIds.includes(system.id)) risk.aiSystemIds = [...risk.aiSystemIds, system.id];
          riskId = risk.id;
        }
      }
      return {
        id: impactId,
        area,
        affected: r.pick(affectedKinds),
        affectedWho: r.pick(['Applicants', 'Customers over 65', 'Call-centre staff', 'Residents of the service area']),
        description: `Possible ${area.replace(/-/g, ' ')} impact from automated decisions.`,
        severity: r.pick(severities),
        likelihood: r.pick(impactLikelihoods),
        reversibility: r.pick(reversibilities),
        scale: r.pick(impactScales),
        existingMitigations: 'Human review of contested cases.',
        plannedMitigations: r.chance(0.5) ? 'Add an appeal channel and monitor complaint rates.' : '',
        residual: r.pick(['low', 'medium', 'high'] as const),
        riskId,
      };
    });
    impactAssessments.push(
      impactAssessmentSchema.parse({
        id: assessmentId,
        workspaceId,
        ...stamps(),
        aiSystemId: system.id,
        seriesId: assessmentId,
        version: 1,
        state: approved ? 'approved' : 'draft',
        intendedUse: system.purpose,
        foreseeableMisuse: 'Used for decisions outside its validated population.',
        deploymentEnvironment: system.deploymentContext,
        affectedParties: system.affectedParties,
        impacts,
        residualSummary: approved ? 'Residual impacts are acceptable with the listed conditions.' : '',
        conclusion: approved ? 'Proceed with conditions.' : '',
        decision: approved ? 'proceed-with-conditions' : null,
        conditions: approved ? 'Quarterly fairness report to the AI board.' : '',
        assessor: r.pick(PEOPLE),
        assessedOn: date(-300, 100),
        reviewer: approved ? r.pick(PEOPLE) : '',
        reviewedOn: approved ? date(-200, 50) : null,
        approver: approved ? 'Chief Risk Officer' : '',
        approvedOn: approved ? date(-150, 50) : null,
        nextReview: date(30, 300),
      }),
    );
  }
  return impactAssessments;
}
