import { listAiSystems } from '../db/ai-systems-repo';
import { getWorkspace } from '../db/workspaces-repo';
import type { Catalog } from '../domain/catalog-model';
import type { MappingContext } from '../io/mapping/mapping';

/** What value mapping needs from the workspace: its risk matrix, its AI systems, the control ids. */
export async function loadMappingContext(workspaceId: string, catalog: Catalog): Promise<Omit<MappingContext, 'sheet'>> {
  const [workspace, systems] = await Promise.all([getWorkspace(workspaceId), listAiSystems(workspaceId)]);
  if (!workspace) throw new Error(`workspace ${workspaceId} not found`);
  return {
    workspaceId,
    matrix: workspace.riskMatrix,
    systems: systems.map((s) => ({ id: s.id, name: s.name })),
    controlIds: new Set(catalog.controls.map((c) => c.id)),
  };
}
