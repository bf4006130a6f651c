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

/**
 * Further catalog items the same evidence serves, linked to it instead of being attached again (an ISMS
 * policy that is evidence for 5.2 and A.2.2). `itemId` stays the item it was first attached to. Absent
 * when there are none, so records and bundles written before it read unchanged (docs/evidence-links.md).
 */
const linkedItemIdsSchema = z.array(z.string().min(1).max(20)).min(1).max(200).optional();

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
    linkedItemIds: linkedItemIdsSchema,
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
    linkedItemIds: linkedItemIdsSchema,
    addedAt: timestampSchema,
  }),
]);
export type Evidence = z.infer<typeof evidenceSchema>;

/** Every item the evidence serves: the one it was attached to first, then those linked to it. */
export function evidenceItemIds(e: Pick<Evidence, 'itemId' | 'linkedItemIds'>): string[] {
  return [e.itemId, ...(e.linkedItemIds ?? [])];
}

export function servesItem(e: Pick<Evidence, 'itemId' | 'linkedItemIds'>, itemId: string): boolean {
  return e.itemId === itemId || (e.linkedItemIds?.includes(itemId) ?? false);
}

/**
 * The evidence once `itemId` no longer uses it: a linked item is dropped from the list; the item it was
 * attached to hands over to the first linked one. Null when no item would be left (then it is deleted,
 * with its file). The file is never touched while another item still uses it.
 */
export function withoutItem<E extends Evidence>(e: E, itemId: string): E | null {
  const rest = evidenceItemIds(e).filter((id) => id !== itemId);
  if (rest.length === 0) return null;
  const [first, ...linked] = rest as [string, ...string[]];
  const { linkedItemIds: _old, ...base } = e;
  return (linked.length > 0 ? { ...base, itemId: first, linkedItemIds: linked } : { ...base, itemId: first }) as E;
}

/** The evidence with one more item linked (unchanged when it already serves that item). */
export function withItem<E extends Evidence>(e: E, itemId: string): E {
  return servesItem(e, itemId) ? e : { ...e, linkedItemIds: [...(e.linkedItemIds ?? []), itemId] };
}

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
