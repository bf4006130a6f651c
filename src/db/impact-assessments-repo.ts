import { newId } from '../domain/ids';
import {
  blankImpactAssessment,
  impactAssessmentSchema,
  signOffFields,
  type CopiedScopeKey,
  type ImpactAssessment,
  type ImpactAssessmentPatch,
} from '../domain/impact-assessment-schema';
import { approvalProblems, scopeFromSystem, type ApprovalCode } from '../domain/impact-assessment-rules';
import { fail, failAll, ok, type Result } from '../domain/result';
import { blankRisk, nextRiskRef, riskSchema, type Risk } from '../domain/risk-schema';
import { database } from './database';
import { riskRefs } from './risks-repo';
import { guardWrite } from './errors';
import { historyWriter } from './history-repo';
import { registerRepo } from './register-repo';

const repo = registerRepo<ImpactAssessment, ImpactAssessmentPatch>('impactAssessments', impactAssessmentSchema);

export const listImpactAssessments = repo.list;
export const getImpactAssessment = repo.get;

export type AssessmentCode = 'frozen' | 'draft-exists' | ApprovalCode | 'not-found';
type Refusal = { ok: false; code: AssessmentCode; field?: string };

const newestOf = (list: readonly ImpactAssessment[]) => list.reduce<ImpactAssessment | undefined>((a, b) => (!a || b.createdAt > a.createdAt ? b : a), undefined);

/**
 * "Start an assessment" of an AI system. A system without one gets version 1 of a new series, a
 * draft whose scope is copied from the system's record and marked for review. A system that has
 * one gets it back instead (its draft, else its newest version): changes go into a new version of
 * it, never into a second, parallel series. One transaction, so two tabs starting at once make one series.
 */
export async function startImpactAssessment(workspaceId: string, aiSystemId: string): Promise<{ assessment: ImpactAssessment; started: boolean }> {
  const db = database();
  const history = await historyWriter();
  return guardWrite(() =>
    db.transaction('rw', [db.aiSystems, db.impactAssessments, db.workspaces, db.history], async () => {
      const system = await db.aiSystems.get(aiSystemId);
      if (system?.workspaceId !== workspaceId) throw new Error(`AI system ${aiSystemId} not found`);
      const existing = await db.impactAssessments.where('aiSystemId').equals(aiSystemId).toArray();
      const open = existing.find((a) => a.state === 'draft') ?? newestOf(existing);
      if (open) return { assessment: open, started: false };
      if (!(await db.workspaces.get(workspaceId))) throw new Error(`workspace ${workspaceId} not found`);
      const now = new Date().toISOString();
      const blank = blankImpactAssessment({ id: newId(), workspaceId, aiSystemId, createdAt: now, updatedAt: now });
      const assessment = impactAssessmentSchema.parse({ ...blank, ...scopeFromSystem(system) });
      await db.impactAssessments.add(assessment);
      await history.created('impactAssessments', assessment, 'create', now);
      await db.workspaces.update(workspaceId, { updatedAt: now });
      return { assessment, started: true };
    }),
  );
}

/**
 * The one way a version changes: only drafts do; an approved version is frozen documented
 * information (A.5.3). The check and the write share one transaction, so a write racing an
 * approval cannot land on the approved version.
 */
async function writeDraft(id: string, change: (current: ImpactAssessment) => ImpactAssessment | Refusal, coalesce = true): Promise<Result<ImpactAssessment, AssessmentCode>> {
  const db = database();
  const history = await historyWriter();
  return guardWrite(() =>
    db.transaction('rw', db.impactAssessments, db.workspaces, db.history, async (): Promise<Result<ImpactAssessment, AssessmentCode>> => {
      const current = await db.impactAssessments.get(id);
      if (!current) return fail('not-found');
      if (current.state !== 'draft') return fail('frozen');
      const changed = change(current);
      if ('ok' in changed) return changed;
      const now = new Date().toISOString();
      const next = impactAssessmentSchema.parse({ ...changed, updatedAt: now });
      await db.impactAssessments.put(next);
      await history.updated('impactAssessments', current, next, { coalesce, at: now });
      await db.workspaces.update(current.workspaceId, { updatedAt: now });
      return ok(next);
    }),
  );
}

/**
 * Saves fields of a draft. A copied scope field that is saved counts as reviewed: the assessor
 * edited it. Risk links are written only by raiseRiskFromImpact and deleteRisk: a saved impacts
 * array keeps the stored link of each impact, so a copy read before a raise cannot drop it.
 */
export async function saveImpactAssessment(id: string, patch: ImpactAssessmentPatch): Promise<Result<ImpactAssessment, AssessmentCode>> {
  return writeDraft(id, (current) => {
    const links = new Map(current.impacts.map((i) => [i.id, i.riskId]));
    const impacts = patch.impacts?.map((i) => ({ ...i, riskId: links.get(i.id) ?? null }));
    return {
      ...current,
      ...patch,
      ...(impacts ? { impacts } : {}),
      ...(current.copiedFromSystem ? { copiedFromSystem: current.copiedFromSystem.filter((k) => !(k in patch)) } : {}),
      id,
      workspaceId: current.workspaceId,
      aiSystemId: current.aiSystemId,
      seriesId: current.seriesId,
      version: current.version,
      state: current.state,
      createdAt: current.createdAt,
    };
  });
}

/** The assessor confirms copied scope fields as they are: their "copied, review" mark goes. */
export async function markCopiesReviewed(id: string, keys: readonly CopiedScopeKey[]): Promise<Result<ImpactAssessment, AssessmentCode>> {
  return writeDraft(id, (current) => ({ ...current, copiedFromSystem: (current.copiedFromSystem ?? []).filter((k) => !keys.includes(k)) }));
}

/** Whether this version could be approved now (read only): asked before the confirmation, answered again by the approval itself. */
export async function checkApproval(id: string): Promise<Result<ImpactAssessment, AssessmentCode>> {
  const current = await getImpactAssessment(id);
  if (!current) return fail('not-found');
  if (current.state !== 'draft') return fail('frozen');
  const [first, ...rest] = approvalProblems(current);
  return first ? failAll([first, ...rest]) : ok(current);
}

/** Approval needs an approver, a date, a decision and no unreviewed copied text; it freezes this version. */
export async function approveImpactAssessment(id: string): Promise<Result<ImpactAssessment, AssessmentCode>> {
  return writeDraft(
    id,
    (current) => {
      const [first, ...rest] = approvalProblems(current);
      return first ? failAll([first, ...rest]) : { ...current, state: 'approved' };
    },
    false,
  );
}

/** Each version records its own sign-off (8.4): the declared sign-off fields, emptied. */
const clearedSignOff = Object.fromEntries(signOffFields.map((f) => [f.key, f.kind === 'date' ? null : '']));

/**
 * Editing after approval starts a new draft version copied from the latest one; the approved
 * versions stay readable as they were. Sign-off fields start empty again.
 */
export async function startNewVersion(id: string): Promise<Result<ImpactAssessment, AssessmentCode>> {
  const db = database();
  const history = await historyWriter();
  const result = await guardWrite(() =>
    db.transaction('rw', db.impactAssessments, db.workspaces, db.history, async (): Promise<Result<ImpactAssessment, AssessmentCode>> => {
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
        ...clearedSignOff,
      });
      await db.impactAssessments.add(draft);
      await history.created('impactAssessments', draft, 'create', now);
      await db.workspaces.update(source.workspaceId, { updatedAt: now });
      return ok(draft);
    }),
  );
  return result;
}

/** Moves a draft to the trash; risks raised from it forget their source, so no link points at nothing (restore puts it back). */
export async function deleteDraftAssessment(id: string): Promise<Result<null, AssessmentCode>> {
  const db = database();
  // The trash loads with the first delete: the first screen reads these repositories, but never deletes.
  const { trashBuilder, trashScope } = await import('./trash-repo');
  const trash = await trashBuilder();
  return guardWrite(() =>
    db.transaction('rw', trashScope(db), async (): Promise<Result<null, AssessmentCode>> => {
      const current = await db.impactAssessments.get(id);
      if (!current) return fail('not-found');
      if (current.state !== 'draft') return fail('frozen');
      const t = trash(db);
      t.remove('impactAssessments', current);
      const risks = await db.risks.where('workspaceId').equals(current.workspaceId).filter((r) => r.sourceImpact?.assessmentId === id).toArray();
      for (const r of risks) await t.unlink('risks', [r], 'sourceImpact', r.sourceImpact);
      await t.commit();
      return ok(null);
    }),
  );
}

export type RaiseCode = 'not-found' | 'already-linked' | 'frozen';

/**
 * Turns one impact into a risk in one action: the risk is pre-filled from the impact and points
 * back to it, and the impact points to the risk. Only a draft takes the link: an approved version
 * never changes, not even to record follow-up (its impacts keep their ids in the next version, so
 * the page raises from the draft's copy of the impact instead).
 */
export async function raiseRiskFromImpact(assessmentId: string, impactId: string): Promise<Result<Risk, RaiseCode>> {
  const db = database();
  const history = await historyWriter();
  return guardWrite(() =>
    db.transaction('rw', db.impactAssessments, db.risks, db.workspaces, db.history, async (): Promise<Result<Risk, RaiseCode>> => {
      const assessment = await db.impactAssessments.get(assessmentId);
      const impact = assessment?.impacts.find((i) => i.id === impactId);
      if (!assessment || !impact) return fail('not-found');
      if (assessment.state !== 'draft') return fail('frozen');
      if (impact.riskId && (await db.risks.get(impact.riskId))) return fail('already-linked');
      const refs = await riskRefs(assessment.workspaceId);
      const now = new Date().toISOString();
      const firstLine = impact.description.split('\n')[0]!.trim();
      const title = (firstLine || impact.affectedWho.trim() || impact.area).slice(0, 300);
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
      await history.created('risks', risk, 'create', now);
      const impacts = assessment.impacts.map((i) => (i.id === impactId ? { ...i, riskId: risk.id } : i));
      const linked = impactAssessmentSchema.parse({ ...assessment, impacts, updatedAt: now });
      await db.impactAssessments.put(linked);
      await history.updated('impactAssessments', assessment, linked, { coalesce: false, at: now });
      await db.workspaces.update(assessment.workspaceId, { updatedAt: now });
      return ok(risk);
    }),
  );
}
