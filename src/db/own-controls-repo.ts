import { blankOwnControl, type OwnControl, type OwnControlPatch } from '../domain/own-control-schema';
import { fail, ok, type Result } from '../domain/result';
import { registerRepo } from './register-repo';
import { write } from './write-path';

const repo = registerRepo<OwnControl, OwnControlPatch>('ownControls');

export const listOwnControls = repo.list;
export const getOwnControl = repo.get;
export const saveOwnControl = repo.update;

export async function createOwnControl(workspaceId: string, name: string): Promise<Result<OwnControl, 'name-required'>> {
  if (!name.trim()) return fail('name-required', 'name');
  return ok(await repo.create(workspaceId, (base) => blankOwnControl(base, name.trim())));
}

/** Moves the control to the trash and removes its place in every risk treatment plan, together. */
export async function deleteOwnControl(id: string): Promise<void> {
  // The trash loads with the first delete: the first screen reads these repositories, but never deletes.
  const { TrashBuilder, trashScope } = await import('./write-trash');
  await write(trashScope, async (w) => {
    const control = await w.db.ownControls.get(id);
    if (!control) return;
    const t = new TrashBuilder(w);
    t.remove('ownControls', control);
    const risks = await w.db.risks
      .where('workspaceId')
      .equals(control.workspaceId)
      .filter((r) => r.ownControlIds.includes(id))
      .toArray();
    await t.unlink('risks', risks, 'ownControlIds', id);
    await t.commit();
  });
}
