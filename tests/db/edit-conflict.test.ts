import { beforeEach, describe, expect, it } from 'vitest';
import { saveAssessment } from '../../src/db/assessments-repo';
import { createCycleRecord, getCycleRecord, saveCycleRecord } from '../../src/db/cycle-repo';
import { EditConflictError } from '../../src/db/errors';
import { createRisk, getRisk, saveRisk } from '../../src/db/risks-repo';
import { createWorkspace } from '../../src/db/workspaces-repo';
import type { Workspace } from '../../src/domain/workspace-schema';
import { freshDatabase } from '../support/db';

let ws: Workspace;
beforeEach(async () => {
  await freshDatabase();
  const r = await createWorkspace('Two tabs', '1.0.0');
  if (!r.ok) throw new Error(r.code);
  ws = r.value;
});

describe('a save that says where its edit started', () => {
  it('is refused, with nothing written, when another tab changed the field meanwhile (registers)', async () => {
    const r = await createRisk(ws.id, 'Drift');
    if (!r.ok) throw new Error(r.code);
    await saveRisk(r.value.id, { owner: 'Bob' }); // the other tab
    const err = await saveRisk(r.value.id, { owner: 'Alice' }, { owner: '' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EditConflictError);
    expect(err).toMatchObject({ recordId: r.value.id, label: 'R-001 Drift', conflicts: [{ field: 'owner', mine: 'Alice', theirs: 'Bob' }] });
    expect((await getRisk(r.value.id))!.owner).toBe('Bob');
    // Where the edit really started from the stored value, it goes through.
    await saveRisk(r.value.id, { owner: 'Alice' }, { owner: 'Bob' });
    expect((await getRisk(r.value.id))!.owner).toBe('Alice');
  });

  it('guards management-system records and walkthrough answers the same way', async () => {
    const c = await createCycleRecord(ws.id, 'issue', 'New rules');
    if (!c.ok) throw new Error(c.code);
    await saveCycleRecord(c.value.id, { description: 'theirs' });
    await expect(saveCycleRecord(c.value.id, { description: 'mine' }, { description: '' })).rejects.toBeInstanceOf(EditConflictError);
    expect((await getCycleRecord(c.value.id)) as unknown as { description: string }).toMatchObject({ description: 'theirs' });

    await saveAssessment(ws.id, '4.1', { notes: 'theirs' });
    await expect(saveAssessment(ws.id, '4.1', { notes: 'mine' }, { notes: '' })).rejects.toBeInstanceOf(EditConflictError);
    // The first edit of an item has nothing stored yet: blank is what it started from.
    await expect(saveAssessment(ws.id, '4.2', { notes: 'first' }, { notes: '' })).resolves.toMatchObject({ notes: 'first' });
  });
});
