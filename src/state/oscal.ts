import { readWorkspaceSnapshot } from '../db/snapshot';
import type { Assessment } from '../domain/assessment-schema';
import type { Catalog, GuidedItem } from '../domain/catalog-model';
import type { OwnControl } from '../domain/own-control-schema';
import type { Risk } from '../domain/risk-schema';
import { OSCAL_VERSION, OSCAL_VERSIONS, type OscalVersion } from '../io/oscal/oscal-versions';
import type { OscalKind } from '../io/oscal/oscal-export';
import { APP_VERSION } from './bundles';
import { downloadBlob } from './download';

export type { OscalKind, OscalVersion };
export { OSCAL_VERSION, OSCAL_VERSIONS };

/**
 * OSCAL downloads. The builders (src/io/oscal-*.ts) load on the first click as their own chunk;
 * the SSP reads the SoA's registers (answers, risks for the treatment links, own controls) and the
 * scope record in one read transaction. The catalog passed carries the guidance (app.loadGuidance), which the
 * catalog document includes. `oscalVersion` only sets metadata oscal-version: the documents are valid against both supported releases (docs/oscal.md). Returns the file's name and size for the status line.
 */
export async function downloadOscal(
  kind: OscalKind,
  workspaceId: string,
  catalog: Catalog<GuidedItem>,
  oscalVersion: OscalVersion = OSCAL_VERSION,
): Promise<{ fileName: string; size: number }> {
  const { exportOscal } = await import('../io/oscal/oscal-export');
  const exportedAt = new Date().toISOString();
  let ssp;
  if (kind === 'ssp') {
    const snapshot = await readWorkspaceSnapshot(workspaceId, ['assessments', 'risks', 'ownControls', 'cycleRecords'], false);
    // 4.3: the scope record (one per workspace) gives the SSP's system description its scope statement.
    const scope = (snapshot.tables.cycleRecords ?? []).find((r) => r.kind === 'scope');
    ssp = {
      scopeStatement: typeof scope?.statement === 'string' ? scope.statement : null,
      workspace: snapshot.workspace,
      assessments: (snapshot.tables.assessments ?? []) as unknown as Assessment[],
      risks: (snapshot.tables.risks ?? []) as unknown as Risk[],
      ownControls: (snapshot.tables.ownControls ?? []) as unknown as OwnControl[],
    };
  }
  const file = await exportOscal(kind, catalog, { exportedAt, appVersion: APP_VERSION, oscalVersion, ...(ssp ? { ssp } : {}) });
  const blob = new Blob([file.text], { type: 'application/json' });
  downloadBlob(blob, file.fileName);
  return { fileName: file.fileName, size: blob.size };
}
