import type { CatalogStructure, CatalogText, CatalogTitles, ItemKind } from './catalog-schema';
import type { Problem } from './problem';

export interface CatalogItem {
  id: string;
  kind: ItemKind;
  parent: string | null;
  /** The top-level group: a clause ("4" … "10") or an Annex A objective ("A.2" … "A.10"). */
  topGroup: string;
  title: string;
  /** Related assessable items, symmetric: if a names b, b names a. */
  related: string[];
  assessable: boolean;
  isControl: boolean;
}

/** The walkthrough's guidance on an item: only its page (and the OSCAL catalog) shows it, so it loads with them, not at start. */
export interface ItemGuidance {
  summary: string;
  questions: string[];
  evidence: string[];
}
export type GuidedItem = CatalogItem & ItemGuidance;

export interface PickListEntry {
  id: string;
  label: string;
  description: string;
}

/** The catalog: every item with its title; `Catalog<GuidedItem>` also carries the guidance (see load-catalog.ts). */
export interface Catalog<I extends CatalogItem = CatalogItem> {
  frameworkId: string;
  frameworkName: string;
  catalogVersion: string;
  locale: string;
  /** The titles are our own, unofficial translation of the standard's titles (zh-CN); false for the standard's own (en). */
  titlesUnofficial: boolean;
  /** Every item in document order. */
  items: I[];
  byId: ReadonlyMap<string, I>;
  /** The walkthrough path: clause items, then Annex A controls. */
  assessable: I[];
  clauseItems: I[];
  controls: I[];
  /** Clauses 4–10 and Annex A objectives A.2–A.10, in order. */
  topGroups: I[];
  children: ReadonlyMap<string, I[]>;
  pickLists: Record<string, PickListEntry[]>;
}

export type CatalogProblemCode =
  | 'version-mismatch'
  | 'duplicate-id'
  | 'unknown-parent'
  | 'bad-parent-kind'
  | 'missing-text'
  | 'orphan-text'
  | 'unknown-related'
  | 'related-not-assessable'
  | 'related-self'
  | 'guidance-too-thin'
  | 'pick-list-text-missing';

/** A problem of the catalog's data (the one problem shape): `record` is the item or row, `params.detail` what it names. */
export type CatalogProblem = Problem<CatalogProblemCode> & { record: string };

export class CatalogError extends Error {
  constructor(readonly problems: CatalogProblem[]) {
    super(
      `catalog is invalid: ${problems.map((p) => `${p.code} ${p.record}${p.params?.detail !== undefined ? ` (${String(p.params.detail)})` : ''}`).join('; ')}`,
    );
    this.name = 'CatalogError';
  }
}

const ASSESSABLE: ReadonlySet<ItemKind> = new Set(['clause', 'control']);
const ALLOWED_PARENT: Record<ItemKind, ReadonlySet<ItemKind | 'none'>> = {
  'clause-group': new Set(['none', 'clause-group']),
  clause: new Set(['clause-group']),
  objective: new Set(['none']),
  'control-group': new Set(['objective']),
  control: new Set(['objective', 'control-group']),
};

/** Each assessable item needs enough guidance to be useful to someone new to the standard. */
const MIN_GUIDANCE = 3;
const MAX_GUIDANCE = 6;

/** Joins structure and text (titles and guidance), checks every cross-reference, and returns the model or throws with every problem. */
export function buildCatalog(structure: CatalogStructure, text: CatalogText): Catalog<GuidedItem> {
  const thin: CatalogProblem[] = [];
  for (const item of structure.items) {
    const t = text.items[item.id];
    if (!t || !ASSESSABLE.has(item.kind)) continue;
    for (const list of [t.questions, t.evidence]) {
      if (list.length < MIN_GUIDANCE || list.length > MAX_GUIDANCE) {
        thin.push({ code: 'guidance-too-thin', record: item.id, params: { detail: `${list.length} entries` } });
      }
    }
  }
  return assemble(structure, text, (item, t) => ({ ...item, summary: t.summary, questions: t.questions, evidence: t.evidence }), thin);
}

/** The same model with titles only (what the start page and the dashboard need), from a titles file (see catalog-titles.ts). */
export function buildCatalogTitles(structure: CatalogStructure, text: CatalogTitles): Catalog {
  return assemble(structure, text, (item) => item);
}

type TextOf<T extends { title: string }> = Omit<CatalogText, 'items'> & { items: Record<string, T> };

function assemble<T extends { title: string }, I extends CatalogItem>(
  structure: CatalogStructure,
  text: TextOf<T>,
  make: (item: CatalogItem, t: T) => I,
  problems: CatalogProblem[] = [],
): Catalog<I> {
  if (structure.catalogVersion !== text.catalogVersion || structure.framework.id !== text.framework) {
    problems.push({ code: 'version-mismatch', record: text.locale, params: { detail: `${text.framework}@${text.catalogVersion}` } });
  }
  const kinds = new Map<string, ItemKind>();
  for (const item of structure.items) {
    if (kinds.has(item.id)) problems.push({ code: 'duplicate-id', record: item.id });
    kinds.set(item.id, item.kind);
  }
  for (const item of structure.items) {
    const parentKind = item.parent === null ? 'none' : kinds.get(item.parent);
    if (parentKind === undefined) problems.push({ code: 'unknown-parent', record: item.id, params: { detail: item.parent ?? '' } });
    else if (!ALLOWED_PARENT[item.kind].has(parentKind)) problems.push({ code: 'bad-parent-kind', record: item.id });
    const t = text.items[item.id];
    if (!t) problems.push({ code: 'missing-text', record: item.id });
    for (const r of item.related) {
      const k = kinds.get(r);
      if (r === item.id) problems.push({ code: 'related-self', record: item.id });
      else if (!k) problems.push({ code: 'unknown-related', record: item.id, params: { detail: r } });
      else if (!ASSESSABLE.has(k)) problems.push({ code: 'related-not-assessable', record: item.id, params: { detail: r } });
    }
  }
  for (const id of Object.keys(text.items)) {
    if (!kinds.has(id)) problems.push({ code: 'orphan-text', record: id });
  }
  const pickLists: Record<string, PickListEntry[]> = {};
  for (const [name, entries] of Object.entries(structure.pickLists)) {
    pickLists[name] = entries.map((e) => {
      const t = text.pickLists[name]?.[e.id];
      if (!t) problems.push({ code: 'pick-list-text-missing', record: `${name}/${e.id}` });
      return { id: e.id, label: t?.label ?? e.id, description: t?.description ?? '' };
    });
  }
  if (problems.length > 0) throw new CatalogError(problems);

  const relatedSets = new Map<string, Set<string>>();
  for (const item of structure.items) relatedSets.set(item.id, new Set());
  for (const item of structure.items) {
    for (const r of item.related) {
      relatedSets.get(item.id)?.add(r);
      relatedSets.get(r)?.add(item.id);
    }
  }
  const order = new Map(structure.items.map((it, i) => [it.id, i]));
  const byOrder = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);

  const items: I[] = [];
  const byId = new Map<string, I>();
  for (const s of structure.items) {
    const t = text.items[s.id]!;
    const parentItem = s.parent ? byId.get(s.parent) : undefined;
    const item = make(
      {
        id: s.id,
        kind: s.kind,
        parent: s.parent,
        topGroup: parentItem ? parentItem.topGroup : s.id,
        title: t.title,
        related: [...(relatedSets.get(s.id) ?? [])].sort(byOrder),
        assessable: ASSESSABLE.has(s.kind),
        isControl: s.kind === 'control',
      },
      t,
    );
    items.push(item);
    byId.set(item.id, item);
  }
  const children = new Map<string, I[]>();
  for (const item of items) {
    if (item.parent === null) continue;
    const list = children.get(item.parent) ?? [];
    list.push(item);
    children.set(item.parent, list);
  }
  const clauseItems = items.filter((i) => i.kind === 'clause');
  const controls = items.filter((i) => i.kind === 'control');
  return {
    frameworkId: structure.framework.id,
    frameworkName: structure.framework.name,
    catalogVersion: structure.catalogVersion,
    locale: text.locale,
    titlesUnofficial: text.titlesUnofficial ?? false,
    items,
    byId,
    assessable: [...clauseItems, ...controls],
    clauseItems,
    controls,
    topGroups: items.filter((i) => i.parent === null),
    children,
    pickLists,
  };
}

/** Previous and next item on the walkthrough path. */
export function neighbours<I extends CatalogItem>(catalog: Catalog<I>, id: string): { prev: I | null; next: I | null } {
  const i = catalog.assessable.findIndex((it) => it.id === id);
  if (i < 0) return { prev: null, next: null };
  return { prev: catalog.assessable[i - 1] ?? null, next: catalog.assessable[i + 1] ?? null };
}
