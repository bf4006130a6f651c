import { z } from 'zod';
import { timestampSchema } from './dates';
import { TEXT_MAX } from './fields';

export const MAX_EVIDENCE_FILE_BYTES = 200 * 1024 * 1024;

/** Only web links: a `javascript:` or `data:` URL in evidence would run or render in our origin. */
export const evidenceUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'url-invalid');

export const evidenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    id: z.string().min(1).max(64),
    workspaceId: z.string().min(1).max(64),
    itemId: z.string().min(1).max(20),
    title: z.string().trim().min(1).max(TEXT_MAX),
    kind: z.literal('link'),
    url: evidenceUrlSchema,
    /** Set when the evidence belongs to a management-system record (a document's file, an audit report). */
    recordId: z.string().min(1).max(64).optional(),
    addedAt: timestampSchema,
  }),
  z.strictObject({
    id: z.string().min(1).max(64),
    workspaceId: z.string().min(1).max(64),
    itemId: z.string().min(1).max(20),
    title: z.string().trim().min(1).max(TEXT_MAX),
    kind: z.literal('file'),
    fileName: z.string().min(1).max(255),
    mediaType: z.string().max(255),
    size: z.number().int().nonnegative().max(MAX_EVIDENCE_FILE_BYTES),
    recordId: z.string().min(1).max(64).optional(),
    addedAt: timestampSchema,
  }),
]);
export type Evidence = z.infer<typeof evidenceSchema>;

/**
 * Types a browser shows without running script in our origin. Everything else (HTML, SVG,
 * XML, unknown) is only ever downloaded, so a crafted evidence file cannot read IndexedDB.
 */
const VIEWABLE = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain']);

export function canOpenInBrowser(mediaType: string): boolean {
  return VIEWABLE.has(mediaType.toLowerCase().split(';')[0]!.trim());
}

/** Keeps a file name usable for a download; never a path. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .trim();
  return (cleaned || 'evidence').slice(0, 255);
}
