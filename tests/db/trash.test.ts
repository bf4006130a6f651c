import { beforeEach, describe, expect, it } from 'vitest';
import type { AimsDatabase } from '../../src/db/database';
import { deleteAiSystem } from '../../src/db/ai-systems-repo';
import { createCycleRecord, deleteCycleRecord } from '../../src/db/cycle-repo';
import { deleteEvidence } from '../../src/db/evidence-repo';
import { listRecordHistory } from '../../src/db/history-repo';
import { approveImpactAssessment, deleteDraftAssessment, saveImpactAssessment } from '../../src/db/impact-assessments-repo';
import { deleteOwnControl } from '../../src/db/own-controls-repo';
import { createRisk, deleteRisk } from '../../src/db/risks-repo';
import { setUserName } from '../../src/db/settings-repo';
import { deleteTrashEntry, emptyTrash, listTrash, restoreFromTrash, type TrashEntry } from '../../src/db/trash-repo';
import { deleteWorkspace, duplicateWorkspace } from '../../src/db/workspaces-repo';
import type { Workspace } from '../../src/domain/workspace-schema';
import { dump } from '../support/bundles';
import { freshDatabase } from '../support/db';
import {
  buildCycleRecord,
  makeAiSystem,
  makeFileEvidence,
  makeImpact,
  makeImpactAssessment,
  makeLinkEvidence,
  makeOwnControl,
  makeRisk,
  makeWorkspace,
} from '../support/factories';

let db: AimsDatabase;

beforeEach(async () => {
  db = await freshDatabase();
  await setUserName('Dana');
});

/** A workspace where every kind of link exists, written directly (no history). */
async function seed() {
  const ws = makeWorkspace();
  const systemA = makeAiSystem(ws.id, { name: 'System A' });
  const systemB = makeAiSystem(ws.id, { name: 'System B' });
  const c1 = makeOwnControl(ws.id, { name: 'Control 1' });
  const c2 = makeOwnControl(ws.id, { name: 'Control 2' });
  const impact = makeImpact();
  const draft = makeImpactAssessment(ws.id, systemB.id, { impacts: [impact] });
  const risk = makeRisk(ws.id, {
    ref: 'R-001',
    aiSystemIds: [systemA.id, systemB.id],
    ownControlIds: [c1.id, c2.id],
    sourceImpact: { assessmentId: draft.id, impactId: impact.id },
  });
  draft.impacts = [{ ...impact, riskId: risk.id }];
  const other = makeRisk(ws.id, { ref: 'R-002', title: 'Other', ownControlIds: [c2.id, c1.id] });
  const audit = buildCycleRecord(ws.id, 'audit', { ref: 'IA-001', updatedAt: '2025-02-01T00:00:00.000Z' });
  const finding = buildCycleRecord(ws.id, 'finding', { ref: 'F-001', auditId: audit.id, updatedAt: '2025-02-02T00:00:00.000Z' });
  const incident = buildCycleRecord(ws.id, 'incident', { ref: 'INC-001', aiSystemIds: [systemB.id, systemA.id] });
  const report = makeFileEvidence(ws.id, 3, { itemId: '9.2.2', recordId: audit.id, fileName: 'report.txt', mediaType: 'text/plain' });
  const plan = makeLinkEvidence(ws.id, { itemId: '9.2.2', recordId: audit.id });
  const loose = makeFileEvidence(ws.id, 2, { itemId: 'A.2.2' });
  await db.transaction(
    'rw',
    [db.workspaces, db.aiSystems, db.ownControls, db.risks, db.impactAssessments, db.cycleRecords, db.evidence, db.evidenceFiles],
    async () => {
      await db.workspaces.add(ws);
      await db.aiSystems.bulkAdd([systemA, systemB]);
      await db.ownControls.bulkAdd([c1, c2]);
      await db.risks.bulkAdd([risk, other]);
      await db.impactAssessments.add(draft);
      await db.cycleRecords.bulkAdd([audit, finding, incident]);
      await db.evidence.bulkAdd([report, plan, loose]);
      await db.evidenceFiles.bulkAdd([
        { id: report.id, workspaceId: ws.id, blob: new Blob(['abc']) },
        { id: loose.id, workspaceId: ws.id, blob: new Blob(['xy']) },
      ]);
    },
  );
  return { ws, systemA, systemB, c1, c2, draft, impact, risk, other, audit, finding, incident, report, plan, loose };
}

/** The database without the history and the trash. */
async function records(): Promise<Record<string, unknown[]>> {
  const { history: _h, trash: _t, ...rest } = await dump(db);
  return rest;
}

async function only(ws: Workspace): Promise<TrashEntry> {
  const entries = await listTrash(ws.id);
  expect(entries).toHaveLength(1);
  return entries[0]!;
}

async function restore(id: string) {
  const r = await restoreFromTrash(id);
  if (!r.ok) throw new Error(r.code);
  return r.value;
}

describe('delete → trash → restore gives back exactly the database as before', () => {
  it('an AI system: unlinked from risks and management-system records, linked again in place', async () => {
    const s = await seed();
    const before = await records();
    expect((await deleteAiSystem(s.systemA.id)).ok).toBe(true);
    expect(await db.aiSystems.get(s.systemA.id)).toBeUndefined();
    expect((await db.risks.get(s.risk.id))!.aiSystemIds).toEqual([s.systemB.id]);
    expect((await db.cycleRecords.get(s.incident.id)) as unknown).toMatchObject({ aiSystemIds: [s.systemB.id] });
    const entry = await only(s.ws);
    expect(entry).toMatchObject({ table: 'aiSystems', recordId: s.systemA.id, label: 'System A', user: 'Dana' });
    expect(entry.unlinks.map((u) => [u.table, u.id, u.field])).toEqual([
      ['risks', s.risk.id, 'aiSystemIds'],
      ['cycleRecords', s.incident.id, 'aiSystemIds'],
    ]);
    expect(await restore(entry.id)).toMatchObject({ table: 'aiSystems', label: 'System A', renumbered: null, dropped: 0 });
    expect(await records()).toEqual(before);
    expect(await listTrash(s.ws.id)).toEqual([]);
  });

  it('a risk: draft impacts that raised it link to it again', async () => {
    const s = await seed();
    const before = await records();
    await deleteRisk(s.risk.id);
    expect((await db.impactAssessments.get(s.draft.id))!.impacts[0]!.riskId).toBeNull();
    const entry = await only(s.ws);
    expect(entry.unlinks).toEqual([
      { table: 'impactAssessments', id: s.draft.id, field: 'riskId', value: s.risk.id, within: { list: 'impacts', id: s.impact.id } },
    ]);
    await restore(entry.id);
    expect(await records()).toEqual(before);
  });

  // Regression: restoring the risk wrote its link back into the version approved meanwhile.
  it('a risk restored after its draft was approved leaves the approved version exactly as approved', async () => {
    const s = await seed();
    await deleteRisk(s.risk.id);
    const saved = await saveImpactAssessment(s.draft.id, { approver: 'Carla', approvedOn: '2025-03-10', decision: 'proceed' });
    expect(saved.ok).toBe(true);
    const approved = await approveImpactAssessment(s.draft.id);
    if (!approved.ok) throw new Error(approved.code);
    const history = await listRecordHistory(s.draft.id);
    await restore((await only(s.ws)).id);
    expect(await db.risks.get(s.risk.id)).toMatchObject({ ref: 'R-001' });
    expect(await db.impactAssessments.get(s.draft.id)).toEqual(approved.value);
    expect(await listRecordHistory(s.draft.id)).toEqual(history);
  });

  it('an own control: back in every treatment plan, at its place in the list', async () => {
    const s = await seed();
    const before = await records();
    await deleteOwnControl(s.c1.id);
    expect((await db.risks.get(s.risk.id))!.ownControlIds).toEqual([s.c2.id]);
    expect((await db.risks.get(s.other.id))!.ownControlIds).toEqual([s.c2.id]);
    await restore((await only(s.ws)).id);
    expect(await records()).toEqual(before);
  });

  it('a draft impact assessment: risks raised from it get their source back', async () => {
    const s = await seed();
    const before = await records();
    expect((await deleteDraftAssessment(s.draft.id)).ok).toBe(true);
    expect((await db.risks.get(s.risk.id))!.sourceImpact).toBeNull();
    await restore((await only(s.ws)).id);
    expect(await records()).toEqual(before);
  });

  it('a management-system record: with its attached evidence and files, its findings linked again, timestamps as they were', async () => {
    const s = await seed();
    const before = await records();
    await deleteCycleRecord(s.audit.id);
    expect(await db.evidence.get(s.report.id)).toBeUndefined();
    expect(await db.evidenceFiles.get(s.report.id)).toBeUndefined();
    expect(await db.evidence.get(s.plan.id)).toBeUndefined();
    expect(await db.evidence.get(s.loose.id)).toBeDefined();
    expect((await db.cycleRecords.get(s.finding.id)) as unknown).toMatchObject({ auditId: null });
    const entry = await only(s.ws);
    expect(entry.rows.map((r) => r.table).sort()).toEqual(['cycleRecords', 'evidence', 'evidence', 'evidenceFiles']);
    expect(entry.rows[0]!.table).toBe('cycleRecords');
    await restore(entry.id);
    expect(await records()).toEqual(before);
  });

  it('evidence: the record and its file bytes', async () => {
    const s = await seed();
    const before = await records();
    await deleteEvidence(s.loose.id);
    expect(await db.evidenceFiles.get(s.loose.id)).toBeUndefined();
    const entry = await only(s.ws);
    expect(entry.rows.map((r) => r.table)).toEqual(['evidence', 'evidenceFiles']);
    await restore(entry.id);
    expect(await records()).toEqual(before);
  });

  it('records a delete and a restore in the history of the record, and updates of the records whose links changed', async () => {
    const s = await seed();
    await deleteOwnControl(s.c1.id);
    expect((await listRecordHistory(s.c1.id)).map((e) => [e.action, e.user])).toEqual([['delete', 'Dana']]);
    expect((await listRecordHistory(s.risk.id))[0]).toMatchObject({
      action: 'update',
      changes: [{ field: 'ownControlIds', before: [s.c1.id, s.c2.id], after: [s.c2.id] }],
    });
    await restore((await only(s.ws)).id);
    expect((await listRecordHistory(s.c1.id)).map((e) => e.action)).toEqual(['restore', 'delete']);
    expect((await listRecordHistory(s.risk.id))[0]).toMatchObject({
      action: 'update',
      changes: [{ field: 'ownControlIds', before: [s.c2.id], after: [s.c1.id, s.c2.id] }],
    });
  });
});

describe('restoring when things changed since', () => {
  it('gives a risk the next free number when its number was reused, and says so', async () => {
    const s = await seed();
    await deleteRisk(s.risk.id);
    const reused = await createRisk(s.ws.id, 'Took R-001?');
    expect(reused.ok && reused.value.ref).toBe('R-003');
    await db.risks.update(s.other.id, { ref: 'R-001' });
    const r = await restore((await only(s.ws)).id);
    expect(r.renumbered).toEqual({ from: 'R-001', to: 'R-004' });
    expect((await db.risks.get(s.risk.id))!.ref).toBe('R-004');
    expect((await listRecordHistory(s.risk.id))[0]).toMatchObject({ action: 'restore', changes: [{ field: 'ref', before: 'R-001', after: 'R-004' }] });
  });

  it('refuses when an id is taken again, and keeps the entry', async () => {
    const s = await seed();
    await deleteOwnControl(s.c1.id);
    await db.ownControls.add(s.c1);
    const entry = await only(s.ws);
    expect(await restoreFromTrash(entry.id)).toMatchObject({ ok: false, code: 'id-taken' });
    expect(await listTrash(s.ws.id)).toHaveLength(1);
  });

  it('refuses when the workspace is gone, or the entry is', async () => {
    const s = await seed();
    await deleteOwnControl(s.c1.id);
    const entry = await only(s.ws);
    await db.workspaces.delete(s.ws.id);
    expect(await restoreFromTrash(entry.id)).toMatchObject({ ok: false, code: 'workspace-gone' });
    expect(await restoreFromTrash('nothing')).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('refuses a second record of a one-record register (the scope)', async () => {
    const s = await seed();
    const scope = await createCycleRecord(s.ws.id, 'scope', 'Scope');
    if (!scope.ok) throw new Error(scope.code);
    await deleteCycleRecord(scope.value.id);
    expect((await createCycleRecord(s.ws.id, 'scope', 'New scope')).ok).toBe(true);
    expect(await restoreFromTrash((await only(s.ws)).id)).toMatchObject({ ok: false, code: 'singleton-exists' });
  });

  it('refuses an impact assessment whose AI system is gone; restoring the system first works', async () => {
    const s = await seed();
    expect((await deleteDraftAssessment(s.draft.id)).ok).toBe(true);
    expect((await deleteAiSystem(s.systemB.id)).ok).toBe(true);
    const [system, draft] = await listTrash(s.ws.id);
    expect(await restoreFromTrash(draft!.id)).toMatchObject({ ok: false, code: 'link-missing' });
    await restore(system!.id);
    await restore(draft!.id);
    expect(await db.impactAssessments.get(s.draft.id)).toEqual(s.draft);
  });

  it('drops links of the restored record to records deleted since', async () => {
    const s = await seed();
    await deleteRisk(s.other.id);
    await deleteOwnControl(s.c1.id);
    const [, risk] = await listTrash(s.ws.id);
    expect((await restore(risk!.id)).dropped).toBe(1);
    expect((await db.risks.get(s.other.id))!.ownControlIds).toEqual([s.c2.id]);
  });
});

describe('emptying the trash', () => {
  it('deletes one entry, or every entry of one workspace, for good', async () => {
    const s = await seed();
    const t = await seed();
    await deleteOwnControl(s.c1.id);
    await deleteOwnControl(s.c2.id);
    await deleteRisk(s.other.id);
    await deleteOwnControl(t.c1.id);
    const [newest] = await listTrash(s.ws.id);
    await deleteTrashEntry(newest!.id);
    expect(await listTrash(s.ws.id)).toHaveLength(2);
    expect(await emptyTrash(s.ws.id)).toBe(2);
    expect(await listTrash(s.ws.id)).toEqual([]);
    expect(await listTrash(t.ws.id)).toHaveLength(1);
    expect(await db.ownControls.get(s.c1.id)).toBeUndefined();
  });

  it('goes with its workspace; a duplicate starts with an empty trash', async () => {
    const s = await seed();
    const t = await seed();
    await deleteOwnControl(s.c1.id);
    await deleteOwnControl(t.c1.id);
    const copy = await duplicateWorkspace(s.ws.id, 'Copy');
    if (!copy.ok) throw new Error(copy.code);
    expect(await listTrash(copy.value.id)).toEqual([]);
    await deleteWorkspace(s.ws.id);
    expect(await listTrash(s.ws.id)).toEqual([]);
    expect(await db.history.where('workspaceId').equals(s.ws.id).count()).toBe(0);
    expect(await listTrash(t.ws.id)).toHaveLength(1);
    expect(await db.history.where('workspaceId').equals(t.ws.id).count()).toBeGreaterThan(0);
  });
});
