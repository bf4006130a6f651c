import type { Catalog } from '../../domain/catalog-model';
import { AIMS_NS, uuidV5, type OscalProp } from './oscal-common';

/**
 * The back-matter of the exported catalog and profile: where the catalog comes from, and that its
 * guidance is ours, not the standard's. The same words are the metadata remarks; as resources they
 * travel with the document into tools that show back-matter but not remarks, and the metadata
 * links to them.
 */

export interface OscalResource {
  uuid: string;
  title: string;
  description: string;
  props?: OscalProp[];
  citation?: { text: string };
  remarks?: string;
}

export interface OscalBackMatter {
  resources: OscalResource[];
}

/** The standard the numbers and titles identify (the 2023 edition: it has no amendment). */
export const STANDARD_CITATION = 'ISO/IEC 42001:2023, Information technology — Artificial intelligence — Management system (ISO and IEC, 2023)';

export const CATALOG_REMARKS =
  'Clause and control numbers and titles are those of ISO/IEC 42001:2023, published by ISO and IEC. ' +
  'The summaries, questions and evidence examples are guidance written for AIMS Workbench: they are not the text of the standard ' +
  'and do not replace it. Read the standard itself for its requirements.';

/** For a catalog whose titles are our translation (e.g. Simplified Chinese): they are not ISO's wording. */
export const TRANSLATED_CATALOG_REMARKS =
  'Clause and control numbers are those of ISO/IEC 42001:2023, published by ISO and IEC; the titles in this ' +
  'catalog are an unofficial translation made for AIMS Workbench, not ISO wording. ' +
  'The summaries, questions and evidence examples are guidance written for AIMS Workbench: they are not the text of the standard ' +
  'and do not replace it. Read the standard itself for its requirements.';

export const remarksFor = (catalog: Catalog): string => (catalog.titlesUnofficial ? TRANSLATED_CATALOG_REMARKS : CATALOG_REMARKS);

function provenanceText(catalog: Catalog): string {
  const titles = catalog.titlesUnofficial
    ? 'Clause and control numbers: ISO/IEC 42001:2023. Titles: an unofficial translation made for AIMS Workbench.'
    : 'Clause and control numbers and titles: ISO/IEC 42001:2023.';
  return (
    `${titles} The structure (32 clause items, 38 Annex A controls) was checked against several independent public sources. ` +
    `Summaries, questions and evidence examples: written for AIMS Workbench in its own words (catalog version ${catalog.catalogVersion}, ` +
    `language ${catalog.locale}); nothing is copied from the standard or from another tool's catalog.`
  );
}

/** The two resources, with UUIDs that depend only on the catalog (two exports give the same back-matter). */
export async function catalogBackMatter(catalog: Catalog): Promise<OscalBackMatter> {
  const key = `back-matter/${catalog.frameworkId}/${catalog.locale}`;
  return {
    resources: [
      {
        uuid: await uuidV5(`${key}/provenance`),
        title: 'Provenance of this catalog',
        description: provenanceText(catalog),
        props: [
          { name: 'framework', ns: AIMS_NS, value: catalog.frameworkId },
          { name: 'edition', ns: AIMS_NS, value: '2023' },
          { name: 'catalog-version', ns: AIMS_NS, value: catalog.catalogVersion },
          { name: 'locale', ns: AIMS_NS, value: catalog.locale },
        ],
        citation: { text: STANDARD_CITATION },
      },
      {
        uuid: await uuidV5(`${key}/not-iso-text`),
        title: 'The guidance is not ISO text',
        description: remarksFor(catalog),
      },
    ],
  };
}

/** Metadata links to the back-matter resources (OSCAL's `#uuid` reference). */
export const backMatterLinks = (backMatter: OscalBackMatter) => backMatter.resources.map((r) => ({ href: `#${r.uuid}`, rel: 'reference', text: r.title }));
