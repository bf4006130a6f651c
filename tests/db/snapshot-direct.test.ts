import { beforeEach, describe, expect, it } from 'vitest';
import type { AimsDatabase } from '../../src/db/database';
import { exchangeKey, readWorkspaceSnapshot } from '../../src/db/snapshot';
import { readWorkspaceSnapshotDirect } from '../../src/db/snapshot-direct';
import type { HistoryEntry } from '../../src/domain/history';
import { freshDatabase } from '../support/db';
import { ALL_TABLES, seedWorkspace } from '../support/bundles';

/**
 * The bundle worker reads the workspace to export with IndexedDB itself (db/snapshot-direct): the
 * same snapshot the page's Dexie read gives, so the export it builds is the same bundle.
 */
let db: AimsDatabase;
let wsId: string;

const entry = (table: HistoryEntry['table'], recordId: string, at: string): HistoryEntry => ({
  id: crypto.randomUUID(),
  workspaceId: wsId,
  table,
  recordId,
  label: 'A record',
  at,
  user: '',
  action: 'update',
  changes: [],
});

beforeEach(async () => {
  db = await freshDatabase();
  const seeded = await seedWorkspace(db, 5, { aiSystems: 3, risks: 9, ownControls: 2, impactAssessments: 1 });
  wsId = seeded.ws.id;
  // Another workspace's rows must stay out.
  await seedWorkspace(db, 6, { aiSystems: 1, risks: 2, ownControls: 1, impactAssessments: 0 });
  const risk = (await db.risks.where('workspaceId').equals(wsId).first())!;
  const system = (await db.aiSystems.where('workspaceId').equals(wsId).first())!;
  await db.history.bulkPut([
    entry('risks', risk.id, '2026-11-01T10:00:00.000Z'),
    entry('aiSystems', system.id, '2026-11-02T10:00:00.000Z'),
    entry('workspaces', wsId, '2026-11-03T10:00:00.000Z'),
  ]);
  await db.settings.put({ key: exchangeKey(wsId), value: '2026-10-01T09:00:00.000Z' });
});

describe('the export read in the bundle worker', () => {
  it('reads exactly the snapshot Dexie reads: every table, the history, the files and the exchange base', async () => {
    const direct = await readWorkspaceSnapshotDirect(db.name, wsId, ALL_TABLES, true);
    expect(direct).toEqual(await readWorkspaceSnapshot(wsId, ALL_TABLES, true));
    expect(direct.tables.risks).toHaveLength(9);
    expect(direct.tables.history).toHaveLength(3);
    expect(direct.files).toHaveLength(1);
    expect(await direct.files[0]!.blob.text()).toBe('context analysis, 2026');
    expect(direct.basedOn).toBe('2026-10-01T09:00:00.000Z');
  });

  it('leaves out the tables, their history and the files a selective export leaves out', async () => {
    const direct = await readWorkspaceSnapshotDirect(db.name, wsId, ['risks'], false);
    expect(direct).toEqual(await readWorkspaceSnapshot(wsId, ['risks'], false));
    expect(Object.keys(direct.tables).sort()).toEqual(['history', 'risks']);
    expect((direct.tables.history as HistoryEntry[]).map((h) => h.table).sort()).toEqual(['risks', 'workspaces']);
    expect(direct.files).toEqual([]);
  });

  it('refuses a workspace that does not exist, and never creates a database', async () => {
    await expect(readWorkspaceSnapshotDirect(db.name, 'nope', ALL_TABLES, true)).rejects.toThrow('workspace nope not found');
    const missing = `missing-${crypto.randomUUID()}`;
    await expect(readWorkspaceSnapshotDirect(missing, wsId, ALL_TABLES, true)).rejects.toThrow();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(missing);
  });
});
