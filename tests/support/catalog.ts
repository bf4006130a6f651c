import structure from '../../catalog/iso42001/structure.json';
import text from '../../catalog/iso42001/en.json';
import { buildCatalog, type Catalog, type GuidedItem } from '../../src/domain/catalog-model';
import { catalogStructureSchema, catalogTextSchema } from '../../src/domain/catalog-schema';

/** The shipped catalog, loaded the way the app loads it. */
export function shippedCatalog(): Catalog<GuidedItem> {
  return buildCatalog(catalogStructureSchema.parse(structure), catalogTextSchema.parse(text));
}
