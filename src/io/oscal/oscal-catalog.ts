import type { Catalog, GuidedItem } from '../../domain/catalog-model';
import { backMatterLinks, catalogBackMatter, remarksFor, type OscalBackMatter } from './oscal-back-matter';
import { aimsProp, AIMS_NS, compact, OSCAL_FILES, OSCAL_VERSION, oscalControlId, prose, uuidV5, type OscalProp, type OscalVersion } from './oscal-common';

/**
 * The catalog as an OSCAL catalog: ISO/IEC 42001 clause and control numbers and titles, with the
 * guidance written for this project (summary, questions, evidence examples) as parts. Groups are
 * clauses 4–10 and the Annex A objectives (with their sub-groups); every assessable item (32
 * clause items, 38 Annex A controls) is a control. No sentence of the standard is exported.
 */

export interface OscalPart {
  id: string;
  name: string;
  ns?: string;
  title?: string;
  prose?: string;
  parts?: OscalPart[];
}

export interface OscalLink {
  href: string;
  rel?: string;
  text?: string;
}

export interface OscalControl {
  id: string;
  class: string;
  title: string;
  props: OscalProp[];
  links?: OscalLink[];
  parts?: OscalPart[];
}

export interface OscalGroup {
  id: string;
  class: string;
  title: string;
  props: OscalProp[];
  parts?: OscalPart[];
  groups?: OscalGroup[];
  controls?: OscalControl[];
}

export interface OscalMetadata {
  title: string;
  published?: string;
  'last-modified': string;
  version: string;
  'oscal-version': string;
  props?: OscalProp[];
  links?: OscalLink[];
  roles?: { id: string; title: string }[];
  parties?: { uuid: string; type: 'person' | 'organization'; name: string }[];
  'responsible-parties'?: { 'role-id': string; 'party-uuids': string[] }[];
  remarks?: string;
}

export interface OscalCatalogDocument {
  catalog: { uuid: string; metadata: OscalMetadata; groups: OscalGroup[]; 'back-matter': OscalBackMatter };
}

export interface OscalProfileDocument {
  profile: {
    uuid: string;
    metadata: OscalMetadata;
    imports: { href: string; 'include-all': Record<string, never> }[];
    merge: { 'as-is': true };
    'back-matter': OscalBackMatter;
  };
}

export { CATALOG_REMARKS, TRANSLATED_CATALOG_REMARKS } from './oscal-back-matter';

const GROUP_CLASS: Record<string, string> = { 'clause-group': 'clause', objective: 'objective', 'control-group': 'objective' };

/**
 * The item's number as a label, and its place in the standard as a sort-id (OSCAL's own prop for
 * the order, which tools use when they merge or re-sort controls).
 */
function labels(catalog: Catalog<GuidedItem>, item: GuidedItem): OscalProp[] {
  return [
    { name: 'label', value: item.id },
    { name: 'sort-id', value: String(catalog.items.indexOf(item) + 1).padStart(3, '0') },
  ];
}

function guidanceParts(item: GuidedItem): OscalPart[] {
  const id = oscalControlId(item.id);
  const list = (suffix: string, name: string, title: string, entries: readonly string[]): OscalPart[] => {
    const items = entries.flatMap((e, i) => {
      const p = prose(e);
      return p === null ? [] : [{ id: `${id}_${suffix}.${i + 1}`, name: 'item', ns: AIMS_NS, prose: p }];
    });
    return items.length ? [{ id: `${id}_${suffix}`, name, ns: AIMS_NS, title, parts: items }] : [];
  };
  const summary = prose(item.summary);
  return [
    ...(summary === null ? [] : [{ id: `${id}_gdn`, name: 'guidance', prose: summary }]),
    ...list('qst', 'questions', 'Questions to answer', item.questions),
    ...list('evd', 'evidence-examples', 'Evidence an auditor could ask to see', item.evidence),
  ];
}

function control(catalog: Catalog<GuidedItem>, item: GuidedItem): OscalControl {
  const links = item.related.filter((r) => catalog.byId.get(r)?.assessable).map((r) => ({ href: `#${oscalControlId(r)}`, rel: 'related' }));
  return compact({
    id: oscalControlId(item.id),
    class: item.isControl ? 'control' : 'requirement',
    title: item.title,
    props: labels(catalog, item),
    links,
    parts: guidanceParts(item),
  });
}

/**
 * A group holds either sub-groups or controls, never both: the OSCAL metaschema makes them a
 * choice, and the 1.2.1 JSON schema enforces it. Clauses 6, 7 and 9 mix sub-clause headings
 * (6.1, 7.5, 9.2, 9.3) with requirements (6.2, 7.1 …): there the headings are flattened, so
 * clause 6 lists 6.1.1 … 6.1.4, 6.2, 6.3 in the standard's order, and each control taken out of a
 * heading names it in the prop `part-of` ("6.1 Actions to address …").
 */
function group(catalog: Catalog<GuidedItem>, item: GuidedItem): OscalGroup {
  const children = catalog.children.get(item.id) ?? [];
  const summary = prose(item.summary);
  const id = oscalControlId(item.id);
  const mixed = children.some((c) => c.assessable) && children.some((c) => !c.assessable);
  return compact({
    id,
    class: GROUP_CLASS[item.kind] ?? 'group',
    title: item.title,
    props: labels(catalog, item),
    parts: summary === null ? [] : [{ id: `${id}_gdn`, name: 'overview', ns: AIMS_NS, prose: summary }],
    groups: mixed ? [] : children.filter((c) => !c.assessable).map((c) => group(catalog, c)),
    controls: mixed ? flatControls(catalog, children, []) : children.filter((c) => c.assessable).map((c) => control(catalog, c)),
  });
}

/** The assessable items under these children, in the standard's order, each naming the headings it sat under. */
function flatControls(catalog: Catalog<GuidedItem>, children: readonly GuidedItem[], headings: readonly GuidedItem[]): OscalControl[] {
  return children.flatMap((c) => {
    if (!c.assessable) return flatControls(catalog, catalog.children.get(c.id) ?? [], [...headings, c]);
    const ctl = control(catalog, c);
    return [{ ...ctl, props: [...ctl.props, ...headings.flatMap((h) => aimsProp('part-of', `${h.id} ${h.title}`))] }];
  });
}

export interface OscalExportOptions {
  /** ISO timestamp with time zone: becomes metadata last-modified. */
  exportedAt: string;
  /** metadata oscal-version; the content is the same for every supported version. Default OSCAL_VERSION. */
  oscalVersion?: OscalVersion;
}

export async function buildOscalCatalog(catalog: Catalog<GuidedItem>, options: OscalExportOptions): Promise<OscalCatalogDocument> {
  const backMatter = await catalogBackMatter(catalog);
  return {
    catalog: {
      uuid: await uuidV5(`catalog/${catalog.frameworkId}/${catalog.locale}`),
      metadata: {
        title: `${catalog.frameworkName}:2023 — clauses and Annex A controls, with AIMS Workbench guidance`,
        'last-modified': options.exportedAt,
        version: catalog.catalogVersion,
        'oscal-version': options.oscalVersion ?? OSCAL_VERSION,
        props: [
          { name: 'framework', ns: AIMS_NS, value: catalog.frameworkId },
          { name: 'locale', ns: AIMS_NS, value: catalog.locale },
        ],
        links: backMatterLinks(backMatter),
        remarks: remarksFor(catalog),
      },
      groups: catalog.topGroups.map((g) => group(catalog, g)),
      'back-matter': backMatter,
    },
  };
}

/**
 * The baseline an SSP imports: every control of the catalog. The SoA's exclusions stay in the
 * SSP, as implementation status "not-applicable" with their justification, rather than being
 * tailored away here, where their reasons would be lost.
 */
export async function buildOscalProfile(catalog: Catalog, options: OscalExportOptions): Promise<OscalProfileDocument> {
  const backMatter = await catalogBackMatter(catalog);
  return {
    profile: {
      uuid: await uuidV5(`profile/${catalog.frameworkId}/${catalog.locale}/all`),
      metadata: {
        title: `${catalog.frameworkName}:2023 — every clause item and Annex A control (baseline for the Statement of Applicability)`,
        'last-modified': options.exportedAt,
        version: catalog.catalogVersion,
        'oscal-version': options.oscalVersion ?? OSCAL_VERSION,
        links: backMatterLinks(backMatter),
        remarks: `Selects all ${catalog.assessable.length} controls of ${OSCAL_FILES.catalog} unchanged. ${remarksFor(catalog)}`,
      },
      imports: [{ href: OSCAL_FILES.catalog, 'include-all': {} }],
      merge: { 'as-is': true },
      'back-matter': backMatter,
    },
  };
}
