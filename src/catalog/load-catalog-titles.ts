import { buildCatalogTitles, type Catalog } from '../domain/catalog-model';
import { catalogStructureSchema, catalogTitlesSchema, type CatalogTitles } from '../domain/catalog-schema';

/** The languages the catalog text ships in. English is complete; any other language falls back to it. */
export type CatalogLocale = 'en' | 'zh-CN';
export const CATALOG_LOCALES: readonly CatalogLocale[] = ['en', 'zh-CN'];

/**
 * The catalog as the start page and the dashboard need it: structure and titles, validated on every
 * load. The `?titles` imports are the text files without their guidance (about 1 KB gzipped instead
 * of 31 KB); the guidance loads with the first item page (load-catalog.ts).
 */
export async function loadCatalogTitles(locale: CatalogLocale = 'en'): Promise<Catalog> {
  const [structure, en, translated] = await Promise.all([
    import('../../catalog/iso42001/structure.json').then((m) => m.default as unknown),
    import('../../catalog/iso42001/en.json?titles').then((m) => m.default),
    locale === 'zh-CN' ? import('../../catalog/iso42001/zh-CN.json?titles').then((m) => m.default) : null,
  ]);
  const base = catalogTitlesSchema.parse(en);
  const text = translated === null ? base : overlayTitles(base, catalogTitlesSchema.parse(translated));
  return buildCatalogTitles(catalogStructureSchema.parse(structure), text);
}

/**
 * A translation's titles and pick-list words over the English ones, as merge-catalog-text.ts lays the
 * whole text: what the translation leaves out stays English, and items only it names are kept so
 * that the catalog build reports them.
 */
function overlayTitles(base: CatalogTitles, overlay: CatalogTitles): CatalogTitles {
  const items: CatalogTitles['items'] = { ...overlay.items };
  for (const [id, b] of Object.entries(base.items)) items[id] = overlay.items[id] ?? b;
  const pickLists: CatalogTitles['pickLists'] = {};
  for (const [name, entries] of Object.entries(base.pickLists)) {
    const list: CatalogTitles['pickLists'][string] = {};
    for (const [id, b] of Object.entries(entries)) list[id] = overlay.pickLists[name]?.[id] ?? b;
    pickLists[name] = list;
  }
  return { ...overlay, format: base.format, items, pickLists };
}
