import Dexie from 'dexie';
import { newId } from '../domain/ids';
import { fail, ok, type Result } from '../domain/result';
import { blankRisk, nextRiskRef, riskSchema, type Risk, type RiskPatch } from '../domain/risk-schema';
import { database } from './database';
import { guardWrite } from './errors';
import { historyWriter } from './history-repo';
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
  const history = await historyWriter();
  const risk = await guardWrite(() =>
    db.transaction('rw', db.workspaces, db.risks, db.history, async () => {
      if (!(await db.workspaces.get(workspaceId))) throw new Error(`workspace ${workspaceId} not found`);
      const refs = await riskRefs(workspaceId);
      const now = new Date().toISOString();
      const record = riskSchema.parse({ ...blankRisk({ id: newId(), workspaceId, createdAt: now, updatedAt: now, ref: nextRiskRef(refs) }, title.trim()), ...extra });
      await db.risks.add(record);
      await history.created('risks', record, 'create', now);
      await db.workspaces.update(workspaceId, { updatedAt: now });
      return record;
    }),
  );
  return ok(risk);
}

/**
 * Moves a risk to the trash; draft impact assessments that raised it forget the link (approved
 * ones stay frozen). Restoring the risk puts the links back.
 */
export async function deleteRisk(id: string): Promise<void> {
  const db = database();
  // The trash loads with the first delete: the first screen reads these repositories, but never deletes.
  const { trashBuilder, trashScope } = await import('./trash-repo');
  const trash = await trashBuilder();
  await guardWrite(() =>
    db.transaction('rw', trashScope(db), async () => {
      const risk = await db.risks.get(id);
      if (!risk) return;
      const t = trash(db);
      t.remove('risks', risk);
      const drafts = await db.impactAssessments
        .where('workspaceId')
        .equals(risk.workspaceId)
        .filter((a) => a.state === 'draft' && a.impacts.some((i) => i.riskId === id))
        .toArray();
      await t.unlinkWithin('impactAssessments', drafts, 'impacts', 'riskId', id);
      await t.commit();
    }),
  );
}
