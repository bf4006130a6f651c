import { listAiSystems } from '../db/ai-systems-repo';
import { listImpactAssessments } from '../db/impact-assessments-repo';
import { listRisksAlone } from '../db/risks-repo';
import type { AiSystem } from '../domain/ai-system-schema';
import type { ImpactAssessment } from '../domain/impact-assessment-schema';
import type { Risk } from '../domain/risk-schema';
import { live } from '../state/live.svelte';

/** Live AI systems of a workspace. */
export function liveAiSystems(ws: () => string) {
  return live(ws, listAiSystems, [] as AiSystem[]);
}

export function liveRisks(ws: () => string) {
  return live(ws, listRisksAlone, [] as Risk[]);
}

export function liveImpactAssessments(ws: () => string) {
  return live(ws, listImpactAssessments, [] as ImpactAssessment[]);
}

export interface SystemFilter {
  query: string;
  stage: string;
  status: string;
  eu: string;
}

export function filterSystems(systems: readonly AiSystem[], f: SystemFilter): AiSystem[] {
  const q = f.query.trim().toLowerCase();
  return systems.filter(
    (s) =>
      (f.stage === 'all' || s.lifecycleStage === f.stage) &&
      (f.status === 'all' || s.status === f.status) &&
      (f.eu === 'all' || s.euAiActCategory === f.eu) &&
      (!q || `${s.name} ${s.description} ${s.purpose} ${s.owner} ${s.suppliers}`.toLowerCase().includes(q)),
  );
}
