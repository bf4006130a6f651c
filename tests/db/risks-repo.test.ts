import { beforeEach, describe, expect, it } from 'vitest';
import type { AimsDatabase } from '../../src/db/database';
import { createAiSystem } from '../../src/db/ai-systems-repo';
import { getImpactAssessment } from '../../src/db/impact-assessments-repo';
import { createRisk, deleteRisk, getRisk, listRisks, saveRisk } from '../../src/db/risks-repo';
import { createWorkspace, getWorkspace } from '../../src/db/workspaces-repo';
import type { ImpactAssessment } from '../../src/domain/impact-assessment-schema';
import type { Risk, RiskPatch } from '../../src/domain/risk-schema';
import type { Workspace } from '../../src/domain/workspace-schema';
import { freshDatabase } from '../support/db';
import { makeImpact, makeImpactAssessment, makeRisk } from '../support/factories';

let db: AimsDatabase;
let ws: Workspace;

beforeEach(async () => {
  db = await freshDatabase();
  ws = await workspace('Acme');
});

async function workspace(name: string): Promise<Workspace> {
  const r = await createWorkspace(name, '1.0.0', new Date('2020-01-01T00:00:00.000Z'));
  if (!r.ok) throw new Error(r.code);
  return r.value;
}

async function risk(title: string, extra: RiskPatch = {}, workspaceId = ws.id): Promise<Risk> {
  const r = await createRisk(workspaceId, title, extra);
  if (!r.ok) throw new Error(r.code);
  return r.value;
}

describe('createRisk', () => {
  it('numbers risks R-001, R-002, … per workspace', async () => {
    const other = await workspace('Other');
    expect((await risk('First')).ref).toBe('R-001');
    expect((await risk('Second')).ref).toBe('R-002');
    expect((await risk('Elsewhere', {}, other.id)).ref).toBe('R-001');
    expect((await risk('Third')).ref).toBe('R-003');
  });

  it('continues after the highest ref, so a deleted number is not reused', async () => {
    await risk('One');
    const two = await risk('Two');
    await risk('Three');
    await deleteRisk(two.id);
    expect((await risk('Four')).ref).toBe('R-004');
  });

  it('gives 10 concurrent creations 10 distinct refs, all stored', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => createRisk(ws.id, `Risk ${i}`)));
    const refs = results.map((r) => (r.ok ? r.value.ref : r.code));
    expect(new Set(refs).size).toBe(10);
    expect([...refs].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `R-${String(i + 1).padStart(3, '0')}`));
    expect((await listRisks(ws.id)).map((r) => r.ref).sort()).toEqual([...refs].sort());
  });

  it('stores a trimmed title, the extra fields and bumps the workspace', async () => {
    const r = await risk('  Drift  ', { inherentLikelihood: 3, inherentImpact: 4, annexAControls: ['A.6.2.4'] });
    expect(r).toMatchObject({
      title: 'Drift',
      status: 'identified',
      inherentLikelihood: 3,
      inherentImpact: 4,
      annexAControls: ['A.6.2.4'],
      sourceImpact: null,
    });
    expect(await getRisk(r.id)).toEqual(r);
    expect((await getWorkspace(ws.id))?.updatedAt).toBe(r.createdAt);
  });

  it.each(['', '  '])('refuses the blank title %j with title-required', async (title) => {
    expect(await createRisk(ws.id, title)).toEqual({ ok: false, code: 'title-required', field: 'title' });
    expect(await db.risks.count()).toBe(0);
  });

  it('throws on invalid extra fields and writes nothing', async () => {
    await expect(createRisk(ws.id, 'Bad', { annexAControls: ['B.1'] })).rejects.toThrow();
    await expect(createRisk(ws.id, 'Bad', { inherentLikelihood: 21 })).rejects.toThrow();
    expect(await db.risks.count()).toBe(0);
    expect(await getWorkspace(ws.id)).toEqual(ws);
  });

  it('refuses a workspace that does not exist', async () => {
    await expect(createRisk('missing', 'Orphan')).rejects.toThrow(/not found/);
    expect(await db.risks.count()).toBe(0);
  });

  it('never stores two risks with the same ref in one workspace', async () => {
    const first = await risk('First');
    await expect(db.risks.add(makeRisk(ws.id, { ref: first.ref }))).rejects.toThrow();
    expect(await db.risks.count()).toBe(1);
  });
});

describe('saveRisk', () => {
  it('keeps the ref whatever the patch says', async () => {
    const r = await risk('Drift');
    const next = await saveRisk(r.id, { owner: 'Sam', ref: 'R-999' } as RiskPatch);
    expect(next).toMatchObject({ ref: 'R-001', owner: 'Sam' });
  });
});

describe('deleteRisk', () => {
  /** A stored assessment whose impacts point at the given risks (written directly: links are the repos' business). */
  async function assessmentRaising(riskIds: (string | null)[], overrides: Partial<ImpactAssessment> = {}): Promise<ImpactAssessment> {
    const system = await createAiSystem(ws.id, 'Chatbot');
    if (!system.ok) throw new Error(system.code);
    const a = makeImpactAssessment(ws.id, system.value.id, { impacts: riskIds.map((riskId) => makeImpact({ riskId })), ...overrides });
    await db.impactAssessments.add(a);
    return a;
  }

  it('removes the risk and clears it from draft impact assessments, keeping other impacts', async () => {
    const gone = await risk('Gone');
    const kept = await risk('Kept');
    const draft = await assessmentRaising([gone.id, kept.id, null]);

    await deleteRisk(gone.id);

    expect(await getRisk(gone.id)).toBeUndefined();
    expect(await getRisk(kept.id)).toEqual(kept);
    const after = await getImpactAssessment(draft.id);
    expect(after?.impacts.map((i) => i.riskId)).toEqual([null, kept.id, null]);
    expect(after?.impacts.map((i) => i.id)).toEqual(draft.impacts.map((i) => i.id));
    expect(after?.impacts[0]).toEqual({ ...draft.impacts[0], riskId: null });
  });

  it('leaves approved assessments frozen as they were', async () => {
    const gone = await risk('Gone');
    const approved = await assessmentRaising([gone.id], { state: 'approved', approver: 'CRO', approvedOn: '2025-03-01', decision: 'proceed' });

    await deleteRisk(gone.id);

    expect(await getRisk(gone.id)).toBeUndefined();
    expect(await getImpactAssessment(approved.id)).toEqual(approved);
  });

  it('is a no-op for an id that does not exist', async () => {
    const r = await risk('Kept');
    await deleteRisk('missing');
    expect(await listRisks(ws.id)).toEqual([r]);
  });
});
