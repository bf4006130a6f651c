import Dexie from 'dexie';
import { newId } from '../domain/ids';
import { fail, ok, type Result } from '../domain/result';
import { blankRisk, nextRiskRef, riskSchema, type Risk, type RiskPatch } from '../domain/risk-schema';
import { database } from './database';
import { guardWrite } from './errors';
import { registerRepo } from './register-repo';

// The ref is the risk's human id, chosen once by createRisk: never patched (it is unique per workspace).
const repo = registerRepo<Risk, RiskPatch>('risks', riskSchema, ['ref']);

export const listRisks = repo.list;
export const getRisk = repo.get;
export const saveRisk = repo.update;

/**
 * The refs in use in a workspace, read from the [workspaceId+ref] index alone (no record is
 * loaded: cheap with tens of thousands of risks). Call inside a transaction that covers risks.
 */
export async function riskRefs(workspaceId: string): Promise<string[]> {
  const keys = await database().risks.where('[workspaceId+ref]').between([workspaceId, Dexie.minKey], [workspaceId, Dexie.maxKey]).keys();
  return keys.map((k) => (Array.isArray(k) ? String(k[1]) : ''));
}

/** Creates a risk with the next free human id (R-001 …), chosen inside the write transaction. */
export async function createRisk(workspaceId: string, title: string, extra: RiskPatch = {}): Promise<Result<Risk, 'title-required'>> {
  if (!title.trim()) return fail('title-required', 'title');
  const db = database();
  const risk = await guardWrite(() =>
    db.transaction('rw', db.workspaces, db.risks, async () => {
      if (!(await db.workspaces.get(workspaceId))) throw new Error(`workspace ${workspaceId} not found`);
      const refs = await riskRefs(workspaceId);
      const now = new Date().toISOString();
      const record = riskSchema.parse({ ...blankRisk({ id: newId(), workspaceId, createdAt: now, updatedAt: now, ref: nextRiskRef(refs) }, title.trim()), ...extra });
      await db.risks.add(record);
      await db.workspaces.update(workspaceId, { updatedAt: now });
      return record;
    }),
  );
  return ok(risk);
}

/** Deletes a risk; draft impact assessments that raised it forget the link (approved ones stay frozen). */
export async function deleteRisk(id: string): Promise<void> {
  const db = database();
  await db.transaction('rw', db.risks, db.impactAssessments, async () => {
    const risk = await db.risks.get(id);
    if (!risk) return;
    await db.impactAssessments
      .where('workspaceId')
      .equals(risk.workspaceId)
      .filter((a) => a.state === 'draft' && a.impacts.some((i) => i.riskId === id))
      .modify((a) => {
        a.impacts = a.impacts.map((i) => (i.riskId === id ? { ...i, riskId: null } : i));
      });
    await db.risks.delete(id);
  });
}
