import { effectiveStatus, type Assessment } from './assessment-schema';
import type {
  AiActArticle,
  AiActChapter,
  CrosswalkMapping,
  CrosswalkRow,
  CrosswalkStrength,
  EuAiActData,
  RmfCategory,
  RmfData,
  RmfFunction,
  RmfSubcategory,
} from './crosswalk-schema';
import type { Problem } from './problem';

/**
 * Crosswalks from ISO/IEC 42001 items to NIST AI RMF 1.0 subcategories and EU AI Act articles.
 * The mapping is our own judgement (the AI Act part is indicative): guidance, never a conformity claim.
 */
export interface Crosswalk {
  rmf: RmfData;
  euaia: EuAiActData;
  mapping: CrosswalkMapping;
  subcategoryById: ReadonlyMap<string, RmfSubcategory>;
  articleById: ReadonlyMap<string, AiActArticle>;
  chapterById: ReadonlyMap<string, AiActChapter>;
  /** Every row about one 42001 item, in file order. */
  rowsByItem: ReadonlyMap<string, readonly CrosswalkRow[]>;
  /** Every row naming one target, keyed `rmf:GOVERN 1.1` / `euaia:Art.9`. */
  rowsByTarget: ReadonlyMap<string, readonly CrosswalkRow[]>;
  /** The articles at least one row names, in article order: the part of the Act the mapping speaks to. */
  mappedArticles: readonly AiActArticle[];
}

export type CrosswalkProblemCode =
  | 'duplicate-id'
  | 'unknown-function'
  | 'unknown-category'
  | 'bad-article-number'
  | 'unknown-chapter'
  | 'unknown-rmf-subcategory'
  | 'unknown-article'
  | 'unknown-item'
  | 'duplicate-row'
  | 'unknown-parent'
  | 'unknown-theme'
  | 'unknown-27001-id';

/** A problem of the crosswalk's data (the one problem shape): `record` is the item or row, `params.detail` what it names. */
export type CrosswalkProblem = Problem<CrosswalkProblemCode> & { record: string };

export class CrosswalkError extends Error {
  constructor(readonly problems: CrosswalkProblem[]) {
    super(
      `crosswalk is invalid: ${problems.map((p) => `${p.code} ${p.record}${p.params?.detail !== undefined ? ` (${String(p.params.detail)})` : ''}`).join('; ')}`,
    );
    this.name = 'CrosswalkError';
  }
}

const targetKey = (target: CrosswalkRow['target'], id: string) => `${target}:${id}`;

function indexUnique<T extends { id: string }>(list: readonly T[], problems: CrosswalkProblem[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const x of list) {
    if (map.has(x.id)) problems.push({ code: 'duplicate-id', record: x.id });
    map.set(x.id, x);
  }
  return map;
}

/**
 * Joins the three files and checks every reference: the hierarchy of the RMF, the chapters of the Act,
 * every mapped id on both sides (`assessableItems`, when given, are the catalog's assessable ids).
 * Throws with every problem at once.
 */
export function buildCrosswalk(rmf: RmfData, euaia: EuAiActData, mapping: CrosswalkMapping, assessableItems?: ReadonlySet<string>): Crosswalk {
  const problems: CrosswalkProblem[] = [];
  const functionById = indexUnique(rmf.functions, problems);
  const categoryById = indexUnique(rmf.categories, problems);
  for (const c of rmf.categories) {
    if (!functionById.has(c.function) || !c.id.startsWith(`${c.function} `))
      problems.push({ code: 'unknown-function', record: c.id, params: { detail: c.function } });
  }
  const subcategoryById = indexUnique(rmf.subcategories, problems);
  for (const s of rmf.subcategories) {
    const category = categoryById.get(s.category);
    if (!category || category.function !== s.function || !s.id.startsWith(`${s.category}.`))
      problems.push({ code: 'unknown-category', record: s.id, params: { detail: s.category } });
  }
  const chapterById = indexUnique(euaia.chapters, problems);
  const articleById = indexUnique(euaia.articles, problems);
  for (const a of euaia.articles) {
    if (a.id !== `Art.${a.number}`) problems.push({ code: 'bad-article-number', record: a.id, params: { detail: String(a.number) } });
    const chapter = chapterById.get(a.chapter);
    if (!chapter || a.number < chapter.articleRange[0] || a.number > chapter.articleRange[1])
      problems.push({ code: 'unknown-chapter', record: a.id, params: { detail: a.chapter } });
  }
  const rowsByItem = new Map<string, CrosswalkRow[]>();
  const rowsByTarget = new Map<string, CrosswalkRow[]>();
  const seen = new Set<string>();
  for (const row of mapping.rows) {
    const key = `${row.item}|${targetKey(row.target, row.targetId)}`;
    if (seen.has(key)) problems.push({ code: 'duplicate-row', record: row.item, params: { detail: row.targetId } });
    seen.add(key);
    if (assessableItems && !assessableItems.has(row.item)) problems.push({ code: 'unknown-item', record: row.item });
    if (row.target === 'rmf' && !subcategoryById.has(row.targetId))
      problems.push({ code: 'unknown-rmf-subcategory', record: row.item, params: { detail: row.targetId } });
    if (row.target === 'euaia' && !articleById.has(row.targetId))
      problems.push({ code: 'unknown-article', record: row.item, params: { detail: row.targetId } });
    push(rowsByItem, row.item, row);
    push(rowsByTarget, targetKey(row.target, row.targetId), row);
  }
  if (problems.length) throw new CrosswalkError(problems);
  const mappedArticles = euaia.articles.filter((a) => rowsByTarget.has(targetKey('euaia', a.id))).sort((a, b) => a.number - b.number);
  return { rmf, euaia, mapping, subcategoryById, articleById, chapterById, rowsByItem, rowsByTarget, mappedArticles };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const STRENGTH_ORDER: Record<CrosswalkStrength, number> = { strong: 0, partial: 1 };

export interface RelatedSubcategory {
  subcategory: RmfSubcategory;
  strength: CrosswalkStrength;
  basis: string;
}

export interface RelatedArticle {
  article: AiActArticle;
  strength: CrosswalkStrength;
  basis: string;
}

export interface Related {
  rmf: RelatedSubcategory[];
  euaia: RelatedArticle[];
}

/** What one 42001 item relates to: strong relationships first, then in the other framework's own order. */
export function relatedTo(cw: Crosswalk, itemId: string): Related {
  const rows = cw.rowsByItem.get(itemId) ?? [];
  const subOrder = new Map(cw.rmf.subcategories.map((s, i) => [s.id, i]));
  const rmf = rows
    .filter((r) => r.target === 'rmf')
    .map((r) => ({ subcategory: cw.subcategoryById.get(r.targetId)!, strength: r.strength, basis: r.basis }))
    .sort((a, b) => STRENGTH_ORDER[a.strength] - STRENGTH_ORDER[b.strength] || subOrder.get(a.subcategory.id)! - subOrder.get(b.subcategory.id)!);
  const euaia = rows
    .filter((r) => r.target === 'euaia')
    .map((r) => ({ article: cw.articleById.get(r.targetId)!, strength: r.strength, basis: r.basis }))
    .sort((a, b) => STRENGTH_ORDER[a.strength] - STRENGTH_ORDER[b.strength] || a.article.number - b.article.number);
  return { rmf, euaia };
}

/** How far the organization's own work reaches a target: an implemented item wins over one in progress. */
export type CoverageState = 'touched' | 'in-progress' | 'untouched';

export interface CoverageLink {
  item: string;
  strength: CrosswalkStrength;
  status: 'implemented' | 'in-progress';
}

export interface CoverageEntry<T> {
  target: T;
  state: CoverageState;
  /** The implemented and in-progress items that touch it: implemented first, strong before partial. */
  by: CoverageLink[];
}

export interface CoverageCounts {
  total: number;
  touched: number;
  inProgress: number;
  untouched: number;
}

export interface RmfCoverage extends CoverageCounts {
  functions: (CoverageCounts & { fn: RmfFunction; categories: { category: RmfCategory; entries: CoverageEntry<RmfSubcategory>[] }[] })[];
  /** Subcategories no implemented or in-progress item touches, in NIST order. */
  untouchedList: RmfSubcategory[];
}

export interface AiActCoverage extends CoverageCounts {
  /** Chapters with at least one mapped article; articles the mapping never names are left out. */
  chapters: (CoverageCounts & { chapter: AiActChapter; entries: CoverageEntry<AiActArticle>[] })[];
  untouchedList: AiActArticle[];
  /** How many articles of the Act the mapping does not speak to at all (authorities, penalties, amendments …). */
  notMapped: number;
}

export interface Coverage {
  rmf: RmfCoverage;
  euaia: AiActCoverage;
}

function counts(states: readonly CoverageState[]): CoverageCounts {
  const touched = states.filter((s) => s === 'touched').length;
  const inProgress = states.filter((s) => s === 'in-progress').length;
  return { total: states.length, touched, inProgress, untouched: states.length - touched - inProgress };
}

/**
 * Which RMF subcategories and (mapped) AI Act articles the organization's implemented — or, shown apart,
 * in-progress — 42001 items touch, and which none touch. An id in both lists counts as implemented.
 */
export function coverage(cw: Crosswalk, implementedItemIds: Iterable<string>, inProgressItemIds: Iterable<string> = []): Coverage {
  const implemented = new Set(implementedItemIds);
  const inProgress = new Set([...inProgressItemIds].filter((id) => !implemented.has(id)));
  const entry = <T extends { id: string }>(target: CrosswalkRow['target'], t: T): CoverageEntry<T> => {
    const by: CoverageLink[] = [];
    for (const row of cw.rowsByTarget.get(targetKey(target, t.id)) ?? []) {
      if (implemented.has(row.item)) by.push({ item: row.item, strength: row.strength, status: 'implemented' });
      else if (inProgress.has(row.item)) by.push({ item: row.item, strength: row.strength, status: 'in-progress' });
    }
    by.sort((a, b) => (a.status === b.status ? 0 : a.status === 'implemented' ? -1 : 1) || STRENGTH_ORDER[a.strength] - STRENGTH_ORDER[b.strength]);
    const state: CoverageState = by.some((b) => b.status === 'implemented') ? 'touched' : by.length > 0 ? 'in-progress' : 'untouched';
    return { target: t, state, by };
  };

  const subEntries = new Map(cw.rmf.subcategories.map((s) => [s.id, entry('rmf', s)]));
  const functions = cw.rmf.functions.map((fn) => {
    const categories = cw.rmf.categories
      .filter((c) => c.function === fn.id)
      .map((category) => ({ category, entries: cw.rmf.subcategories.filter((s) => s.category === category.id).map((s) => subEntries.get(s.id)!) }));
    return { fn, categories, ...counts(categories.flatMap((c) => c.entries.map((e) => e.state))) };
  });
  const allSub = [...subEntries.values()];

  const articleEntries = cw.mappedArticles.map((a) => entry('euaia', a));
  const chapters = cw.euaia.chapters
    .map((chapter) => {
      const entries = articleEntries.filter((e) => e.target.chapter === chapter.id);
      return { chapter, entries, ...counts(entries.map((e) => e.state)) };
    })
    .filter((c) => c.entries.length > 0);

  return {
    rmf: {
      ...counts(allSub.map((e) => e.state)),
      functions,
      untouchedList: allSub.filter((e) => e.state === 'untouched').map((e) => e.target),
    },
    euaia: {
      ...counts(articleEntries.map((e) => e.state)),
      chapters,
      untouchedList: articleEntries.filter((e) => e.state === 'untouched').map((e) => e.target),
      notMapped: cw.euaia.articles.length - cw.mappedArticles.length,
    },
  };
}

/**
 * The items the organization has implemented or is working on, from its walkthrough answers.
 * A control excluded in the SoA (not applicable) counts as neither.
 */
export function workingItems(
  assessments: readonly Pick<Assessment, 'itemId' | 'status' | 'applicable'>[],
  isControl: (itemId: string) => boolean,
): { implemented: string[]; inProgress: string[] } {
  const implemented: string[] = [];
  const inProgress: string[] = [];
  for (const a of assessments) {
    const status = effectiveStatus(a, isControl(a.itemId));
    if (status === 'implemented') implemented.push(a.itemId);
    else if (status === 'in-progress') inProgress.push(a.itemId);
  }
  return { implemented, inProgress };
}
