import { beforeEach, describe, expect, it } from 'vitest';
import type { AimsDatabase } from '../../src/db/database';
import { createAiSystem, deleteAiSystem, getAiSystem, listAiSystems, saveAiSystem } from '../../src/db/ai-systems-repo';
import { startImpactAssessment } from '../../src/db/impact-assessments-repo';
import { createRisk, getRisk, saveRisk } from '../../src/db/risks-repo';
import { createWorkspace, getWorkspace } from '../../src/db/workspaces-repo';
import type { AiSystem, AiSystemPatch } from '../../src/domain/ai-system-schema';
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

async function system(name: string, workspaceId = ws.id): Promise<AiSystem> {
  const r = await createAiSystem(workspaceId, name);
  if (!r.ok) throw new Error(r.code);
  return r.value;
}

async function risk(title: string, aiSystemIds: string[]) {
  const r = await createRisk(ws.id, title, { aiSystemIds });
  if (!r.ok) throw new Error(r.code);
  return r.value;
}

describe('createAiSystem', () => {
  it('stores a blank system with a trimmed name and bumps the workspace', async () => {
    const s = await system('  Claims triage  ');
    expect(s).toMatchObject({
      workspaceId: ws.id,
      name: 'Claims triage',
      status: 'planned',
      inScope: 'undecided',
      role: null,
      euAiActCategory: 'not-assessed',
    });
    expect(s.createdAt).toBe(s.updatedAt);
    expect(await listAiSystems(ws.id)).toEqual([s]);
    expect((await getWorkspace(ws.id))?.updatedAt).toBe(s.createdAt);
  });

  it.each(['', '   ', '\n\t'])('refuses the blank name %j with name-required and writes nothing', async (name) => {
    expect(await createAiSystem(ws.id, name)).toEqual({ ok: false, code: 'name-required', field: 'name' });
    expect(await db.aiSystems.count()).toBe(0);
    expect(await getWorkspace(ws.id)).toEqual(ws);
  });

  it('refuses a workspace that does not exist and writes nothing', async () => {
    await expect(createAiSystem('missing', 'Chatbot')).rejects.toThrow(/not found/);
    expect(await db.aiSystems.count()).toBe(0);
  });

  it('keeps workspaces apart', async () => {
    const other = await createWorkspace('Other', '1.0.0');
    if (!other.ok) throw new Error(other.code);
    await system('Mine');
    await system('Theirs', other.value.id);
    expect((await listAiSystems(ws.id)).map((s) => s.name)).toEqual(['Mine']);
    expect((await listAiSystems(other.value.id)).map((s) => s.name)).toEqual(['Theirs']);
  });
});

describe('saveAiSystem', () => {
  it('merges the patch, keeps earlier fields and validates the whole record', async () => {
    const s = await system('Chatbot');
    await saveAiSystem(s.id, { role: 'deployer', euAiActCategory: 'high-risk', annexIIIArea: 'employment' });
    const after = await saveAiSystem(s.id, { owner: 'Priya' });
    expect(after).toMatchObject({ id: s.id, name: 'Chatbot', role: 'deployer', euAiActCategory: 'high-risk', annexIIIArea: 'employment', owner: 'Priya' });
    expect(await getAiSystem(s.id)).toEqual(after);
  });

  it.each<[string, AiSystemPatch]>([
    ['a blank name', { name: '  ' }],
    ['an unknown role', { role: 'overlord' as never }],
    ['an unknown field', { colour: 'red' } as unknown as AiSystemPatch],
    ['an over-long owner', { owner: 'o'.repeat(301) }],
  ])('rejects %s and leaves the system and workspace unchanged', async (_label, patch) => {
    const s = await system('Chatbot');
    const wsBefore = await getWorkspace(ws.id);
    await expect(saveAiSystem(s.id, patch)).rejects.toThrow();
    expect(await getAiSystem(s.id)).toEqual(s);
    expect(await getWorkspace(ws.id)).toEqual(wsBefore);
  });
});

describe('deleteAiSystem', () => {
  it('removes the system and its id from every risk that named it, keeping the other links', async () => {
    const gone = await system('Gone');
    const kept = await system('Kept');
    const both = await risk('Both', [gone.id, kept.id]);
    const onlyGone = await risk('Only gone', [gone.id]);
    const unrelated = await risk('Unrelated', [kept.id]);

    expect(await deleteAiSystem(gone.id)).toEqual({ ok: true, value: null });

    expect(await getAiSystem(gone.id)).toBeUndefined();
    expect(await getAiSystem(kept.id)).toEqual(kept);
    expect((await getRisk(both.id))?.aiSystemIds).toEqual([kept.id]);
    expect((await getRisk(onlyGone.id))?.aiSystemIds).toEqual([]);
    expect(await getRisk(unrelated.id)).toEqual(unrelated);
    // The edited risks stay valid: a later save of one of them works.
    await expect(saveRisk(onlyGone.id, { owner: 'Sam' })).resolves.toMatchObject({ aiSystemIds: [], owner: 'Sam' });
  });

  it('is one transaction: if the risk update fails, the system is not deleted either', async () => {
    const s = await system('Chatbot');
    const r = await risk('Linked', [s.id]);
    db.risks.hook('updating', () => {
      throw new Error('disk trouble');
    });
    await expect(deleteAiSystem(s.id)).rejects.toThrow();
    expect(await getAiSystem(s.id)).toEqual(s);
    expect((await getRisk(r.id))?.aiSystemIds).toEqual([s.id]);
  });

  it('refuses with has-impact-assessments while the system has an assessment, changing nothing', async () => {
    const s = await system('Chatbot');
    const r = await risk('Linked', [s.id]);
    await startImpactAssessment(ws.id, s.id);
    expect(await deleteAiSystem(s.id)).toEqual({ ok: false, code: 'has-impact-assessments' });
    expect(await getAiSystem(s.id)).toEqual(s);
    expect((await getRisk(r.id))?.aiSystemIds).toEqual([s.id]);
  });

  it('is a no-op for an id that does not exist', async () => {
    const s = await system('Chatbot');
    expect(await deleteAiSystem('missing')).toEqual({ ok: true, value: null });
    expect(await listAiSystems(ws.id)).toEqual([s]);
  });
});
