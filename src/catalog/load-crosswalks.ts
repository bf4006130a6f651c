import { crosswalkMappingSchema, euAiActDataSchema, rmfDataSchema } from '../domain/crosswalk-schema';
import { buildCrosswalk, type Crosswalk } from '../domain/crosswalk';

/**
 * The crosswalk data (NIST AI RMF 1.0, the EU AI Act's articles and our mapping from ISO/IEC 42001)
 * is its own lazily loaded chunk, fetched only by the pages that show it, and validated on every
 * load like the catalog (schemas, then every mapped RMF subcategory and article must exist; that every
 * mapped 42001 item exists and is assessable is pinned by tests/unit/crosswalk.test.ts). One load per
 * page session; a failed load is retried on the next call.
 */
let loading: Promise<Crosswalk> | null = null;

export function loadCrosswalks(): Promise<Crosswalk> {
  loading ??= Promise.all([
    import('../../catalog/crosswalks/nist-ai-rmf-1.0.json').then((m) => m.default as unknown),
    import('../../catalog/crosswalks/eu-ai-act-2024-1689.json').then((m) => m.default as unknown),
    import('../../catalog/crosswalks/iso42001-crosswalk.json').then((m) => m.default as unknown),
  ])
    .then(([rmf, euaia, mapping]) => buildCrosswalk(rmfDataSchema.parse(rmf), euAiActDataSchema.parse(euaia), crosswalkMappingSchema.parse(mapping)))
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}
