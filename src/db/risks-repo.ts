import Dexie from 'dexie';
import { newId } from '../domain/ids';
import { fail, ok, type Result } from '../domain/result';
import { blankRisk, nextRiskRef, type Risk, type RiskPatch } from '../domain/risk-schema';
import { database } from './database';
import { registerRepo } from './register-repo';
import { write } from './write-path';

// The ref is the risk's human id, chosen once by createRisk: never patched (it is unique per workspace).
const repo = registerRepo<Risk, RiskPatch>('risks');

export const listRisks = repo.list;
/** The risks without a copy from the live-query cache, for a page that is their only reader (register-repo.ts). */
export const listRisksAlone = repo.listAlone;
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
  const risk = await write(
    (db) => [db.risks],
    async (w) =>
      w.create('risks', {
        ...blankRisk({ id: newId(), workspaceId, createdAt: w.now, updatedAt: w.now, ref: nextRiskRef(await riskRefs(workspaceId)) }, title.trim()),
        ...extra,
      }),
  );
  return ok(risk);
}

/**
 * Moves a risk to the trash; draft impact assessments that raised it forget the link (approved
 * ones stay frozen). Restoring the risk puts the links back.
 */
export async function deleteRisk(id: string): Promise<void> {
  // The trash loads with the first delete: the first screen reads these repositories, but never deletes.
  const { TrashBuilder, trashScope } = await import('./write-trash');
  await write(trashScope, async (w) => {
    const risk = await w.db.risks.get(id);
    if (!risk) return;
    const t = new TrashBuilder(w);
    t.remove('risks', risk);
    const drafts = await w.db.impactAssessments
      .where('workspaceId')
      .equals(risk.workspaceId)
      .filter((a) => !w.rules.isFrozen('impactAssessments', a) && a.impacts.some((i) => i.riskId === id))
      .toArray();
    await t.unlinkWithin('impactAssessments', drafts, 'impacts', 'riskId', id);
    await t.commit();
  });
}
