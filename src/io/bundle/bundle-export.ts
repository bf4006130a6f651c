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
import { renderReportParts, type ReportInput } from './bundle-report';
import { encryptBundle } from './crypto-container';
import { sha256Hex } from '../sha256';
import { crc32 } from '../zip/zip-crc32';
import { looksIncompressible } from '../zip/zip-probe';
import { localDeflater, ZipBuilder, type Deflater } from '../zip/zip-write';

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
  /**
   * Where the deflating runs (default: this thread). The bundle worker passes a deflate worker's
   * (deflate-remote.ts), so the files compress there while this thread writes the tables and the report.
   */
  deflater?: Deflater;
}

export interface BuiltBundle {
  /** The archive (or the encrypted container) as a Blob of its parts: never copied into one array. */
  blob: Blob;
  fileName: string;
  manifest: Manifest;
}

const encoder = new TextEncoder();

/**
 * Builds the zip: manifest, one canonical JSON file per table, attachments, README.txt and
 * report.html, through the app's own zip writer (zip-write.ts): already-compressed files stored as
 * they are, the rest deflated natively, in `options.deflater`'s thread. The files go first, so their
 * compression runs while this thread writes the tables and renders the report. Deterministic for the
 * same data and exportedAt (sorted keys, records and entries; every entry dated exportedAt).
 */
export async function buildBundle(snapshot: WorkspaceSnapshot, options: ExportOptions): Promise<BuiltBundle> {
  const zip = new ZipBuilder(options.deflater ?? localDeflater, { sorted: true, date: new Date(options.exportedAt) });
  const progress = options.onProgress ?? (() => undefined);
  const attachments = await addAttachments(zip, snapshot, (done) => progress(0.4 * done));

  const tables: Manifest['tables'] = {};
  const add = async (table: BundleTable, records: readonly Record<string, unknown>[]) => {
    const { file } = bundleTables[table];
    const bytes = encoder.encode(canonicalJson(byId(records as { id: string }[])));
    const sha256 = sha256Hex(bytes); // WebCrypto copies the bytes before the deflater takes them
    zip.add(file, bytes);
    tables[table] = { file, count: records.length, sha256: await sha256 };
  };
  await add('workspaces', [snapshot.workspace as unknown as Record<string, unknown>]);
  for (const [table, records] of Object.entries(snapshot.tables) as [BundleTable, Record<string, unknown>[]][]) await add(table, records);
  progress(0.5);
  // Section by section: each is compressed while the next renders.
  const report = zip.entry(REPORT_PATH);
  renderReportParts(reportInput(snapshot, options, attachments), (part) => report.write(encoder.encode(part)));
  report.end();
  progress(0.8);

  const manifest = manifestSchema.parse({
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    appVersion: options.appVersion,
    catalogVersion: options.catalog.catalogVersion,
    exportedAt: options.exportedAt,
    basedOn: snapshot.basedOn,
    workspace: { id: snapshot.workspace.id, name: snapshot.workspace.name },
    tables,
    attachments: await Promise.all(attachments.map(async (a) => ({ ...a, sha256: await a.sha256 }))),
  });
  zip.add(MANIFEST_PATH, canonicalJson(manifest));
  zip.add(
    README_PATH,
    renderReadme({
      workspaceName: snapshot.workspace.name,
      exportedAt: options.exportedAt,
      appVersion: options.appVersion,
      formatVersion: BUNDLE_FORMAT_VERSION,
      locale: options.locale ?? 'en',
    }),
  );

  let blob = await zip.finishBlob();
  if (options.passphrase) {
    // Encryption (AES-GCM in one pass) needs the archive's bytes; the container replaces them.
    const sealed = await encryptBundle(new Uint8Array(await blob.arrayBuffer()), options.passphrase);
    blob = new Blob([sealed as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
  }
  progress(1);
  return { blob, fileName: bundleFileName(snapshot.workspace.name, options.exportedAt, Boolean(options.passphrase)), manifest };
}

/** An attachment entry whose SHA-256 is still being computed. */
type PendingAttachment = Omit<AttachmentEntry, 'sha256'> & { sha256: Promise<string> };

/**
 * Every file of a file evidence record, in id order: read once, hashed (SHA-256 for the manifest,
 * CRC-32 for the zip), then stored as its own Blob (already compressed: PDF, images, Office files…,
 * or of a type we do not know whose samples do not shrink under deflate: encrypted or random bytes)
 * or handed to the deflater.
 */
async function addAttachments(zip: ZipBuilder, snapshot: WorkspaceSnapshot, onFile: (done: number) => void): Promise<PendingAttachment[]> {
  const evidence = new Map(((snapshot.tables.evidence ?? []) as Evidence[]).filter((e) => e.kind === 'file').map((e) => [e.id, e]));
  const out: PendingAttachment[] = [];
  const files = byId(snapshot.files);
  for (const [i, f] of files.entries()) {
    const record = evidence.get(f.id);
    if (!record || record.kind !== 'file') continue;
    const bytes = new Uint8Array(await f.blob.arrayBuffer());
    const path = attachmentPath(f.id, safeFileName(record.fileName));
    const sha256 = sha256Hex(bytes); // copies the bytes before the deflater takes them
    sha256.catch(() => undefined); // awaited with the manifest
    out.push({ id: f.id, path, size: bytes.byteLength, sha256, mediaType: record.mediaType });
    if (isPrecompressed(record.mediaType, record.fileName) || (await looksIncompressible(bytes))) zip.addStoredBlob(path, f.blob, crc32(bytes));
    else zip.add(path, bytes);
    onFile((i + 1) / files.length);
  }
  return out;
}

/** What report.html shows: every table the bundle carries, and the paths of the files it carries. */
function reportInput(snapshot: WorkspaceSnapshot, options: ExportOptions, attachments: readonly Pick<AttachmentEntry, 'id' | 'path'>[]): ReportInput {
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
    dataFiles: { risks: bundleTables.risks.file, aiSystems: bundleTables.aiSystems.file },
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
