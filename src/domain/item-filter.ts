import type { Catalog, CatalogItem, GuidedItem } from './catalog-model';
import { effectiveStatus, type EffectiveStatus } from './assessment-schema';
import type { AssessmentLookup } from './progress';

export interface ItemFilter {
  query: string;
  status: EffectiveStatus | 'all';
  /** 'all', '' for items with no owner, or an owner name. */
  owner: string;
}

export const NO_FILTER: ItemFilter = { query: '', status: 'all', owner: 'all' };

const ID_QUERY = /^a?\.?\d+(\.\d+)*\.?$/i;

/**
 * An id-like query ("6.1", "a.6.2", "A6.2.4") matches ids by prefix only; words match titles, and
 * the guidance once it has loaded (the item page asks for it as it opens).
 */
export function matchesQuery(item: CatalogItem | GuidedItem, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const id = item.id.toLowerCase();
  if (ID_QUERY.test(q)) {
    const wanted = q.replace(/^a\.?/, 'a.').replace(/\.$/, '');
    return id === wanted || id.startsWith(`${wanted}.`);
  }
  const guidance = 'summary' in item ? ` ${item.summary} ${item.questions.join(' ')} ${item.evidence.join(' ')}` : '';
  const haystack = `${id} ${item.title}${guidance}`.toLowerCase();
  return q.split(/\s+/).every((word) => haystack.includes(word));
}

export function filterItems<I extends CatalogItem>(catalog: Catalog<I>, answers: AssessmentLookup, filter: ItemFilter): I[] {
  return catalog.assessable.filter((item) => {
    const a = answers.get(item.id);
    if (filter.status !== 'all' && effectiveStatus(a, item.isControl) !== filter.status) return false;
    if (filter.owner !== 'all' && (a?.owner.trim() ?? '') !== filter.owner) return false;
    return matchesQuery(item, filter.query);
  });
}

/** Distinct owners named anywhere in the workspace, for the owner filter. */
export function ownersOf(answers: AssessmentLookup): string[] {
  const owners = new Set<string>();
  for (const a of answers.values()) if (a.owner.trim()) owners.add(a.owner.trim());
  return [...owners].sort((a, b) => a.localeCompare(b));
}
