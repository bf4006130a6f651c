import { newId } from '../domain/ids';
import {
  blankImpactAssessment,
  impactAssessmentSchema,
  type ImpactAssessment,
  type ImpactAssessmentPatch,
} from '../domain/impact-assessment-schema';
import { fail, ok, type Result } from '../domain/result';
import { blankRisk, nextRiskRef, riskSchema, type Risk } from '../domain/risk-schema';
import { database } from './database';
import { guardWrite } from './errors';
import { registerRepo } from './register-repo';

const repo = registerRepo<ImpactAssessment, ImpactAssessmentPatch>('impactAssessments', impactAssessmentSchema);

export const listImpactAssessments = repo.list;
export const getImpactAssessment = repo.get;

export type AssessmentCode = 'frozen' | 'draft-exists' | 'approver-required' | 'approval-date-required' | 'decision-required' | 'not-found';

/** A new assessment for an AI system starts as version 1, a draft. */
export async function createImpactAssessment(workspaceId: string, aiSystemId: string): Promise<ImpactAssessment> {
  const db = database();
  if (!(await db.aiSystems.get(aiSystemId))) throw new Error(`AI system ${aiSystemId} not found`);
  return repo.create(workspaceId, (base) => blankImpactAssessment({ ...base, aiSystemId }));
}

/** Only drafts change; an approved version is frozen documented information (A.5.3). */
export async function saveImpactAssessment(id: string, patch: ImpactAssessmentPatch): Promise<Result<ImpactAssessment, AssessmentCode>> {
  const current = await repo.get(id);
  if (!current) return fail('not-found');
  if (current.state !== 'draft') return fail('frozen');
  return ok(await repo.update(id, patch));
}

/** Approval needs an approver, a date and a decision; it freezes this version. */
export async function approveImpactAssessment(id: string): Promise<Result<ImpactAssessment, AssessmentCode>> {
  const current = await repo.get(id);
  if (!current) return fail('not-found');
  if (current.state !== 'draft') return fail('frozen');
  if (!current.approver.trim()) return fail('approver-required', 'approver');
  if (!current.approvedOn) return fail('approval-date-required', 'approvedOn');
  if (!current.decision) return fail('decision-required', 'decision');
  const db = database();
  const next = await guardWrite(() =>
    db.transaction('rw', db.impactAssessments, db.workspaces, async () => {
      const fresh = await db.impactAssessments.get(id);
      if (!fresh || fresh.state !== 'draft') throw new Error('impact assessment changed while approving');
      const now = new Date().toISOString();
      const approved = impactAssessmentSchema.parse({ ...fresh, state: 'approved', updatedAt: now });
      await db.impactAssessments.put(approved);
      await db.workspaces.update(fresh.workspaceId, { updatedAt: now });
      return approved;
    }),
  );
  return ok(next);
}

/**
 * Editing after approval starts a new draft version copied from the latest one; the approved
 * versions stay readable as they were. Sign-off fields start empty again.
 */
export async function startNewVersion(id: string): Promise<Result<ImpactAssessment, AssessmentCode>> {
  const db = database();
  const result = await guardWrite(() =>
    db.transaction('rw', db.impactAssessments, db.workspaces, async (): Promise<Result<ImpactAssessment, AssessmentCode>> => {
      const source = await db.impactAssessments.get(id);
      if (!source) return fail('not-found');
      const series = await db.impactAssessments.where('seriesId').equals(source.seriesId).toArray();
      if (series.some((a) => a.state === 'draft')) return fail('draft-exists');
      const latest = series.reduce((a, b) => (b.version > a.version ? b : a));
      const now = new Date().toISOString();
      const draft = impactAssessmentSchema.parse({
        ...latest,
        id: newId(),
        version: latest.version + 1,
        state: 'draft',
        createdAt: now,
        updatedAt: now,
        reviewer: '',
        reviewedOn: null,
        approver: '',
        approvedOn: null,
      });
      await db.impactAssessments.add(draft);
      await db.workspaces.update(source.workspaceId, { updatedAt: now });
      return ok(draft);
    }),
  );
  return result;
}

export async function deleteDraftAssessment(id: string): Promise<Result<null, AssessmentCode>> {
  const current = await repo.get(id);
  if (!current) return fail('not-found');
  if (current.state !== 'draft') return fail('frozen');
  await database().impactAssessments.delete(id);
  return ok(null);
}

/**
 * Turns one impact into a risk in one action: the risk is pre-filled from the impact and points
 * back to it, and the impact points to the risk. Linking is allowed on an approved version too:
 * it records follow-up, it does not change what was assessed.
 */
export async function raiseRiskFromImpact(assessmentId: string, impactId: string): Promise<Result<Risk, 'not-found' | 'already-linked'>> {
  const db = database();
  return guardWrite(() =>
    db.transaction('rw', db.impactAssessments, db.risks, db.workspaces, async (): Promise<Result<Risk, 'not-found' | 'already-linked'>> => {
      const assessment = await db.impactAssessments.get(assessmentId);
      const impact = assessment?.impacts.find((i) => i.id === impactId);
      if (!assessment || !impact) return fail('not-found');
      if (impact.riskId && (await db.risks.get(impact.riskId))) return fail('already-linked');
      const refs = (await db.risks.where('workspaceId').equals(assessment.workspaceId).toArray()).map((r) => r.ref);
      const now = new Date().toISOString();
      const firstLine = impact.description.split('\n')[0]!.trim();
      const title = (firstLine || impact.affectedWho || impact.area).slice(0, 300);
      const risk = riskSchema.parse({
        ...blankRisk({ id: newId(), workspaceId: assessment.workspaceId, createdAt: now, updatedAt: now, ref: nextRiskRef(refs) }, title),
        description: impact.description,
        aiSystemIds: [assessment.aiSystemId],
        consequenceIndividuals: impact.affected === 'society' ? '' : impact.description,
        consequenceSociety: impact.affected === 'society' ? impact.description : '',
        treatmentPlan: impact.plannedMitigations,
        sourceImpact: { assessmentId, impactId },
      });
      await db.risks.add(risk);
      const impacts = assessment.impacts.map((i) => (i.id === impactId ? { ...i, riskId: risk.id } : i));
      await db.impactAssessments.put(impactAssessmentSchema.parse({ ...assessment, impacts, updatedAt: now }));
      await db.workspaces.update(assessment.workspaceId, { updatedAt: now });
      return ok(risk);
    }),
  );
}
