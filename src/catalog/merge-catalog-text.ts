import { z } from 'zod';
import { itemIdSchema, itemTextSchema, pickListTextSchema, type CatalogText } from '../domain/catalog-schema';

/**
 * A translation file as the loader accepts it: the shape of a text file, every part optional, so
 * that a partly translated file still loads (a complete one also passes `catalogTextSchema`,
 * which the tests require of every shipped file). Entries are validated as they are.
 */
export const catalogTextOverlaySchema = z.strictObject({
  format: z.literal('aims-workbench-catalog-text'),
  framework: z.string().min(1),
  locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
  catalogVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
  titlesUnofficial: z.boolean().optional(),
  items: z.record(itemIdSchema, itemTextSchema.partial()).default({}),
  pickLists: z.record(z.string(), z.record(z.string(), pickListTextSchema.partial())).default({}),
});
export type CatalogTextOverlay = z.infer<typeof catalogTextOverlaySchema>;

/**
 * Lays a translation over the English text: every item and pick-list entry of the base keeps its
 * id, and each field (title, summary, questions, evidence, label, description) comes from the
 * translation when it has it (a list when it is not empty), else from the base. Items the
 * translation names but the base does not are kept, so that `buildCatalog` reports them as orphans;
 * a mismatched framework or version is taken from the translation for the same reason.
 */
export function mergeCatalogText(base: CatalogText, overlay: CatalogTextOverlay): CatalogText {
  const items: CatalogText['items'] = {};
  for (const [id, b] of Object.entries(base.items)) {
    const o = overlay.items[id] ?? {};
    items[id] = {
      title: o.title ?? b.title,
      summary: o.summary ?? b.summary,
      questions: o.questions && o.questions.length > 0 ? o.questions : b.questions,
      evidence: o.evidence && o.evidence.length > 0 ? o.evidence : b.evidence,
    };
  }
  for (const [id, o] of Object.entries(overlay.items)) {
    if (!(id in items)) items[id] = { title: o.title ?? id, summary: o.summary ?? '', questions: o.questions ?? [], evidence: o.evidence ?? [] };
  }
  const pickLists: CatalogText['pickLists'] = {};
  for (const [name, entries] of Object.entries(base.pickLists)) {
    const list: Record<string, { label: string; description: string }> = {};
    for (const [id, b] of Object.entries(entries)) {
      const o = overlay.pickLists[name]?.[id] ?? {};
      list[id] = { label: o.label ?? b.label, description: o.description ?? b.description };
    }
    pickLists[name] = list;
  }
  // A title that falls back to English is the standard's own, but most are translated: keep the flag.
  return {
    format: base.format,
    framework: overlay.framework,
    locale: overlay.locale,
    catalogVersion: overlay.catalogVersion,
    ...(overlay.titlesUnofficial !== undefined ? { titlesUnofficial: overlay.titlesUnofficial } : {}),
    items,
    pickLists,
  };
}
