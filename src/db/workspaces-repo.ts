import { newId } from '../domain/ids';
import { fail, ok, type Result } from '../domain/result';
import { profileSchema, soaMetaSchema, workspaceNameSchema, workspaceSchema, type Profile, type SoaMeta, type Workspace } from '../domain/workspace-schema';
import { DEFAULT_PRESET, presetMatrix } from '../domain/risk-matrix-presets';
import { riskMatrixSchema, type RiskMatrix } from '../domain/risk-matrix';
import { database } from './database';
import { keptDigestsKey, keptFiguresKey } from './change-stamp';
import { workspaceTables } from './schema-versions';
import { remapIds } from './remap-ids';
import { guardWrite } from './errors';
import { write } from './write-path';

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

/** A new workspace; its risk criteria are the default preset, worded as the caller gives it (the UI's language), else in English. */
export async function createWorkspace(
  name: string,
  catalogVersion: string,
  now = new Date(),
  riskMatrix: RiskMatrix = presetMatrix(DEFAULT_PRESET),
): Promise<Result<Workspace, NameCode>> {
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
    riskMatrix,
  });
  await write(
    () => [],
    (w) => w.create('workspaces', ws),
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
  return write(
    () => [],
    async (w) => {
      const ws = await w.db.workspaces.get(id);
      if (!ws) throw new Error(`workspace ${id} not found`);
      return w.update('workspaces', ws, change(ws), { expand: EXPANDED });
    },
  );
}

/**
 * A full copy in one transaction: every record of every workspace table gets a fresh id, and
 * every reference between them (risk → AI system, impact → risk, …) follows its target.
 */
export async function duplicateWorkspace(id: string, name: string): Promise<Result<Workspace, NameCode>> {
  const checked = checkName(name);
  if (!checked.ok) return checked;
  const copy = await write(
    (db) => workspaceTables.map((t) => db.table(t)),
    async (w) => {
      const ws = await w.db.workspaces.get(id);
      if (!ws) throw new Error(`workspace ${id} not found`);
      const target = { ...ws, id: newId(), name: checked.value, createdAt: w.now, updatedAt: w.now };
      const rows = await Promise.all(workspaceTables.map((t) => w.db.table(t).where('workspaceId').equals(id).toArray() as Promise<Record<string, unknown>[]>));
      const ids = new Map<string, string>([[id, target.id]]);
      for (const list of rows) for (const row of list) if (typeof row.id === 'string' && !ids.has(row.id)) ids.set(row.id, newId());
      // The copy's history is the original's (ids follow), then the copy itself; its trash starts empty.
      const created = await w.create('workspaces', target);
      // Evidence files share their evidence record's id, so both map to the same new id.
      for (const [i, t] of workspaceTables.entries()) {
        const copied = rows[i]!.map((row) => remapIds(row, ids));
        if (t === 'evidenceFiles' || t === 'history') await w.putRaw(t, copied);
        else await w.putAll(t, copied);
      }
      return created;
    },
  );
  return ok(copy);
}

/** Deletes the workspace with everything in it: its records, its history, its trash and its kept dashboard figures. */
export async function deleteWorkspace(id: string): Promise<void> {
  await write(
    (db) => [db.settings, db.trash, db.cache, ...workspaceTables.map((t) => db.table(t))],
    async (w) => {
      await w.clearWorkspace(id, true);
      await w.db.trash.where('workspaceId').equals(id).delete();
      await w.db.cache.bulkDelete([keptFiguresKey(id), keptDigestsKey(id)]);
      const last = await w.db.settings.get(LAST_WORKSPACE_KEY);
      if (last?.value === id) await w.db.settings.delete(LAST_WORKSPACE_KEY);
    },
  );
}

const LAST_WORKSPACE_KEY = 'lastWorkspaceId';

export async function getLastWorkspaceId(): Promise<string | null> {
  const row = await database().settings.get(LAST_WORKSPACE_KEY);
  return typeof row?.value === 'string' ? row.value : null;
}

export async function setLastWorkspaceId(id: string): Promise<void> {
  await guardWrite(() => database().settings.put({ key: LAST_WORKSPACE_KEY, value: id }));
}
