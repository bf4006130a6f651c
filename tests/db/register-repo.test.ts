import { beforeEach, describe, expect, it } from 'vitest';
import type { AimsDatabase } from '../../src/db/database';
import { registerRepo } from '../../src/db/register-repo';
import { createRisk, saveRisk } from '../../src/db/risks-repo';
import { createWorkspace, getWorkspace } from '../../src/db/workspaces-repo';
import { blankAiSystem, type AiSystem, type AiSystemPatch } from '../../src/domain/ai-system-schema';
import type { RiskPatch } from '../../src/domain/risk-schema';
import type { Workspace } from '../../src/domain/workspace-schema';
import { freshDatabase } from '../support/db';

/** The generic write path, exercised on the AI system register. */
const repo = registerRepo<AiSystem, AiSystemPatch>('aiSystems');

let db: AimsDatabase;
let ws: Workspace;
const OLD = '2020-01-01T00:00:00.000Z';

beforeEach(async () => {
  db = await freshDatabase();
  const r = await createWorkspace('Acme', '1.0.0', new Date(OLD));
  if (!r.ok) throw new Error(r.code);
  ws = r.value;
});

async function created(): Promise<AiSystem> {
  const s = await repo.create(ws.id, (base) => blankAiSystem({ ...base, createdAt: OLD, updatedAt: OLD }, 'Chatbot'));
  await db.workspaces.update(ws.id, { updatedAt: OLD });
  return s;
}

describe('registerRepo.create', () => {
  it('passes fresh ids and timestamps to build and stores what it returns', async () => {
    const s = await repo.create(ws.id, (base) => {
      expect(base.workspaceId).toBe(ws.id);
      expect(base.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(base.createdAt).toBe(base.updatedAt);
      return blankAiSystem(base, 'Chatbot');
    });
    expect(await repo.get(s.id)).toEqual(s);
    expect(await repo.list(ws.id)).toEqual([s]);
    expect((await getWorkspace(ws.id))?.updatedAt).toBe(s.createdAt);
  });

  it('refuses a workspace that does not exist and writes nothing', async () => {
    await expect(repo.create('missing', (base) => blankAiSystem(base, 'Chatbot'))).rejects.toThrow(/workspace missing not found/);
    expect(await db.aiSystems.count()).toBe(0);
  });

  it('refuses a record its schema rejects and writes nothing', async () => {
    await expect(repo.create(ws.id, (base) => ({ ...blankAiSystem(base, 'Chatbot'), status: 'dreaming' as never }))).rejects.toThrow();
    expect(await db.aiSystems.count()).toBe(0);
    expect(await getWorkspace(ws.id)).toEqual(ws);
  });
});

describe('registerRepo.update', () => {
  it('merges the patch, bumps updatedAt on the record and on its workspace', async () => {
    const s = await created();
    const next = await repo.update(s.id, { owner: 'Priya', status: 'active' });
    expect(next).toEqual({ ...s, owner: 'Priya', status: 'active', updatedAt: next.updatedAt });
    expect(next.updatedAt > OLD).toBe(true);
    expect(await repo.get(s.id)).toEqual(next);
    expect((await getWorkspace(ws.id))?.updatedAt).toBe(next.updatedAt);
  });

  it('keeps id, workspaceId and createdAt whatever the patch says', async () => {
    const s = await created();
    const other = await createWorkspace('Other', '1.0.0');
    if (!other.ok) throw new Error(other.code);
    const hostile = {
      id: 'evil',
      workspaceId: other.value.id,
      createdAt: '2030-01-01T00:00:00.000Z',
      updatedAt: '1999-01-01T00:00:00.000Z',
      name: 'Renamed',
    } as unknown as AiSystemPatch;
    const next = await repo.update(s.id, hostile);
    expect(next).toMatchObject({ id: s.id, workspaceId: ws.id, createdAt: OLD, name: 'Renamed' });
    expect(next.updatedAt > OLD).toBe(true);
    expect(await db.aiSystems.count()).toBe(1);
    expect(await repo.list(other.value.id)).toEqual([]);
  });

  it('keeps the fixed fields of a register: a risk ref cannot be patched into a duplicate', async () => {
    const first = await createRisk(ws.id, 'First');
    const second = await createRisk(ws.id, 'Second');
    if (!first.ok || !second.ok) throw new Error('setup');
    const next = await saveRisk(second.value.id, { ref: first.value.ref, title: 'Second, renamed' } as RiskPatch);
    expect(next).toMatchObject({ ref: 'R-002', title: 'Second, renamed' });
  });

  it.each<[string, AiSystemPatch]>([
    ['a blank name', { name: '' }],
    ['an unknown enum value', { inScope: 'maybe' as never }],
    ['an unknown field', { colour: 'red' } as unknown as AiSystemPatch],
    ['a wrong type', { owner: 42 as never }],
  ])('rejects %s, leaving the record and its workspace unchanged', async (_label, patch) => {
    const s = await created();
    const wsBefore = await getWorkspace(ws.id);
    await expect(repo.update(s.id, patch)).rejects.toThrow();
    expect(await repo.get(s.id)).toEqual(s);
    expect(await getWorkspace(ws.id)).toEqual(wsBefore);
  });

  it('throws for a record that does not exist and creates nothing', async () => {
    await expect(repo.update('missing', { owner: 'x' })).rejects.toThrow(/aiSystems missing not found/);
    expect(await db.aiSystems.count()).toBe(0);
  });
});

describe('registerRepo.list and get', () => {
  it('lists only the workspace asked for and returns undefined for an unknown id', async () => {
    const s = await created();
    expect(await repo.list('other')).toEqual([]);
    expect(await repo.list(ws.id)).toEqual([s]);
    expect(await repo.get('missing')).toBeUndefined();
  });
});
