import { beforeEach, describe, expect, it } from 'vitest';
import type { AimsDatabase } from '../../src/db/database';
import { listAssessments, saveAssessment } from '../../src/db/assessments-repo';
import { createWorkspace, getWorkspace } from '../../src/db/workspaces-repo';
import type { AssessmentPatch } from '../../src/domain/assessment-schema';
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

describe('saveAssessment', () => {
  it('creates the record on first edit with blank defaults for untouched fields', async () => {
    expect(await listAssessments(ws.id)).toEqual([]);
    const saved = await saveAssessment(ws.id, 'A.2.2', { owner: 'Dana' });
    expect(saved).toMatchObject({
      workspaceId: ws.id,
      itemId: 'A.2.2',
      status: 'not-started',
      notes: '',
      owner: 'Dana',
      targetDate: null,
      applicable: null,
      justificationCategory: null,
      justification: '',
      implementation: '',
    });
    expect(saved.id).toMatch(/\S/);
    expect(await listAssessments(ws.id)).toEqual([saved]);
  });

  it('merges later patches: a second patch does not wipe the first field', async () => {
    const first = await saveAssessment(ws.id, '4.1', { notes: 'Context documented' });
    const second = await saveAssessment(ws.id, '4.1', { status: 'implemented' });
    const third = await saveAssessment(ws.id, '4.1', { targetDate: '2025-12-31' });
    expect(second.id).toBe(first.id);
    expect(third).toMatchObject({ id: first.id, notes: 'Context documented', status: 'implemented', targetDate: '2025-12-31' });
    const all = await listAssessments(ws.id);
    expect(all).toHaveLength(1);
    expect(all[0]).toEqual(third);
  });

  it('keeps one record per item and workspace under 20 concurrent saves, losing no field', async () => {
    const patches: AssessmentPatch[] = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? { owner: `owner-${i}` } : { notes: `note-${i}` }));
    const results = await Promise.all(patches.map((p) => saveAssessment(ws.id, 'A.6.2.4', p)));

    const all = await listAssessments(ws.id);
    expect(all).toHaveLength(1);
    const stored = all[0]!;
    // Every save worked on the same record…
    expect(new Set(results.map((r) => r.id))).toEqual(new Set([stored.id]));
    // …and each saw the one before it, so the last owner and the last note both survive.
    expect(stored.owner).toBe('owner-18');
    expect(stored.notes).toBe('note-19');
    expect(stored).toEqual(results[19]);
  });

  it('keeps items and workspaces apart', async () => {
    const other = await createWorkspace('Other', '1.0.0');
    if (!other.ok) throw new Error(other.code);
    await saveAssessment(ws.id, '4.1', { status: 'implemented' });
    await saveAssessment(ws.id, '4.2', { status: 'in-progress' });
    await saveAssessment(other.value.id, '4.1', { status: 'not-started', owner: 'Sam' });

    const mine = await listAssessments(ws.id);
    expect(mine.map((a) => [a.itemId, a.status]).sort()).toEqual([
      ['4.1', 'implemented'],
      ['4.2', 'in-progress'],
    ]);
    const theirs = await listAssessments(other.value.id);
    expect(theirs).toHaveLength(1);
    expect(theirs[0]).toMatchObject({ itemId: '4.1', owner: 'Sam', workspaceId: other.value.id });
    expect(await listAssessments('no-such-workspace')).toEqual([]);
  });

  it("bumps the workspace's updatedAt", async () => {
    const saved = await saveAssessment(ws.id, '4.1', { status: 'in-progress' });
    const after = await getWorkspace(ws.id);
    expect(after!.updatedAt > ws.updatedAt).toBe(true);
    expect(after!.updatedAt).toBe(saved.updatedAt);
    expect(after!.name).toBe(ws.name);
  });

  it('ignores attempts to change id, workspaceId or itemId through the patch', async () => {
    const first = await saveAssessment(ws.id, '4.1', { status: 'in-progress' });
    const hostile = { id: 'evil', workspaceId: 'other', itemId: '9.9', notes: 'x' } as unknown as AssessmentPatch;
    const next = await saveAssessment(ws.id, '4.1', hostile);
    expect(next).toMatchObject({ id: first.id, workspaceId: ws.id, itemId: '4.1', notes: 'x' });
    expect(await db.assessments.count()).toBe(1);
  });

  it.each<[string, AssessmentPatch]>([
    ['status "done"', { status: 'done' as never }],
    ['targetDate "31/12/2025"', { targetDate: '31/12/2025' }],
    ['targetDate "2025-02-30"', { targetDate: '2025-02-30' }],
    ['notes over 20000 characters', { notes: 'n'.repeat(20_001) }],
    ['owner over 300 characters', { owner: 'o'.repeat(301) }],
    ['justificationCategory "because"', { justificationCategory: 'because' as never }],
    ['an unknown field', { colour: 'red' } as unknown as AssessmentPatch],
  ])('rejects %s with a thrown error and leaves the previous record unchanged', async (_label, patch) => {
    const before = await saveAssessment(ws.id, '4.1', { status: 'in-progress', notes: 'keep me', targetDate: '2025-06-30' });
    const wsBefore = await getWorkspace(ws.id);
    await expect(saveAssessment(ws.id, '4.1', patch)).rejects.toThrow();
    expect(await listAssessments(ws.id)).toEqual([before]);
    expect(await getWorkspace(ws.id)).toEqual(wsBefore);
  });

  it('refuses to store an answer for a workspace that does not exist', async () => {
    await expect(saveAssessment('no-such-workspace', '4.1', { owner: 'Ana' })).rejects.toThrow(/not found/);
    expect(await db.assessments.count()).toBe(0);
  });

  it('writes nothing when the very first patch is invalid', async () => {
    await expect(saveAssessment(ws.id, '4.1', { status: 'done' as never })).rejects.toThrow();
    expect(await listAssessments(ws.id)).toEqual([]);
    expect(await getWorkspace(ws.id)).toEqual(ws);
  });

  it('accepts notes of exactly 20000 characters', async () => {
    const saved = await saveAssessment(ws.id, '4.1', { notes: 'n'.repeat(20_000) });
    expect((await listAssessments(ws.id))[0]?.notes).toHaveLength(20_000);
    expect(saved.notes).toHaveLength(20_000);
  });
});
