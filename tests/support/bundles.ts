import { AimsDatabase, useDatabase } from '../../src/db/database';
import { readWorkspaceSnapshot, type SnapshotTable } from '../../src/db/snapshot';
import { generateWorkspace } from '../../src/domain/generate-workspace';
import { buildBundle, type BuiltBundle } from '../../src/io/bundle/bundle-export';
import { shippedCatalog } from './catalog';
import { buildCycleRecord, cycleRow, makeAssessment, makeFileEvidence, makeLinkEvidence } from './factories';
import type { CycleRecord } from '../../src/domain/cycle/registry';

export const ALL_TABLES: SnapshotTable[] = ['assessments', 'evidence', 'aiSystems', 'risks', 'ownControls', 'impactAssessments', 'cycleRecords'];
export const catalog = shippedCatalog();
export const EXPORTED_AT = '2026-11-27T10:00:00.000Z';

/** Seeds a realistic workspace (generated registers, answers, a link and a file) into `db`. */
export async function seedWorkspace(db: AimsDatabase, seed = 7, sizes = { aiSystems: 4, risks: 12, ownControls: 3, impactAssessments: 2 }) {
  const g = generateWorkspace({ seed, ...sizes });
  const ws = g.workspace;
  const assessments = ['4.1', '6.1.3', 'A.6.2.4'].map((itemId, i) =>
    makeAssessment(ws.id, { itemId, status: i === 0 ? 'implemented' : 'in-progress', notes: `Note ${i} — naïve café 中文` }),
  );
  const link = makeLinkEvidence(ws.id, { itemId: '4.1' });
  const fileBytes = new TextEncoder().encode('context analysis, 2026');
  const file = makeFileEvidence(ws.id, fileBytes.byteLength, { itemId: '4.1', fileName: 'context.txt', mediaType: 'text/plain' });
  const cycle = managementRecords(ws.id, g.aiSystems[0]?.id);
  await db.transaction(
    'rw',
    [db.workspaces, db.assessments, db.evidence, db.evidenceFiles, db.aiSystems, db.risks, db.ownControls, db.impactAssessments, db.cycleRecords],
    async () => {
      await db.workspaces.put(ws);
      await db.assessments.bulkPut(assessments);
      await db.evidence.bulkPut([link, file]);
      await db.evidenceFiles.put({ id: file.id, workspaceId: ws.id, blob: new Blob([fileBytes]) });
      await db.aiSystems.bulkPut(g.aiSystems);
      await db.risks.bulkPut(g.risks);
      await db.ownControls.bulkPut(g.ownControls);
      await db.impactAssessments.bulkPut(g.impactAssessments);
      await db.cycleRecords.bulkPut(cycle);
    },
  );
  return { ws, file, fileBytes };
}

export async function exportBundle(
  workspaceId: string,
  opts: { tables?: SnapshotTable[]; attachments?: boolean; passphrase?: string; exportedAt?: string } = {},
) {
  const snapshot = await readWorkspaceSnapshot(workspaceId, opts.tables ?? ALL_TABLES, opts.attachments ?? true);
  return withBytes(
    await buildBundle(snapshot, {
      exportedAt: opts.exportedAt ?? EXPORTED_AT,
      appVersion: '0.1.0',
      catalog,
      ...(opts.passphrase ? { passphrase: opts.passphrase } : {}),
    }),
  );
}

/** A built bundle with its Blob read into bytes, as an import reads a chosen file. */
export async function withBytes(built: BuiltBundle): Promise<BuiltBundle & { bytes: Uint8Array }> {
  return { ...built, bytes: new Uint8Array(await built.blob.arrayBuffer()) };
}

/** A second, empty browser database: where the other party imports. */
export async function otherBrowser(): Promise<AimsDatabase> {
  const db = new AimsDatabase(`test-other-${crypto.randomUUID()}`);
  await db.open();
  useDatabase(db);
  return db;
}

/** Everything a workspace holds, for before/after comparisons (not the cache: figures derived from it and the stamp every write changes). */
export async function dump(db: AimsDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) {
    if (t.name === 'cache') continue;
    const rows = await t.toArray();
    out[t.name] = await Promise.all(
      rows.map(async (r: Record<string, unknown>) => (r.blob instanceof Blob ? { ...r, blob: [...new Uint8Array(await r.blob.arrayBuffer())] } : r)),
    );
    out[t.name]!.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return out;
}

/** A small management system: an audit with a finding and the nonconformity raised from it, an incident, an objective with readings, a review with actions. */
export function managementRecords(workspaceId: string, aiSystemId?: string): CycleRecord[] {
  const audit = buildCycleRecord(workspaceId, 'audit', {
    ref: 'IA-001',
    title: '内部审核 2026',
    status: 'completed',
    checklist: [cycleRow({ itemId: 'A.2.2', result: 'minor' as const, note: 'Policy older than two years' })],
  });
  const finding = buildCycleRecord(workspaceId, 'finding', {
    ref: 'F-001',
    auditId: audit.id,
    type: 'minor',
    itemIds: ['A.2.4'],
    description: '=HYPERLINK("x") ; "quoted", naïve',
  });
  const nc = buildCycleRecord(workspaceId, 'nonconformity', { ref: 'NC-001', sourceId: finding.id, due: '2026-12-31', status: 'action-planned' });
  const incident = buildCycleRecord(workspaceId, 'incident', { ref: 'INC-001', aiSystemIds: aiSystemId ? [aiSystemId] : [], severity: 'high' });
  const objective = buildCycleRecord(workspaceId, 'objective', {
    ref: 'OBJ-001',
    measure: 'Share of models with a model card',
    target: 100,
    unit: '%',
    readings: [cycleRow({ date: '2026-03-31', value: 40, note: '' }), cycleRow({ date: '2026-06-30', value: 72.5, note: 'after training' })],
  });
  const review = buildCycleRecord(workspaceId, 'review', {
    ref: 'MR-001',
    status: 'held',
    heldOn: '2026-10-01',
    minutes: 'Minutes',
    actions: [cycleRow({ action: 'Update the AI policy', owner: 'CISO', due: '2026-12-01', done: 'no' as const })],
  });
  return [audit, finding, nc, incident, objective, review];
}
