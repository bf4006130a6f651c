import { createAiSystem, deleteAiSystem, saveAiSystem } from '../db/ai-systems-repo';
import {
  approveImpactAssessment,
  checkApproval,
  deleteDraftAssessment,
  markCopiesReviewed,
  raiseRiskFromImpact,
  saveImpactAssessment,
  startImpactAssessment,
  startNewVersion,
} from '../db/impact-assessments-repo';
import { createOwnControl, deleteOwnControl, saveOwnControl } from '../db/own-controls-repo';
import { createRisk, deleteRisk, saveRisk } from '../db/risks-repo';
import type { AiSystemPatch } from '../domain/ai-system-schema';
import type { CopiedScopeKey, ImpactAssessmentPatch } from '../domain/impact-assessment-schema';
import type { OwnControlPatch } from '../domain/own-control-schema';
import type { RiskPatch } from '../domain/risk-schema';
import { guarded, report } from './commands';
import { checkedSave, type EditMeta } from './edit-sessions';

/**
 * Commands the register pages call. Field edits autosave through keyed queues; everything
 * else returns the repository's Result so the page can show a code-based message.
 */
/** `edit` (from an editor) makes the save check that another tab did not change the field meanwhile. */
function fieldSaver<P extends object>(kind: string, write: (id: string, patch: P, expected?: Record<string, unknown>) => Promise<unknown>) {
  return (id: string, patch: P, edit?: EditMeta): void => {
    checkedSave(
      `${kind}|${id}|${Object.keys(patch).sort().join(',')}`,
      patch as Record<string, unknown>,
      edit,
      (p, expected) => write(id, p as P, expected),
      report,
      undefined,
      { op: kind, target: [id] },
    );
  };
}

export const saveAiSystemField = fieldSaver<AiSystemPatch>('aiSystem', saveAiSystem);
export const saveRiskField = fieldSaver<RiskPatch>('risk', saveRisk);
export const saveOwnControlField = fieldSaver<OwnControlPatch>('ownControl', saveOwnControl);
export const saveAssessmentField = fieldSaver<ImpactAssessmentPatch>('impactAssessment', async (id, patch) => {
  const r = await saveImpactAssessment(id, patch);
  if (!r.ok) throw new Error(`impact assessment not saved: ${r.code}`);
});

export const newAiSystem = (ws: string, name: string) => guarded(() => createAiSystem(ws, name));
export const removeAiSystem = (id: string) => guarded(() => deleteAiSystem(id));
export const newRisk = (ws: string, title: string, extra?: RiskPatch) => guarded(() => createRisk(ws, title, extra));
/** True once the risk is in the trash; undefined when the delete failed (reported). */
export const removeRisk = (id: string) => guarded(async () => (await deleteRisk(id), true));
export const newOwnControl = (ws: string, name: string) => guarded(() => createOwnControl(ws, name));
export const removeOwnControl = (id: string) => guarded(async () => (await deleteOwnControl(id), true));
/** Opens the system's assessment when it has one (`started` false), else starts version 1. */
export const newImpactAssessment = (ws: string, aiSystemId: string) => guarded(() => startImpactAssessment(ws, aiSystemId));
export const checkAssessmentApproval = (id: string) => guarded(() => checkApproval(id));
export const approveAssessment = (id: string) => guarded(() => approveImpactAssessment(id));
export const reviewCopiedFields = (id: string, keys: readonly CopiedScopeKey[]) => guarded(() => markCopiesReviewed(id, keys));
export const newAssessmentVersion = (id: string) => guarded(() => startNewVersion(id));
export const removeDraftAssessment = (id: string) => guarded(() => deleteDraftAssessment(id));
export const riskFromImpact = (assessmentId: string, impactId: string) => guarded(() => raiseRiskFromImpact(assessmentId, impactId));
