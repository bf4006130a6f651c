import { crosswalkMappingSchema, euAiActDataSchema, rmfDataSchema } from '../domain/crosswalk-schema';
import { buildCrosswalk, type Crosswalk } from '../domain/crosswalk';
import { buildIso27001Crosswalk, type Iso27001Crosswalk } from '../domain/crosswalk-iso27001';
import { iso27001DataSchema, iso27001MappingSchema } from '../domain/crosswalk-iso27001-schema';

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

/**
 * The ISO/IEC 27001:2022 crosswalk (clause and control numbers and titles, and our mapping from 42001
 * items) is a chunk of its own, loaded by the same pages and by the ISMS evidence marks; validated the
 * same way (tests/unit/crosswalk-iso27001.test.ts pins the 42001 side).
 */
let loading27001: Promise<Iso27001Crosswalk> | null = null;

export function loadIso27001Crosswalk(): Promise<Iso27001Crosswalk> {
  loading27001 ??= Promise.all([
    import('../../catalog/crosswalks/iso-iec-27001-2022.json').then((m) => m.default as unknown),
    import('../../catalog/crosswalks/iso42001-iso27001-crosswalk.json').then((m) => m.default as unknown),
  ])
    .then(([data, mapping]) => buildIso27001Crosswalk(iso27001DataSchema.parse(data), iso27001MappingSchema.parse(mapping)))
    .catch((error: unknown) => {
      loading27001 = null;
      throw error;
    });
  return loading27001;
}
