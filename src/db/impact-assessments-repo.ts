import { newId } from '../domain/ids';
import {
  blankImpactAssessment,
  signOffFields,
  type CopiedScopeKey,
  type ImpactAssessment,
  type ImpactAssessmentPatch,
} from '../domain/impact-assessment-schema';
import { approvalProblems, scopeFromSystem, type ApprovalCode } from '../domain/impact-assessment-rules';
import { fail, failAll, ok, type Result } from '../domain/result';
import { blankRisk, nextRiskRef, type Risk } from '../domain/risk-schema';
import { riskRefs } from './risks-repo';
import { registerRepo } from './register-repo';
import { tryWrite, write } from './write-path';

const repo = registerRepo<ImpactAssessment, ImpactAssessmentPatch>('impactAssessments');

export const listImpactAssessments = repo.list;
export const getImpactAssessment = repo.get;

export type AssessmentCode = 'frozen' | 'draft-exists' | ApprovalCode | 'not-found';
type Refusal = { ok: false; code: AssessmentCode; field?: string };

const newestOf = (list: readonly ImpactAssessment[]) =>
  list.reduce<ImpactAssessment | undefined>((a, b) => (!a || b.createdAt > a.createdAt ? b : a), undefined);

/**
 * "Start an assessment" of an AI system. A system without one gets version 1 of a new series, a
 * draft whose scope is copied from the system's record and marked for review. A system that has
 * one gets it back instead (its draft, else its newest version): changes go into a new version of
 * it, never into a second, parallel series. One transaction, so two tabs starting at once make one series.
 */
export async function startImpactAssessment(workspaceId: string, aiSystemId: string): Promise<{ assessment: ImpactAssessment; started: boolean }> {
  return write(
    (db) => [db.aiSystems, db.impactAssessments],
    async (w) => {
      const system = await w.db.aiSystems.get(aiSystemId);
      if (system?.workspaceId !== workspaceId) throw new Error(`AI system ${aiSystemId} not found`);
      const existing = await w.db.impactAssessments.where('aiSystemId').equals(aiSystemId).toArray();
      const open = existing.find((a) => a.state === 'draft') ?? newestOf(existing);
      if (open) return { assessment: open, started: false };
      const blank = blankImpactAssessment({ id: newId(), workspaceId, aiSystemId, createdAt: w.now, updatedAt: w.now });
      return { assessment: await w.create('impactAssessments', { ...blank, ...scopeFromSystem(system) }), started: true };
    },
  );
}

/**
 * The one way a version changes: only drafts do; an approved version is frozen documented
 * information (A.5.3). The check and the write share one transaction, so a write racing an
 * approval cannot land on the approved version.
 */
async function writeDraft(
  id: string,
  change: (current: ImpactAssessment) => ImpactAssessment | Refusal,
  coalesce = true,
): Promise<Result<ImpactAssessment, AssessmentCode>> {
  return tryWrite<Result<ImpactAssessment, AssessmentCode>, AssessmentCode>(() =>
    write(
      (db) => [db.impactAssessments],
      async (w): Promise<Result<ImpactAssessment, AssessmentCode>> => {
        const current = await w.db.impactAssessments.get(id);
        if (!current) return fail('not-found');
        // A frozen version is refused by the write path before any change is worked out.
        w.writable('impactAssessments', current);
        const changed = change(current);
        if ('ok' in changed) return changed;
        return ok(await w.update('impactAssessments', current, changed, { coalesce }));
      },
    ),
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
  return write(
    (db) => [db.impactAssessments],
    async (w): Promise<Result<ImpactAssessment, AssessmentCode>> => {
      const source = await w.db.impactAssessments.get(id);
      if (!source) return fail('not-found');
      const series = await w.db.impactAssessments.where('seriesId').equals(source.seriesId).toArray();
      if (series.some((a) => a.state === 'draft')) return fail('draft-exists');
      const latest = series.reduce((a, b) => (b.version > a.version ? b : a));
      const draft = { ...latest, id: newId(), version: latest.version + 1, state: 'draft' as const, createdAt: w.now, updatedAt: w.now, ...clearedSignOff };
      return ok(await w.create('impactAssessments', draft));
    },
  );
}

/** Moves a draft to the trash; risks raised from it forget their source, so no link points at nothing (restore puts it back). */
export async function deleteDraftAssessment(id: string): Promise<Result<null, AssessmentCode>> {
  // The trash loads with the first delete: the first screen reads these repositories, but never deletes.
  const { TrashBuilder, trashScope } = await import('./write-trash');
  return tryWrite<Result<null, AssessmentCode>, AssessmentCode>(() =>
    write(trashScope, async (w): Promise<Result<null, AssessmentCode>> => {
      const current = await w.db.impactAssessments.get(id);
      if (!current) return fail('not-found');
      w.writable('impactAssessments', current);
      const t = new TrashBuilder(w);
      t.remove('impactAssessments', current);
      const risks = await w.db.risks
        .where('workspaceId')
        .equals(current.workspaceId)
        .filter((r) => r.sourceImpact?.assessmentId === id)
        .toArray();
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
  return tryWrite<Result<Risk, RaiseCode>, RaiseCode>(() =>
    write(
      (db) => [db.impactAssessments, db.risks],
      async (w): Promise<Result<Risk, RaiseCode>> => {
        const assessment = await w.db.impactAssessments.get(assessmentId);
        const impact = assessment?.impacts.find((i) => i.id === impactId);
        if (!assessment || !impact) return fail('not-found');
        w.writable('impactAssessments', assessment);
        if (impact.riskId && (await w.db.risks.get(impact.riskId))) return fail('already-linked');
        const refs = await riskRefs(assessment.workspaceId);
        const firstLine = impact.description.split('\n')[0]!.trim();
        const title = (firstLine || impact.affectedWho.trim() || impact.area).slice(0, 300);
        const risk = await w.create('risks', {
          ...blankRisk({ id: newId(), workspaceId: assessment.workspaceId, createdAt: w.now, updatedAt: w.now, ref: nextRiskRef(refs) }, title),
          description: impact.description,
          aiSystemIds: [assessment.aiSystemId],
          consequenceIndividuals: impact.affected === 'society' ? '' : impact.description,
          consequenceSociety: impact.affected === 'society' ? impact.description : '',
          treatmentPlan: impact.plannedMitigations,
          sourceImpact: { assessmentId, impactId },
        });
        const impacts = assessment.impacts.map((i) => (i.id === impactId ? { ...i, riskId: risk.id } : i));
        await w.update('impactAssessments', assessment, { impacts }, { coalesce: false });
        return ok(risk);
      },
    ),
  );
}
