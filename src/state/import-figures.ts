import type { PreparedDashboard } from '../db/dashboard-cache';
import type { Catalog } from '../domain/catalog-model';
import type { DashboardView } from '../domain/dashboard-view';
import type { OwnControl } from '../domain/own-control-schema';
import { ownControlsKey, packDigests, type RiskDigests } from '../domain/risk-digest-codec';
import type { RiskMatrix } from '../domain/risk-matrix';
import type { Risk } from '../domain/risk-schema';
import type { WorkspaceRecords } from '../domain/workspace-records';
import type { BundleRecords } from '../io/bundle/bundle-import';
import { dashboardInputs } from './dashboard-keys';

/*
 * An imported workspace's dashboard figures, worked out in the bundle worker from the records it has
 * just checked, while it checks the attachments: the import writes them with the records (when the
 * records are written as read), so the dashboard shown next reads them instead of every record it
 * was just given. The same functions, keyed the same way (dashboard-keys.ts), as the dashboard's own.
 */

/** Risks digested per step; between steps the worker answers what waits (the attachments' checks). */
const STEP = 2_000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The digests of `risks`, a step at a time (the same as one `digestRisks` call). */
async function digestInSteps(
  risks: readonly Risk[],
  ctx: ReturnType<typeof import('../domain/dashboard-view').digestContext>,
  m: typeof import('../domain/dashboard-view'),
): Promise<RiskDigests> {
  const d = m.digestRisks(risks.slice(0, STEP), ctx);
  for (let i = STEP; i < risks.length; i += STEP) {
    await nextTask();
    const more = m.digestRisks(risks.slice(i, i + STEP), ctx);
    for (const k of Object.keys(d) as (keyof RiskDigests)[]) for (const v of more[k]) (d[k] as unknown[]).push(v);
  }
  return d;
}

/**
 * The figures and digests a dashboard would work out from exactly these records, for `catalog`, the
 * bundle's own matrix and `today`, with the keys they are kept under; null when the bundle carries
 * no workspace. The caller writes them only with the records as read (bundle-write.ts).
 */
export async function importFigures(records: BundleRecords, catalog: Catalog, today: string, code: string): Promise<PreparedDashboard<DashboardView> | null> {
  const ws = records.workspaces[0] as { riskMatrix?: RiskMatrix } | undefined;
  if (!ws?.riskMatrix) return null;
  const matrix = ws.riskMatrix;
  // The lists taken now, before the first await: the caller may empty `records` meanwhile (the worker does, once they are sent).
  const { risks, ...others }: WorkspaceRecords = {
    assessments: records.assessments,
    evidence: records.evidence,
    cycle: records.cycleRecords,
    risks: records.risks,
    ownControls: records.ownControls,
    impactAssessments: records.impactAssessments,
    aiSystems: records.aiSystems,
  } as unknown as WorkspaceRecords;
  const [m, keys] = await Promise.all([import('../domain/dashboard-view'), dashboardInputs({ catalog, matrix, today }, code)]);
  const ctx = m.digestContext({ matrix, ownControls: others.ownControls });
  const digests = await digestInSteps(risks, ctx, m);
  await nextTask();
  // As the dashboard works them out from kept digests: every record but the risks, and the digests.
  const view = m.dashboardFromDigests({ ...others, digests, catalog, matrix, today });
  return {
    figures: { inputs: keys.inputs, view },
    digests: { packed: packDigests(digests), inputs: keys.digestInputs, ownControls: ownControlsKey(others.ownControls as OwnControl[]) },
  };
}
