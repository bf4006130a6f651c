import type { AiSystem } from './ai-system-schema';
import { aiObjectiveIds, riskSourceIds } from './annex-c';
import { annexAControlIds } from './annex-a-control-ids';
import type { Draws } from './generate-draws';
import { DOMAINS, HAZARDS, PEOPLE } from './generate-words';
import type { OwnControl } from './own-control-schema';
import { levelOf, type RiskMatrix } from './risk-matrix';
import { riskRegister, treatmentOptions, type Risk } from './risk-schema';

/**
 * `nRisks` risks R-001 … on the workspace's matrix: most rated, many treated with Annex A and own
 * controls, some with a residual rating and an owner's acceptance. Not parsed yet: the impact
 * assessments still link some of them (generate-impacts.ts).
 */
export function generateRisks(
  d: Draws,
  workspaceId: string,
  nRisks: number,
  matrix: RiskMatrix,
  aiSystems: readonly AiSystem[],
  ownControls: readonly OwnControl[],
): Risk[] {
  const { r, id, stamps, date } = d;
  const nSystems = aiSystems.length;
  const nControls = ownControls.length;
  const width = Math.max(3, String(nRisks).length);
  return Array.from({ length: nRisks }, (_, i) => {
    const hazard = r.pick(HAZARDS);
    const systems = nSystems ? r.some(aiSystems, 1 + r.int(3)).map((s) => s.id) : [];
    const rated = r.chance(0.9);
    const il = rated ? r.int(matrix.probability.length) : null;
    const ii = rated ? r.int(matrix.impact.length) : null;
    const status = rated ? r.pick(['assessed', 'treating', 'treating', 'monitoring', 'closed'] as const) : 'identified';
    const treatment = status === 'identified' ? null : r.pick<Risk['treatment']>([...treatmentOptions, 'modify', 'modify']);
    const treated = treatment === 'modify' || treatment === 'share';
    const residual = il !== null && ii !== null && (status === 'monitoring' || status === 'closed' || (status === 'treating' && r.chance(0.4)));
    const rl = residual ? r.int((il ?? 0) + 1) : null;
    const ri = residual ? r.int((ii ?? 0) + 1) : null;
    const level = levelOf(matrix, rl, ri);
    const accepted = treatment === 'retain' || (level !== null && !level.acceptable && r.chance(0.5));
    const source = r.chance(0.9) ? r.pick([...riskSourceIds, 'other'] as const) : null;
    return {
      // Every declared field at its blank first: a field added to the register later is generated blank.
      ...riskRegister.blank(),
      id: id(),
      workspaceId,
      ...stamps(),
      ref: `R-${String(i + 1).padStart(width, '0')}`,
      title: `${hazard} (${r.pick(DOMAINS).toLowerCase()})`,
      description: `${hazard}. Seen in review ${1 + r.int(40)}.`,
      aiSystemIds: systems,
      riskSource: source,
      riskSourceOther: source === 'other' ? 'Organizational change' : '',
      objectives: r.some(aiObjectiveIds, 1 + r.int(3)),
      consequenceOrganization: r.chance(0.7) ? 'Regulatory findings and rework.' : '',
      consequenceIndividuals: r.chance(0.6) ? 'Wrong decisions about people, hard to contest.' : '',
      consequenceSociety: r.chance(0.2) ? 'Loss of trust in automated services.' : '',
      inherentLikelihood: il,
      inherentImpact: ii,
      owner: r.pick(PEOPLE),
      treatment,
      annexAControls: treated ? r.some(annexAControlIds, 1 + r.int(4)) : [],
      ownControlIds: treated && nControls && r.chance(0.6) ? r.some(ownControls, 1 + r.int(3)).map((c) => c.id) : [],
      treatmentPlan: treated ? 'Introduce the listed controls and re-rate after one quarter.' : '',
      treatmentDue: treated ? date(-90, 365) : null,
      residualLikelihood: rl,
      residualImpact: ri,
      acceptedBy: accepted ? r.pick(PEOPLE) : '',
      acceptedOn: accepted ? date(-200, 180) : null,
      acceptanceNote: accepted ? 'Accepted for one review cycle.' : '',
      nextReview: status === 'closed' ? null : date(0, 365),
      status,
      sourceImpact: null,
    } satisfies Risk;
  });
}
