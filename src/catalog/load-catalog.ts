import { catalogStructureSchema, catalogTextSchema, type CatalogText } from '../domain/catalog-schema';
import { buildCatalog, type Catalog, type GuidedItem } from '../domain/catalog-model';
import type { CatalogLocale } from './load-catalog-titles';

export { CATALOG_LOCALES, type CatalogLocale } from './load-catalog-titles';

/**
 * The catalog with its guidance, for the item pages and the OSCAL catalog: this module and the text
 * are lazy chunks that the start page never fetches (it loads titles only, load-catalog-titles.ts).
 * The text is validated on every load: a broken catalog build must fail loudly, never show half a walkthrough.
 *
 * A translation is its own lazy chunk too (never part of the first screen when English is shown),
 * and is laid over the English text item by item and field by field: whatever the translation
 * leaves out is shown in English (see merge-catalog-text.ts).
 */
export async function loadCatalog(locale: CatalogLocale = 'en'): Promise<Catalog<GuidedItem>> {
  const [structure, text, translate] = await Promise.all([
    import('../../catalog/iso42001/structure.json').then((m) => m.default as unknown),
    import('../../catalog/iso42001/en.json').then((m) => m.default as unknown),
    loadTranslation(locale),
  ]);
  const base = catalogTextSchema.parse(text);
  return buildCatalog(catalogStructureSchema.parse(structure), translate ? translate(base) : base);
}

async function loadTranslation(locale: CatalogLocale): Promise<((base: CatalogText) => CatalogText) | null> {
  switch (locale) {
    case 'zh-CN': {
      // Through modules, not the JSON itself: the Chinese text and the merge code are fetched only when Chinese is chosen.
      const [{ zhCnText }, { mergeCatalogText, catalogTextOverlaySchema }] = await Promise.all([import('./zh-cn-text'), import('./merge-catalog-text')]);
      const overlay = catalogTextOverlaySchema.parse(zhCnText);
      return (base) => mergeCatalogText(base, overlay);
    }
    case 'en':
      return null;
  }
}
