import { z } from 'zod';
import { aiSystemSchema } from '../../domain/ai-system-schema';
import { assessmentSchema } from '../../domain/assessment-schema';
import { evidenceSchema } from '../../domain/evidence-schema';
import { impactAssessmentSchema } from '../../domain/impact-assessment-schema';
import { ownControlSchema } from '../../domain/own-control-schema';
import { riskSchema } from '../../domain/risk-schema';
import { workspaceSchema } from '../../domain/workspace-schema';
import { cycleRecordSchema } from '../../domain/cycle/registry';
import { historyEntrySchema } from '../../domain/history';

/** The portable workspace bundle. Documented in docs/bundle-format.md; constants live here only. */
export const BUNDLE_FORMAT = 'aims-workbench-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';
export const README_PATH = 'README.txt';
export const REPORT_PATH = 'report.html';

/**
 * The tables a bundle can carry, each with its file and its current schema. The workspace
 * record itself always travels; the others can be left out by a selective export.
 */
export const bundleTables = {
  workspaces: { file: 'data/workspace.json', schema: workspaceSchema },
  assessments: { file: 'data/assessments.json', schema: assessmentSchema },
  evidence: { file: 'data/evidence.json', schema: evidenceSchema },
  aiSystems: { file: 'data/ai-systems.json', schema: aiSystemSchema },
  risks: { file: 'data/risks.json', schema: riskSchema },
  ownControls: { file: 'data/own-controls.json', schema: ownControlSchema },
  impactAssessments: { file: 'data/impact-assessments.json', schema: impactAssessmentSchema },
  /** The management-system registers (issue 6): one file, `kind` picks each record's schema. Absent from older bundles. */
  cycleRecords: { file: 'data/management-system.json', schema: cycleRecordSchema },
  /**
   * The change history (issue 7): entries of the records a bundle carries and of the workspace.
   * Written only when there are any; absent from older bundles. An import adds the entries it does
   * not have yet, never changes one. Entries may name records the bundle does not carry.
   */
  history: { file: 'data/history.json', schema: historyEntrySchema },
} as const;
export type BundleTable = keyof typeof bundleTables;
export const bundleTableNames = Object.keys(bundleTables) as BundleTable[];

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const safePath = z.string().max(1024);

export const tableEntrySchema = z.strictObject({ file: safePath, count: z.number().int().nonnegative(), sha256: sha256Hex });

export const attachmentEntrySchema = z.strictObject({
  id: z.string().min(1).max(64),
  path: safePath,
  size: z.number().int().nonnegative(),
  sha256: sha256Hex,
  mediaType: z.string().max(255),
});
export type AttachmentEntry = z.infer<typeof attachmentEntrySchema>;

/** What we write: every field present. */
export const manifestSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  appVersion: z.string().max(50),
  catalogVersion: z.string().max(50),
  exportedAt: z.iso.datetime(),
  /** The exportedAt of the bundle this workspace was last exchanged with: the common base for merge conflicts. */
  basedOn: z.iso.datetime().nullable(),
  workspace: z.strictObject({ id: z.string().min(1).max(64), name: z.string().max(200) }),
  tables: z.partialRecord(z.enum(bundleTableNames as [BundleTable, ...BundleTable[]]), tableEntrySchema),
  attachments: z.array(attachmentEntrySchema).max(100_000),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Just enough to route a file to the right restore step before the full check. */
export const manifestHeadSchema = z.object({ format: z.string(), formatVersion: z.number().int() });

/** Attachment paths: attachments/<evidence id>/<safe file name>. */
export function attachmentPath(id: string, fileName: string): string {
  return `attachments/${id}/${fileName}`;
}

/** Already-compressed types are stored, not deflated again. */
const STORED =
  /^(image\/(png|jpeg|gif|webp)|application\/(pdf|zip|gzip|x-7z-compressed|vnd\.openxmlformats-officedocument\..*|vnd\.oasis\.opendocument\..*)|video\/.*|audio\/.*)$/i;
export function isPrecompressed(mediaType: string, fileName: string): boolean {
  return STORED.test(mediaType.split(';')[0]!.trim()) || /\.(png|jpe?g|gif|webp|pdf|zip|gz|7z|docx|xlsx|pptx|odt|ods|mp4|mp3)$/i.test(fileName);
}
