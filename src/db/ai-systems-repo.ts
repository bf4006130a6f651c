import { blankAiSystem, type AiSystem, type AiSystemPatch } from '../domain/ai-system-schema';
import { fail, ok, type Result } from '../domain/result';
import { registerRepo } from './register-repo';
import { write } from './write-path';

const repo = registerRepo<AiSystem, AiSystemPatch>('aiSystems');

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
  // The trash loads with the first delete: the first screen reads these repositories, but never deletes.
  const { TrashBuilder, trashScope } = await import('./write-trash');
  return write(trashScope, async (w): Promise<Result<null, 'has-impact-assessments'>> => {
    if ((await w.db.impactAssessments.where('aiSystemId').equals(id).count()) > 0) return fail('has-impact-assessments');
    const system = await w.db.aiSystems.get(id);
    if (!system) return ok(null);
    const t = new TrashBuilder(w);
    t.remove('aiSystems', system);
    const risks = await w.db.risks
      .where('workspaceId')
      .equals(system.workspaceId)
      .filter((r) => r.aiSystemIds.includes(id))
      .toArray();
    await t.unlink('risks', risks, 'aiSystemIds', id);
    const records = await w.db.cycleRecords
      .where('workspaceId')
      .equals(system.workspaceId)
      .filter((r) => Array.isArray((r as { aiSystemIds?: unknown }).aiSystemIds) && (r as { aiSystemIds: string[] }).aiSystemIds.includes(id))
      .toArray();
    await t.unlink('cycleRecords', records, 'aiSystemIds', id);
    await t.commit();
    return ok(null);
  });
}
