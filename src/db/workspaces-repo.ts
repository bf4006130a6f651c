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
import { DEFAULT_PRESET, presetMatrix } from '../domain/risk-matrix-presets';
import { riskMatrixSchema, type RiskMatrix } from '../domain/risk-matrix';
import { database } from './database';
import { workspaceTables } from './schema-versions';
import { remapIds } from './remap-ids';
import { guardWrite } from './errors';
import { historyWriter } from './history-repo';

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
    riskMatrix: presetMatrix(DEFAULT_PRESET),
  });
  const db = database();
  const history = await historyWriter();
  await guardWrite(() =>
    db.transaction('rw', db.workspaces, db.history, async () => {
      await db.workspaces.add(ws);
      await history.created('workspaces', ws, 'create', ts);
    }),
  );
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

/** Replaces the risk criteria; stored ratings are never touched (see evaluateRisk). */
export async function saveRiskMatrix(id: string, matrix: RiskMatrix): Promise<Workspace> {
  const valid = riskMatrixSchema.parse(matrix);
  return updateWorkspace(id, (ws) => ({ ...ws, riskMatrix: valid }));
}

/** The profile and the SoA metadata are reported field by field in the history (`profile.sector`). */
const EXPANDED = ['profile', 'soaMeta'] as const;

async function updateWorkspace(id: string, change: (ws: Workspace) => Workspace): Promise<Workspace> {
  const db = database();
  const history = await historyWriter();
  return guardWrite(() =>
    db.transaction('rw', db.workspaces, db.history, async () => {
      const ws = await db.workspaces.get(id);
      if (!ws) throw new Error(`workspace ${id} not found`);
      const now = new Date().toISOString();
      const next = workspaceSchema.parse({ ...change(ws), updatedAt: now });
      await db.workspaces.put(next);
      await history.updated('workspaces', ws, next, { expand: EXPANDED, at: now });
      return next;
    }),
  );
}

/**
 * A full copy in one transaction: every record of every workspace table gets a fresh id, and
 * every reference between them (risk → AI system, impact → risk, …) follows its target.
 */
export async function duplicateWorkspace(id: string, name: string): Promise<Result<Workspace, NameCode>> {
  const checked = checkName(name);
  if (!checked.ok) return checked;
  const db = database();
  const tables = workspaceTables.map((t) => db.table(t));
  const history = await historyWriter();
  const copy = await guardWrite(() =>
    db.transaction('rw', [db.workspaces, ...tables], async () => {
      const ws = await db.workspaces.get(id);
      if (!ws) throw new Error(`workspace ${id} not found`);
      const now = new Date().toISOString();
      const target = workspaceSchema.parse({ ...ws, id: newId(), name: checked.value, createdAt: now, updatedAt: now });
      const rows = await Promise.all(tables.map((t) => t.where('workspaceId').equals(id).toArray() as Promise<Record<string, unknown>[]>));
      const ids = new Map<string, string>([[id, target.id]]);
      for (const list of rows) for (const row of list) if (typeof row.id === 'string' && !ids.has(row.id)) ids.set(row.id, newId());
      await db.workspaces.add(target);
      // Evidence files share their evidence record's id, so both map to the same new id.
      await Promise.all(tables.map((t, i) => t.bulkAdd(rows[i]!.map((row) => remapIds(row, ids)))));
      // The copy's history is the original's (ids follow), then the copy itself; its trash starts empty.
      await history.created('workspaces', target, 'create', now);
      return target;
    }),
  );
  return ok(copy);
}

/** Deletes the workspace with everything in it: its records, its history and its trash. */
export async function deleteWorkspace(id: string): Promise<void> {
  const db = database();
  const tables = workspaceTables.map((t) => db.table(t));
  await db.transaction('rw', [db.workspaces, db.settings, db.trash, ...tables], async () => {
    for (const t of tables) await t.where('workspaceId').equals(id).delete();
    await db.trash.where('workspaceId').equals(id).delete();
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
