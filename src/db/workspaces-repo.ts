import { newId } from '../domain/ids';
import { fail, ok, type Result } from '../domain/result';
import {
  profileSchema,
  soaMetaSchema,
  workspaceNameSchema,
  workspaceSchema,
  type Profile,
  type SoaMeta,
  type Workspace,
} from '../domain/workspace-schema';
import { database } from './database';
import { guardWrite } from './errors';

type NameCode = 'name-required' | 'name-too-long';

function checkName(name: string): Result<string, NameCode> {
  const r = workspaceNameSchema.safeParse(name);
  if (r.success) return ok(r.data);
  return fail((r.error.issues[0]?.message ?? 'name-required') as NameCode, 'name');
}

export async function listWorkspaces(): Promise<Workspace[]> {
  const all = await database().workspaces.toArray();
  return all.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export async function getWorkspace(id: string): Promise<Workspace | undefined> {
  return database().workspaces.get(id);
}

export async function createWorkspace(name: string, catalogVersion: string, now = new Date()): Promise<Result<Workspace, NameCode>> {
  const checked = checkName(name);
  if (!checked.ok) return checked;
  const ts = now.toISOString();
  const ws = workspaceSchema.parse({
    id: newId(),
    name: checked.value,
    createdAt: ts,
    updatedAt: ts,
    catalogVersion,
    profile: profileSchema.parse({ organizationName: checked.value }),
    soaMeta: soaMetaSchema.parse({}),
  });
  await guardWrite(() => database().workspaces.add(ws));
  return ok(ws);
}

export async function renameWorkspace(id: string, name: string): Promise<Result<Workspace, NameCode>> {
  const checked = checkName(name);
  if (!checked.ok) return checked;
  return ok(await updateWorkspace(id, (ws) => ({ ...ws, name: checked.value })));
}

export async function saveProfile(id: string, patch: Partial<Profile>): Promise<Workspace> {
  return updateWorkspace(id, (ws) => ({ ...ws, profile: profileSchema.parse({ ...ws.profile, ...patch }) }));
}

export async function saveSoaMeta(id: string, patch: Partial<SoaMeta>): Promise<Workspace> {
  return updateWorkspace(id, (ws) => ({ ...ws, soaMeta: soaMetaSchema.parse({ ...ws.soaMeta, ...patch }) }));
}

async function updateWorkspace(id: string, change: (ws: Workspace) => Workspace): Promise<Workspace> {
  const db = database();
  return guardWrite(() =>
    db.transaction('rw', db.workspaces, async () => {
      const ws = await db.workspaces.get(id);
      if (!ws) throw new Error(`workspace ${id} not found`);
      const next = workspaceSchema.parse({ ...change(ws), updatedAt: new Date().toISOString() });
      await db.workspaces.put(next);
      return next;
    }),
  );
}

/** A full copy with fresh ids for every record, evidence files included, in one transaction. */
export async function duplicateWorkspace(id: string, name: string): Promise<Result<Workspace, NameCode>> {
  const checked = checkName(name);
  if (!checked.ok) return checked;
  const db = database();
  const copy = await guardWrite(() =>
    db.transaction('rw', [db.workspaces, db.assessments, db.evidence, db.evidenceFiles], async () => {
      const ws = await db.workspaces.get(id);
      if (!ws) throw new Error(`workspace ${id} not found`);
      const now = new Date().toISOString();
      const target = workspaceSchema.parse({ ...ws, id: newId(), name: checked.value, createdAt: now, updatedAt: now });
      const assessments = await db.assessments.where('workspaceId').equals(id).toArray();
      const evidence = await db.evidence.where('workspaceId').equals(id).toArray();
      const files = await db.evidenceFiles.where('workspaceId').equals(id).toArray();
      const evidenceIds = new Map(evidence.map((e) => [e.id, newId()]));
      await db.workspaces.add(target);
      await db.assessments.bulkAdd(assessments.map((a) => ({ ...a, id: newId(), workspaceId: target.id })));
      await db.evidence.bulkAdd(evidence.map((e) => ({ ...e, id: evidenceIds.get(e.id)!, workspaceId: target.id })));
      await db.evidenceFiles.bulkAdd(
        files.filter((f) => evidenceIds.has(f.id)).map((f) => ({ ...f, id: evidenceIds.get(f.id)!, workspaceId: target.id })),
      );
      return target;
    }),
  );
  return ok(copy);
}

export async function deleteWorkspace(id: string): Promise<void> {
  const db = database();
  await db.transaction('rw', [db.workspaces, db.assessments, db.evidence, db.evidenceFiles, db.settings], async () => {
    await db.assessments.where('workspaceId').equals(id).delete();
    await db.evidence.where('workspaceId').equals(id).delete();
    await db.evidenceFiles.where('workspaceId').equals(id).delete();
    await db.workspaces.delete(id);
    const last = await db.settings.get(LAST_WORKSPACE_KEY);
    if (last?.value === id) await db.settings.delete(LAST_WORKSPACE_KEY);
  });
}

const LAST_WORKSPACE_KEY = 'lastWorkspaceId';

export async function getLastWorkspaceId(): Promise<string | null> {
  const row = await database().settings.get(LAST_WORKSPACE_KEY);
  return typeof row?.value === 'string' ? row.value : null;
}

export async function setLastWorkspaceId(id: string): Promise<void> {
  await guardWrite(() => database().settings.put({ key: LAST_WORKSPACE_KEY, value: id }));
}
