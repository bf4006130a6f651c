import { blankOwnControl, ownControlSchema, type OwnControl, type OwnControlPatch } from '../domain/own-control-schema';
import { fail, ok, type Result } from '../domain/result';
import { database } from './database';
import { registerRepo } from './register-repo';

const repo = registerRepo<OwnControl, OwnControlPatch>('ownControls', ownControlSchema);

export const listOwnControls = repo.list;
export const getOwnControl = repo.get;
export const saveOwnControl = repo.update;

export async function createOwnControl(workspaceId: string, name: string): Promise<Result<OwnControl, 'name-required'>> {
  if (!name.trim()) return fail('name-required', 'name');
  return ok(await repo.create(workspaceId, (base) => blankOwnControl(base, name.trim())));
}

/** Removes the control and its place in every risk treatment plan, together. */
export async function deleteOwnControl(id: string): Promise<void> {
  const db = database();
  await db.transaction('rw', db.ownControls, db.risks, async () => {
    const control = await db.ownControls.get(id);
    if (!control) return;
    await db.risks
      .where('workspaceId')
      .equals(control.workspaceId)
      .filter((r) => r.ownControlIds.includes(id))
      .modify((r) => {
        r.ownControlIds = r.ownControlIds.filter((c) => c !== id);
      });
    await db.ownControls.delete(id);
  });
}
