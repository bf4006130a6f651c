import type { Catalog, GuidedItem } from '../../domain/catalog-model';
import { buildOscalCatalog, buildOscalProfile } from './oscal-catalog';
import { OSCAL_FILES, oscalJson, type OscalVersion } from './oscal-common';
import { buildOscalSsp, type OscalSspInput } from './oscal-ssp';

/**
 * The one entry the page loads (lazily, on the first click): builds an OSCAL document and
 * returns it as safe JSON text with the file name the other documents refer to it by.
 */
export type OscalKind = 'catalog' | 'profile' | 'ssp';

export interface OscalFile {
  fileName: string;
  text: string;
}

export async function exportOscal(
  kind: OscalKind,
  catalog: Catalog<GuidedItem>,
  options: { exportedAt: string; appVersion: string; oscalVersion?: OscalVersion; ssp?: OscalSspInput },
): Promise<OscalFile> {
  if (kind === 'catalog') return { fileName: OSCAL_FILES.catalog, text: oscalJson(await buildOscalCatalog(catalog, options)) };
  if (kind === 'profile') return { fileName: OSCAL_FILES.profile, text: oscalJson(await buildOscalProfile(catalog, options)) };
  if (!options.ssp) throw new Error('the SSP export needs the workspace data');
  return { fileName: sspFileName(options.ssp.workspace.name, options.exportedAt), text: oscalJson(await buildOscalSsp(catalog, options.ssp, options)) };
}

/** "Acme Robotics" on 2026-11-27 → Acme-Robotics-soa-2026-11-27.oscal.json */
export function sspFileName(workspaceName: string, exportedAt: string): string {
  const slug =
    workspaceName
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'workspace';
  return `${slug}-soa-${exportedAt.slice(0, 10)}.oscal.json`;
}
