import { blankOwnControl, ownControlSchema, type OwnControl, type OwnControlPatch } from '../domain/own-control-schema';
import { fail, ok, type Result } from '../domain/result';
import { database } from './database';
import { guardWrite } from './errors';
import { registerRepo } from './register-repo';

const repo = registerRepo<OwnControl, OwnControlPatch>('ownControls', ownControlSchema);

export const listOwnControls = repo.list;
export const getOwnControl = repo.get;
export const saveOwnControl = repo.update;

export async function createOwnControl(workspaceId: string, name: string): Promise<Result<OwnControl, 'name-required'>> {
  if (!name.trim()) return fail('name-required', 'name');
  return ok(await repo.create(workspaceId, (base) => blankOwnControl(base, name.trim())));
}

/** Moves the control to the trash and removes its place in every risk treatment plan, together. */
export async function deleteOwnControl(id: string): Promise<void> {
  const db = database();
  // The trash loads with the first delete: the first screen reads these repositories, but never deletes.
  const { trashBuilder, trashScope } = await import('./trash-repo');
  const trash = await trashBuilder();
  await guardWrite(() =>
    db.transaction('rw', trashScope(db), async () => {
      const control = await db.ownControls.get(id);
      if (!control) return;
      const t = trash(db);
      t.remove('ownControls', control);
      const risks = await db.risks.where('workspaceId').equals(control.workspaceId).filter((r) => r.ownControlIds.includes(id)).toArray();
      await t.unlink('risks', risks, 'ownControlIds', id);
      await t.commit();
    }),
  );
}
