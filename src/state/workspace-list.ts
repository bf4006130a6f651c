import { listWorkspaces } from '../db/workspaces-repo';
import type { Workspace } from '../domain/workspace-schema';

/** Every workspace, by name, for the shell's switcher (the shell never reads the database itself). */
export async function workspacesByName(): Promise<Workspace[]> {
  const all = await listWorkspaces();
  return all.sort((a, b) => a.name.localeCompare(b.name));
}
