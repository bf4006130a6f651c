import type { Catalog } from '../../domain/catalog-model';
import { safeFileName, type Evidence } from '../../domain/evidence-schema';
import type { WorkspaceSnapshot } from './bundle-snapshot';
import type { Locale } from '../../i18n/i18n';
import { byId, canonicalJson } from './canonical-json';
import {
  attachmentPath,
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  bundleTables,
  isPrecompressed,
  MANIFEST_PATH,
  manifestSchema,
  README_PATH,
  REPORT_PATH,
  type AttachmentEntry,
  type BundleTable,
  type Manifest,
} from './bundle-format';
import { renderReadme } from './bundle-readme';
import { renderReportHtml, type ReportInput } from './bundle-report';
import { encryptBundle } from './crypto-container';
import { sha256Hex } from '../sha256';

export interface ExportOptions {
  exportedAt: string;
  appVersion: string;
  catalog: Catalog;
  /**
   * The UI language chosen when exporting: README.txt and report.html are written in it (the data
   * files are language-neutral). The report's shared labels come from i18n, which must be set to it.
   */
  locale?: Locale;
  passphrase?: string;
  onProgress?: (fraction: number) => void;
}

export interface BuiltBundle {
  bytes: Uint8Array;
  fileName: string;
  manifest: Manifest;
}

const encoder = new TextEncoder();

/**
 * Builds the zip: manifest, one canonical JSON file per table, attachments, README.txt and
 * report.html. Deterministic for the same data and exportedAt (sorted keys and records, fixed
 * entry dates). Pure apart from JSZip, which is loaded on demand.
 */
export async function buildBundle(snapshot: WorkspaceSnapshot, options: ExportOptions): Promise<BuiltBundle> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  const date = new Date(options.exportedAt);
  const tables: Manifest['tables'] = {};

  const add = async (table: BundleTable, records: readonly Record<string, unknown>[]) => {
    const { file } = bundleTables[table];
    const bytes = encoder.encode(canonicalJson(byId(records as { id: string }[])));
    tables[table] = { file, count: records.length, sha256: await sha256Hex(bytes) };
    zip.file(file, bytes, { date, compression: 'DEFLATE' });
  };
  await add('workspaces', [snapshot.workspace as unknown as Record<string, unknown>]);
  for (const [table, records] of Object.entries(snapshot.tables) as [BundleTable, Record<string, unknown>[]][]) await add(table, records);

  const evidence = new Map(((snapshot.tables.evidence ?? []) as Evidence[]).filter((e) => e.kind === 'file').map((e) => [e.id, e]));
  const attachments: AttachmentEntry[] = [];
  for (const [i, f] of byId(snapshot.files).entries()) {
    const record = evidence.get(f.id);
    if (!record || record.kind !== 'file') continue;
    const bytes = new Uint8Array(await f.blob.arrayBuffer());
    const path = attachmentPath(f.id, safeFileName(record.fileName));
    attachments.push({ id: f.id, path, size: bytes.byteLength, sha256: await sha256Hex(bytes), mediaType: record.mediaType });
    zip.file(path, bytes, { date, compression: isPrecompressed(record.mediaType, record.fileName) ? 'STORE' : 'DEFLATE' });
    options.onProgress?.((0.4 * (i + 1)) / snapshot.files.length);
  }

  const manifest = manifestSchema.parse({
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    appVersion: options.appVersion,
    catalogVersion: options.catalog.catalogVersion,
    exportedAt: options.exportedAt,
    basedOn: snapshot.basedOn,
    workspace: { id: snapshot.workspace.id, name: snapshot.workspace.name },
    tables,
    attachments,
  });
  zip.file(MANIFEST_PATH, canonicalJson(manifest), { date, compression: 'DEFLATE' });
  zip.file(
    README_PATH,
    renderReadme({
      workspaceName: snapshot.workspace.name,
      exportedAt: options.exportedAt,
      appVersion: options.appVersion,
      formatVersion: BUNDLE_FORMAT_VERSION,
      locale: options.locale ?? 'en',
    }),
    { date, compression: 'DEFLATE' },
  );
  zip.file(REPORT_PATH, renderReportHtml(reportInput(snapshot, options, attachments)), { date, compression: 'DEFLATE' });

  let bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' }, (meta) =>
    options.onProgress?.(0.4 + 0.55 * (meta.percent / 100)),
  );
  if (options.passphrase) bytes = await encryptBundle(bytes, options.passphrase);
  options.onProgress?.(1);
  return { bytes, fileName: bundleFileName(snapshot.workspace.name, options.exportedAt, Boolean(options.passphrase)), manifest };
}

/** What report.html shows: every table the bundle carries, and the paths of the files it carries. */
function reportInput(snapshot: WorkspaceSnapshot, options: ExportOptions, attachments: readonly AttachmentEntry[]): ReportInput {
  const t = snapshot.tables;
  return {
    catalog: options.catalog,
    workspace: snapshot.workspace,
    assessments: (t.assessments ?? []) as never,
    risks: (t.risks ?? []) as never,
    aiSystems: (t.aiSystems ?? []) as never,
    ownControls: (t.ownControls ?? []) as never,
    impactAssessments: (t.impactAssessments ?? []) as never,
    cycleRecords: (t.cycleRecords ?? []) as never,
    evidence: (t.evidence ?? []) as never,
    attachments: new Map(attachments.map((a) => [a.id, a.path])),
    exportedAt: options.exportedAt,
    appVersion: options.appVersion,
    included: {
      soa: Boolean(t.assessments),
      risks: Boolean(t.risks),
      aiSystems: Boolean(t.aiSystems),
      ownControls: Boolean(t.ownControls),
      impactAssessments: Boolean(t.impactAssessments),
      managementSystem: Boolean(t.cycleRecords),
      walkthrough: Boolean(t.assessments),
      evidence: Boolean(t.evidence),
    },
    locale: options.locale ?? 'en',
  };
}

/**
 * "Acme Robotics" on 2026-11-27 → Acme-Robotics-2026-11-27.aims.zip. An encrypted bundle gets a
 * neutral name (aims-bundle-2026-11-27.aims.enc): the file name is not encrypted, and it must not
 * tell a mail server whose data it carries.
 */
export function bundleFileName(workspaceName: string, exportedAt: string, encrypted: boolean): string {
  if (encrypted) return `aims-bundle-${exportedAt.slice(0, 10)}.aims.enc`;
  const slug =
    workspaceName
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'workspace';
  return `${slug}-${exportedAt.slice(0, 10)}.aims.zip`;
}
