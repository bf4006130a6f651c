import { catalogStructureSchema, catalogTextSchema } from '../domain/catalog-schema';
import { buildCatalog, type Catalog } from '../domain/catalog-model';

/**
 * The catalog is fetched as its own lazily loaded chunk and validated on every load:
 * a broken catalog build must fail loudly, never show half a walkthrough.
 */
export async function loadCatalog(locale = 'en'): Promise<Catalog> {
  const [structure, text] = await Promise.all([
    import('../../catalog/iso42001/structure.json').then((m) => m.default as unknown),
    loadText(locale),
  ]);
  return buildCatalog(catalogStructureSchema.parse(structure), catalogTextSchema.parse(text));
}

async function loadText(locale: string): Promise<unknown> {
  switch (locale) {
    default:
      return (await import('../../catalog/iso42001/en.json')).default;
  }
}
