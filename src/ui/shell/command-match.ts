import type { SearchEntry } from '../../state/search-index';

export const PER_GROUP = 8;
const GROUP_ORDER: readonly SearchEntry['group'][] = ['pages', 'items', 'records'];

/**
 * What the command box lists for a query: an exact number or ref first ("A.8.3", "R-002"), then the
 * numbers and refs it begins, then labels that begin with it, then every entry holding all its words.
 * Grouped (pages, clauses and controls, records; the group of the best match first), at most PER_GROUP a group, in the order given within a score.
 */
export function matchEntries(entries: readonly SearchEntry[], query: string): { group: SearchEntry['group']; entries: SearchEntry[] }[] {
  const q = query.trim().toLowerCase();
  const words = q.split(/\s+/u).filter(Boolean);
  const scored: { e: SearchEntry; score: number; i: number }[] = [];
  entries.forEach((e, i) => {
    if (!q) {
      if (e.group === 'pages' && e.to.name !== 'register') scored.push({ e, score: 0, i });
      return;
    }
    const code = e.code.toLowerCase();
    const label = e.label.toLowerCase();
    const hay = `${label} ${e.detail.toLowerCase()}`;
    let score = 0;
    if (code && code === q) score = 100;
    else if (code && code.startsWith(q)) score = 80 - Math.min(code.length - q.length, 20);
    else if (label.startsWith(q)) score = 60;
    else if (words.every((w) => hay.includes(w))) score = label.includes(q) ? 40 : 20;
    if (score > 0) scored.push({ e, score, i });
  });
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  // The group holding the best match comes first, so Enter on the first option opens it.
  const best = (g: SearchEntry['group']) => scored.find((s) => s.e.group === g)?.score ?? -1;
  return [...GROUP_ORDER]
    .sort((a, b) => best(b) - best(a) || GROUP_ORDER.indexOf(a) - GROUP_ORDER.indexOf(b))
    .map((group) => ({
      group,
      entries: scored
        .filter((s) => s.e.group === group)
        .slice(0, PER_GROUP)
        .map((s) => s.e),
    }))
    .filter((g) => g.entries.length > 0);
}
