import { describe, expect, it } from 'vitest';
import { keepDashboardDirect, readDashboardDirect, readWorkspaceRecordsDirect } from '../../src/db/dashboard-read-direct';
import { RISK_LOG_LIMIT } from '../../src/db/change-stamp';
import { AimsDatabase } from '../../src/db/database';
import { declaredVersion } from '../../src/db/read-only';
import { deleteRisk, saveRisk } from '../../src/db/risks-repo';
import { deleteWorkspace } from '../../src/db/workspaces-repo';
import { listTrash, restoreFromTrash } from '../../src/db/trash-repo';
import { dashboardView } from '../../src/domain/dashboard-view';
import { DEFAULT_PRESET, presetMatrix } from '../../src/domain/risk-matrix-presets';
import { dashboardFigures, dashboardInputs, type DashboardQuestion } from '../../src/state/dashboard-figures';
import { seedWorkspace } from '../support/bundles';
import { shippedCatalog } from '../support/catalog';
import { workspaceRecordsOf } from '../support/dashboard';
import { freshDatabase } from '../support/db';

/*
 * The dashboard's figures kept between visits (change-stamp.ts, dashboard-read-direct.ts): the
 * figures the worker hands the page, kept or not, are always those worked out from the workspace's
 * records as Dexie reads them now.
 */

const catalog = shippedCatalog();
const matrix = presetMatrix(DEFAULT_PRESET);
/** The generated workspaces' "now" (generate-workspace.ts): some tasks overdue, some due soon. */
const TODAY = '2025-06-30';
const CODE = 'dashboard.worker-test.js';
const KEYS = { inputs: 'inputs', digestInputs: 'digest inputs' };
let loads = 0;
/** The domain module, loaded as the worker loads it (only when the records are read); `loads` counts the times it was asked for. */
const load = () => {
  loads += 1;
  return import('../../src/domain/dashboard-view');
};

/** The figures as before the cache: every record read through Dexie, worked out on the spot. */
async function expectedView(db: AimsDatabase, workspaceId: string, q: Partial<DashboardQuestion> = {}) {
  const records = await workspaceRecordsOf(db, workspaceId);
  return dashboardView({ ...records, catalog: q.catalog ?? catalog, matrix: q.matrix ?? matrix, today: q.today ?? TODAY });
}

/** Seed 42 in one workspace, another workspace beside it, and three of the first one's risks in the trash. */
async function setUp() {
  const db = await freshDatabase();
  const { ws } = await seedWorkspace(db, 42, { aiSystems: 12, risks: 150, ownControls: 8, impactAssessments: 4 });
  await seedWorkspace(db, 43, { aiSystems: 5, risks: 40, ownControls: 3, impactAssessments: 2 });
  const risks = await db.risks.where('workspaceId').equals(ws.id).limit(3).toArray();
  for (const r of risks) await deleteRisk(r.id);
  const question: DashboardQuestion = { dbName: db.name, workspaceId: ws.id, catalog, matrix, today: TODAY };
  /** Asks, and keeps, as the worker does. */
  const ask = async (q: Partial<DashboardQuestion> = {}) => {
    const answer = await dashboardFigures({ ...question, ...q }, CODE, load);
    if (answer.keep) await keepDashboardDirect(db.name, ws.id, answer.keep());
    return answer;
  };
  return { db, ws, ask };
}

describe('the dashboard figures kept between visits', () => {
  it('are the figures worked out from the records, then handed back as they were without reading a record', async () => {
    const { db, ws, ask } = await setUp();
    const expected = await expectedView(db, ws.id);
    expect(expected.risks.open).toBeGreaterThan(50);
    expect(expected.overdue.count).toBeGreaterThan(0);
    const first = await ask();
    expect(first.keep).toBeDefined();
    expect(first.view).toEqual(expected);
    const loaded = loads;
    const again = await ask();
    expect(again.keep).toBeUndefined();
    // Kept figures need no module that works them out.
    expect(loads).toBe(loaded);
    expect(again.view).toEqual(expected);
    // The full read is the same rows as Dexie's, of this workspace only (the other one's and the trashed risks left out).
    expect((await readWorkspaceRecordsDirect(db.name, ws.id)).risks).toHaveLength(147);
  });

  const writes: [string, (db: AimsDatabase, wsId: string) => Promise<unknown>][] = [
    [
      'a risk saved through the write path',
      async (db, wsId) => {
        const r = (await db.risks.where('workspaceId').equals(wsId).first())!;
        await saveRisk(r.id, { status: r.status === 'closed' ? 'treating' : 'closed' });
      },
    ],
    ['a risk moved to the trash', async (db, wsId) => deleteRisk((await db.risks.where('workspaceId').equals(wsId).first())!.id)],
    ['a risk restored from the trash', async (_db, wsId) => restoreFromTrash((await listTrash(wsId))[0]!.id)],
    [
      'rows written with Dexie outside the write path (an import, a seed script)',
      async (db, wsId) => {
        const rows = await db.risks.where('workspaceId').equals(wsId).limit(5).toArray();
        await db.risks.bulkPut(rows.map((r) => ({ ...r, inherentLikelihood: null })));
      },
    ],
    ['rows changed in place (an upgrade-style modify)', async (db, wsId) => db.aiSystems.where('workspaceId').equals(wsId).modify({ inScope: 'no' })],
    ['a table emptied', async (db) => db.impactAssessments.clear()],
    [
      'a change in another workspace',
      async (db, wsId) => {
        const other = (await db.risks.filter((r) => r.workspaceId !== wsId).first())!;
        await db.risks.put({ ...other, title: `${other.title}.` });
      },
    ],
  ];

  it.each(writes)('are worked out again after %s', async (_name, change) => {
    const { db, ws, ask } = await setUp();
    await ask();
    expect((await ask()).keep).toBeUndefined();
    await change(db, ws.id);
    const after = await ask();
    expect(after.keep).toBeDefined();
    expect(after.view).toEqual(await expectedView(db, ws.id));
  });

  it('are not used for another day, matrix or catalog', async () => {
    const { db, ws, ask } = await setUp();
    await ask();
    const tomorrow = { today: '2025-09-01' };
    const other = { matrix: { ...matrix, acceptanceThreshold: matrix.acceptanceThreshold === 0 ? 1 : 0 } };
    const fewer = { catalog: { ...catalog, items: catalog.items.slice(1) } };
    for (const q of [tomorrow, other, fewer]) {
      const answer = await ask(q);
      expect(answer.keep).toBeDefined();
      expect(answer.view).toEqual(await expectedView(db, ws.id, q));
    }
  });

  it('are left alone by a write that fails: its stamp goes with it', async () => {
    const { db, ws, ask } = await setUp();
    await ask();
    const stamp = await db.cache.get('stamp');
    const r = (await db.risks.where('workspaceId').equals(ws.id).first())!;
    await expect(
      db.transaction('rw', db.risks, async () => {
        await db.risks.put({ ...r, title: 'never saved' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.cache.get('stamp')).toEqual(stamp);
    expect((await ask()).keep).toBeUndefined();
  });

  it('are not kept when a write commits while the records are read: they may not describe the records as they are after it', async () => {
    const { db, ws } = await setUp();
    const r = (await db.risks.where('workspaceId').equals(ws.id).first())!;
    let write: Promise<unknown> | undefined;
    const read = await readDashboardDirect(db.name, ws.id, KEYS, () => {
      write = db.risks.put({ ...r, status: 'closed' });
    });
    await write;
    expect(read).toMatchObject({ keep: false });
    const quiet = await readDashboardDirect(db.name, ws.id, KEYS);
    expect(quiet).toMatchObject({ keep: true, stamp: (await db.cache.get('stamp'))!.value });
  });

  it('are read without holding up writes to tables the dashboard does not read (the profile)', async () => {
    const { db, ws } = await setUp();
    const order: string[] = [];
    let write: Promise<unknown> | undefined;
    const read = readDashboardDirect(db.name, ws.id, KEYS, () => {
      write = db.workspaces.update(ws.id, { name: 'Renamed' }).then(() => order.push('profile saved'));
    }).then(() => order.push('records read'));
    await Promise.all([read, write]);
    expect(order).toEqual(['profile saved', 'records read']);
  });

  it('are deleted with their workspace', async () => {
    const { db, ws, ask } = await setUp();
    await ask();
    expect(await db.cache.get(`dashboard:${ws.id}`)).toBeDefined();
    await deleteWorkspace(ws.id);
    expect(await db.cache.get(`dashboard:${ws.id}`)).toBeUndefined();
  });

  it('are kept on a new connection when another tab upgraded the database meanwhile (the old one closed itself)', async () => {
    const { db, ws } = await setUp();
    const answer = await dashboardFigures({ dbName: db.name, workspaceId: ws.id, catalog, matrix, today: TODAY }, CODE, load);
    // Dexie patches its own schema in place with one added to IndexedDB's number: not a newer app.
    db.close();
    await bumpVersion(db.name, db.verno * 10 + 1);
    expect(await keepDashboardDirect(db.name, ws.id, answer.keep!())).toBe(true);
  });

  it('are not kept in a database a newer app changed (this app only reads it), and the figures are still right', async () => {
    const { db, ws } = await setUp();
    const answer = await dashboardFigures({ dbName: db.name, workspaceId: ws.id, catalog, matrix, today: TODAY }, CODE, load);
    db.close();
    await bumpVersion(db.name, (declaredVersion + 1) * 10);
    expect(await keepDashboardDirect(db.name, ws.id, answer.keep!())).toBe(false);
    const read = await readDashboardDirect(db.name, ws.id, await dashboardInputs({ catalog, matrix, today: TODAY }, CODE));
    expect('records' in read && !('digests' in read)).toBe(true);
    expect((await dashboardFigures({ dbName: db.name, workspaceId: ws.id, catalog, matrix, today: TODAY }, CODE, load)).view).toEqual(answer.view);
  });
});

/** Opens `name` at IndexedDB version `version` (as another tab's app would), changing nothing, and closes it. */
function bumpVersion(name: string, version: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, version);
    open.onsuccess = () => (open.result.close(), resolve());
    open.onerror = () => reject(open.error);
  });
}

describe("the risks' digests kept beside the figures", () => {
  /** The read the worker makes next with the keys a question of `q` has. */
  async function nextRead(dbName: string, wsId: string, q: Partial<DashboardQuestion> = {}) {
    const keys = await dashboardInputs({ dbName, workspaceId: wsId, catalog, matrix, today: TODAY, ...q }, CODE);
    return readDashboardDirect(dbName, wsId, keys);
  }

  it('are brought up to date with the risks written since, read one by one, and give the figures of every record', async () => {
    const { db, ws, ask } = await setUp();
    await ask();
    const [a, b] = await db.risks.where('workspaceId').equals(ws.id).limit(2).toArray();
    await saveRisk(a!.id, { status: a!.status === 'closed' ? 'treating' : 'closed', treatmentDue: '2025-06-01' });
    await deleteRisk(b!.id);
    const read = await nextRead(db.name, ws.id);
    expect('digests' in read && [...read.changed.keys()].sort()).toEqual([a!.id, b!.id].sort());
    const answer = await ask();
    expect(answer.view).toEqual(await expectedView(db, ws.id));
    // Kept again at the new position: nothing written since, nothing to read.
    const quiet = await nextRead(db.name, ws.id, { catalog: { ...catalog, items: catalog.items.slice(1) } });
    expect('digests' in quiet && quiet.changed.size).toBe(0);
  });

  const fullReads: [string, (db: AimsDatabase, wsId: string) => Promise<unknown>, Partial<DashboardQuestion>?][] = [
    [
      'more risks written than the log lists (an import)',
      async (db, wsId) => {
        const rows = await db.risks.where('workspaceId').equals(wsId).toArray();
        const many = Array.from({ length: RISK_LOG_LIMIT + 1 }, (_, i) => ({ ...rows[0]!, id: `extra-${i}`, ref: `R-${90000 + i}` }));
        await db.risks.bulkPut(many);
      },
    ],
    ['a range of risks deleted', async (db) => db.risks.where('id').startsWith('0').delete()],
    [
      'an own control implementing other Annex A controls',
      async (db, wsId) => {
        const c = (await db.ownControls.where('workspaceId').equals(wsId).first())!;
        await db.ownControls.put({ ...c, annexAControls: ['A.10.4'] });
      },
    ],
  ];

  it('do on another day: kept yesterday, no risk is read again, and the figures are those of every record today', async () => {
    const { db, ws, ask } = await setUp();
    await ask();
    for (const today of ['2025-07-01', '2026-01-15']) {
      const read = await nextRead(db.name, ws.id, { today });
      expect('digests' in read && read.changed.size).toBe(0);
      expect((await ask({ today })).view).toEqual(await expectedView(db, ws.id, { today }));
    }
    // The review dates passed between the two days change what 8.2 says: the figures follow the day asked.
    expect((await ask({ today: '2026-01-15' })).view).not.toEqual((await ask({ today: '2025-07-01' })).view);
  });

  it.each(fullReads)('will not do after %s: every risk is read again', async (_name, change, q = {}) => {
    const { db, ws, ask } = await setUp();
    await ask();
    await change(db, ws.id);
    const read = await nextRead(db.name, ws.id, q);
    expect('digests' in read).toBe(false);
    expect('records' in read && !('digests' in read) && read.records.risks.length).toBe(await db.risks.where('workspaceId').equals(ws.id).count());
    expect((await ask(q)).view).toEqual(await expectedView(db, ws.id, q));
  });

  it('are brought up to date after a transaction that wrote risks in several parts: every part is listed', async () => {
    const { db, ws, ask } = await setUp();
    await ask();
    const rows = await db.risks.where('workspaceId').equals(ws.id).limit(6).toArray();
    await db.transaction('rw', db.risks, async () => {
      await db.risks.bulkPut(rows.slice(0, 3).map((r) => ({ ...r, status: 'closed' as const })));
      await db.risks.bulkPut(rows.slice(3).map((r) => ({ ...r, inherentLikelihood: null })));
    });
    const read = await nextRead(db.name, ws.id);
    expect('digests' in read && [...read.changed.keys()].sort()).toEqual(rows.map((r) => r.id).sort());
    expect((await ask()).view).toEqual(await expectedView(db, ws.id));
  });

  it('are not written again when no risk was written since: the figures alone are kept', async () => {
    const { db, ws, ask } = await setUp();
    await ask();
    const before = await db.cache.get(`digests:${ws.id}`);
    const system = (await db.aiSystems.where('workspaceId').equals(ws.id).first())!;
    await db.aiSystems.put({ ...system, inScope: system.inScope === 'yes' ? 'no' : 'yes' });
    const answer = await dashboardFigures({ dbName: db.name, workspaceId: ws.id, catalog, matrix, today: TODAY }, CODE, load);
    expect(answer.view).toEqual(await expectedView(db, ws.id));
    expect(answer.keep!().digests).toBeNull();
    await keepDashboardDirect(db.name, ws.id, answer.keep!());
    expect(await db.cache.get(`digests:${ws.id}`)).toEqual(before);
    expect((await ask()).keep).toBeUndefined();
  });

  it('are deleted with their workspace', async () => {
    const { db, ws, ask } = await setUp();
    await ask();
    expect(await db.cache.get(`digests:${ws.id}`)).toBeDefined();
    await deleteWorkspace(ws.id);
    expect(await db.cache.get(`digests:${ws.id}`)).toBeUndefined();
  });
});
