import { describe, expect, it } from 'vitest';
import { readWorkspaceRecordsDirect } from '../../src/db/dashboard-read-direct';
import { seedWorkspace } from '../support/bundles';
import { freshDatabase } from '../support/db';

/** The dashboard worker reads the workspace's records with IndexedDB itself: the rows Dexie reads, of that workspace only. */
const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id).sort();

describe('readWorkspaceRecordsDirect', () => {
  it('reads every table the dashboard counts, for one workspace only', async () => {
    const db = await freshDatabase();
    const { ws } = await seedWorkspace(db, 5, { aiSystems: 3, risks: 9, ownControls: 2, impactAssessments: 1 });
    await seedWorkspace(db, 6, { aiSystems: 1, risks: 2, ownControls: 1, impactAssessments: 1 });
    const got = await readWorkspaceRecordsDirect(db.name, ws.id);
    expect(ids(got.risks)).toEqual(ids(await db.risks.where('workspaceId').equals(ws.id).toArray()));
    expect(ids(got.aiSystems)).toEqual(ids(await db.aiSystems.where('workspaceId').equals(ws.id).toArray()));
    expect(ids(got.ownControls)).toEqual(ids(await db.ownControls.where('workspaceId').equals(ws.id).toArray()));
    expect(ids(got.impactAssessments)).toEqual(ids(await db.impactAssessments.where('workspaceId').equals(ws.id).toArray()));
    expect(ids(got.assessments)).toEqual(ids(await db.assessments.where('workspaceId').equals(ws.id).toArray()));
    expect(ids(got.evidence)).toEqual(ids(await db.evidence.where('workspaceId').equals(ws.id).toArray()));
    expect(ids(got.cycle)).toEqual(ids(await db.cycleRecords.where('workspaceId').equals(ws.id).toArray()));
    expect(got.risks).toHaveLength(9);
    expect(got.cycle.length).toBeGreaterThan(0);
  });

  it('refuses a database that does not exist', async () => {
    await expect(readWorkspaceRecordsDirect(`missing-${crypto.randomUUID()}`, 'x')).rejects.toThrow('does not exist');
  });
});
