import { aiSystemSchema, blankAiSystem, type AiSystem, type AiSystemPatch } from '../domain/ai-system-schema';
import { fail, ok, type Result } from '../domain/result';
import { database } from './database';
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
 * Otherwise its links from risks go with it, in the same transaction.
 */
export async function deleteAiSystem(id: string): Promise<Result<null, 'has-impact-assessments'>> {
  const db = database();
  return db.transaction('rw', db.aiSystems, db.risks, db.impactAssessments, async () => {
    if ((await db.impactAssessments.where('aiSystemId').equals(id).count()) > 0) return fail('has-impact-assessments');
    const system = await db.aiSystems.get(id);
    if (!system) return ok(null);
    await db.risks
      .where('workspaceId')
      .equals(system.workspaceId)
      .filter((r) => r.aiSystemIds.includes(id))
      .modify((r) => {
        r.aiSystemIds = r.aiSystemIds.filter((s) => s !== id);
      });
    await db.aiSystems.delete(id);
    return ok(null);
  });
}
