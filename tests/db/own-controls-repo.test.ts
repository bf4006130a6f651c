import { beforeEach, describe, expect, it } from 'vitest';
import type { AimsDatabase } from '../../src/db/database';
import { createOwnControl, deleteOwnControl, getOwnControl, listOwnControls, saveOwnControl } from '../../src/db/own-controls-repo';
import { createRisk, getRisk } from '../../src/db/risks-repo';
import { createWorkspace } from '../../src/db/workspaces-repo';
import type { OwnControl } from '../../src/domain/own-control-schema';
import type { Workspace } from '../../src/domain/workspace-schema';
import { freshDatabase } from '../support/db';

let db: AimsDatabase;
let ws: Workspace;

beforeEach(async () => {
  db = await freshDatabase();
  const r = await createWorkspace('Acme', '1.0.0', new Date('2020-01-01T00:00:00.000Z'));
  if (!r.ok) throw new Error(r.code);
  ws = r.value;
});

async function control(name: string): Promise<OwnControl> {
  const r = await createOwnControl(ws.id, name);
  if (!r.ok) throw new Error(r.code);
  return r.value;
}

async function riskTreatedBy(title: string, ownControlIds: string[]) {
  const r = await createRisk(ws.id, title, { treatment: 'modify', ownControlIds, annexAControls: ['A.6.2.4'] });
  if (!r.ok) throw new Error(r.code);
  return r.value;
}

describe('createOwnControl and saveOwnControl', () => {
  it('creates a planned control with a trimmed name and no mapped Annex A controls', async () => {
    const c = await control('  Bias testing  ');
    expect(c).toMatchObject({ workspaceId: ws.id, name: 'Bias testing', status: 'planned', annexAControls: [] });
    expect(await listOwnControls(ws.id)).toEqual([c]);
  });

  it('refuses a blank name with name-required', async () => {
    expect(await createOwnControl(ws.id, ' ')).toEqual({ ok: false, code: 'name-required', field: 'name' });
    expect(await db.ownControls.count()).toBe(0);
  });

  it('maps Annex A controls and refuses ids that are not Annex A controls', async () => {
    const c = await control('Bias testing');
    const saved = await saveOwnControl(c.id, { annexAControls: ['A.6.2.4', 'A.7.4'], status: 'implemented' });
    expect(saved).toMatchObject({ annexAControls: ['A.6.2.4', 'A.7.4'], status: 'implemented' });
    await expect(saveOwnControl(c.id, { annexAControls: ['6.1.2'] })).rejects.toThrow();
    expect(await getOwnControl(c.id)).toEqual(saved);
  });
});

describe('deleteOwnControl', () => {
  it('removes the control and its id from every risk treatment, keeping the rest of the plan', async () => {
    const gone = await control('Gone');
    const kept = await control('Kept');
    const both = await riskTreatedBy('Both', [gone.id, kept.id]);
    const onlyGone = await riskTreatedBy('Only gone', [gone.id]);
    const unrelated = await riskTreatedBy('Unrelated', [kept.id]);

    await deleteOwnControl(gone.id);

    expect(await getOwnControl(gone.id)).toBeUndefined();
    expect(await getOwnControl(kept.id)).toEqual(kept);
    expect(await getRisk(both.id)).toEqual({ ...both, ownControlIds: [kept.id] });
    expect(await getRisk(onlyGone.id)).toEqual({ ...onlyGone, ownControlIds: [] });
    expect(await getRisk(unrelated.id)).toEqual(unrelated);
  });

  it('is one transaction: if a risk cannot be updated, the control stays', async () => {
    const c = await control('Kept');
    const r = await riskTreatedBy('Linked', [c.id]);
    db.risks.hook('updating', () => {
      throw new Error('disk trouble');
    });
    await expect(deleteOwnControl(c.id)).rejects.toThrow();
    expect(await getOwnControl(c.id)).toEqual(c);
    expect((await getRisk(r.id))?.ownControlIds).toEqual([c.id]);
  });

  it('is a no-op for an id that does not exist', async () => {
    const c = await control('Kept');
    await deleteOwnControl('missing');
    expect(await listOwnControls(ws.id)).toEqual([c]);
  });
});
