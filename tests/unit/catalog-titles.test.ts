import { describe, expect, it } from 'vitest';
import structure from '../../catalog/iso42001/structure.json';
import enTitles from '../../catalog/iso42001/en.json?titles';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { loadCatalogTitles } from '../../src/catalog/load-catalog-titles';
import { buildCatalogTitles, CatalogError, type Catalog } from '../../src/domain/catalog-model';
import { catalogStructureSchema, catalogTitlesSchema } from '../../src/domain/catalog-schema';

/** What a page showing titles only sees of a catalog: every item's place and title, and the pick lists. */
function outline(c: Catalog) {
  return {
    meta: [c.frameworkId, c.catalogVersion, c.locale, c.titlesUnofficial],
    items: c.items.map((i) => [i.id, i.kind, i.parent, i.topGroup, i.title, i.related.join(' '), i.assessable, i.isControl]),
    assessable: c.assessable.map((i) => i.id),
    pickLists: c.pickLists,
  };
}

describe('the catalog with titles only (the first screen)', () => {
  it('the ?titles import is the text file without its guidance', () => {
    const items = (enTitles as { items: Record<string, object> }).items;
    expect(Object.keys(items).length).toBeGreaterThan(80);
    for (const [id, item] of Object.entries(items)) expect(Object.keys(item), id).toEqual(['title']);
    expect(JSON.stringify(enTitles).length).toBeLessThan(20_000);
  });

  it.each(['en', 'zh-CN'] as const)('in %s, has every item, title and pick-list word of the catalog with guidance, and no guidance', async (locale) => {
    const [titles, guided] = await Promise.all([loadCatalogTitles(locale), loadCatalog(locale)]);
    expect(outline(titles)).toEqual(outline(guided));
    expect(titles.byId.get('6.1.3')).not.toHaveProperty('summary');
    expect(guided.byId.get('6.1.3')?.summary.length).toBeGreaterThan(20);
  });

  it('refuses a titles file that misses an item, like the whole text', () => {
    const text = catalogTitlesSchema.parse(enTitles);
    delete text.items['6.1.3'];
    expect(() => buildCatalogTitles(catalogStructureSchema.parse(structure), text)).toThrow(CatalogError);
  });
});
