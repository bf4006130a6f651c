import { aiSystemSchema, blankAiSystem, type AiSystem, type AiSystemPatch } from '../domain/ai-system-schema';
import { fail, ok, type Result } from '../domain/result';
import { database } from './database';
import { guardWrite } from './errors';
import { registerRepo } from './register-repo';

const repo = registerRepo<AiSystem, AiSystemPatch>('aiSystems', aiSystemSchema);

export const listAiSystems = repo.list;
export const getAiSystem = repo.get;
export const saveAiSystem = repo.update;

export async function createAiSystem(workspaceId: string, name: string): Promise<Result<AiSystem, 'name-required'>> {
  if (!name.trim()) return fail('name-required', 'name');
  return ok(await repo.create(workspaceId, (base) => blankAiSystem(base, name.trim())));
}

/**
 * Impact assessments are documented information (A.5.3): a system that has them is not deleted.
 * Otherwise it goes to the trash, and its links from risks and from management-system records
 * (incidents, the scope) go with it, in the same transaction; restoring puts them back.
 */
export async function deleteAiSystem(id: string): Promise<Result<null, 'has-impact-assessments'>> {
  const db = database();
  // The trash loads with the first delete: the first screen reads these repositories, but never deletes.
  const { trashBuilder, trashScope } = await import('./trash-repo');
  const trash = await trashBuilder();
  return guardWrite(() =>
    db.transaction('rw', trashScope(db), async (): Promise<Result<null, 'has-impact-assessments'>> => {
      if ((await db.impactAssessments.where('aiSystemId').equals(id).count()) > 0) return fail('has-impact-assessments');
      const system = await db.aiSystems.get(id);
      if (!system) return ok(null);
      const t = trash(db);
      t.remove('aiSystems', system);
      const risks = await db.risks.where('workspaceId').equals(system.workspaceId).filter((r) => r.aiSystemIds.includes(id)).toArray();
      await t.unlink('risks', risks, 'aiSystemIds', id);
      const records = await db.cycleRecords
        .where('workspaceId')
        .equals(system.workspaceId)
        .filter((r) => Array.isArray((r as { aiSystemIds?: unknown }).aiSystemIds) && (r as { aiSystemIds: string[] }).aiSystemIds.includes(id))
        .toArray();
      await t.unlink('cycleRecords', records, 'aiSystemIds', id);
      await t.commit();
      return ok(null);
    }),
  );
}
