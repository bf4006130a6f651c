import { listAiSystems } from '../db/ai-systems-repo';
import { listCycleRecords } from '../db/cycle-repo';
import { listImpactAssessments } from '../db/impact-assessments-repo';
import { listOwnControls } from '../db/own-controls-repo';
import { listRisks } from '../db/risks-repo';
import { getWorkspace } from '../db/workspaces-repo';
import { recordNames, type NamedRecords } from '../i18n/value-context';
import type { ValueContext } from '../i18n/value-text';
import { app } from './app.svelte';
import { live } from './live.svelte';

/** The records a workspace's references point to, and its matrix. */
async function namedRecords(workspaceId: string): Promise<NamedRecords> {
  if (!workspaceId) return {};
  const [workspace, risks, aiSystems, ownControls, cycleRecords, impactAssessments] = await Promise.all([
    getWorkspace(workspaceId),
    listRisks(workspaceId),
    listAiSystems(workspaceId),
    listOwnControls(workspaceId),
    listCycleRecords(workspaceId),
    listImpactAssessments(workspaceId),
  ]);
  return { risks, aiSystems, ownControls, cycleRecords, impactAssessments, ...(workspace ? { matrix: workspace.riskMatrix } : {}) };
}

/**
 * A workspace's ValueContext, kept current: its risks, AI systems, own controls, management-system
 * records and impact assessments by name, the catalog's titles, its matrix's level names (the
 * history words its values with it). Create during component initialisation.
 */
export function liveValueContext(workspaceId: () => string): { readonly current: ValueContext; readonly loaded: boolean } {
  const named = live(workspaceId, namedRecords, {} as NamedRecords);
  let memo: { named: NamedRecords; catalog: typeof app.catalog; ctx: ValueContext } | null = null;
  return {
    get loaded() {
      return named.loaded;
    },
    get current() {
      const n = named.current;
      const catalog = app.catalog;
      if (!memo || memo.named !== n || memo.catalog !== catalog)
        memo = { named: n, catalog, ctx: recordNames({ ...n, ...(catalog ? { items: catalog.byId } : {}) }) };
      return memo.ctx;
    },
  };
}
