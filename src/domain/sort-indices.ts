/** A table column's sort key for one row. */
export type SortKey = string | number;

/**
 * Indices of `keys` in ascending order, stable. Numbers compare as numbers; any string makes the whole
 * column compare as text in the UI language's collation (pinyin order in Chinese, numbers in text by value).
 * Text is collated once per distinct value: the rows then sort by the value's rank.
 */
export function sortIndices(keys: readonly SortKey[], locale: string): Uint32Array {
  const n = keys.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const rank = new Float64Array(n);
  if (keys.every((k) => typeof k === 'number')) {
    for (let i = 0; i < n; i++) rank[i] = keys[i] as number;
  } else {
    const text = keys.map(String);
    const distinct = [...new Set(text)].sort(new Intl.Collator(locale, { numeric: true }).compare);
    const rankOf = new Map(distinct.map((v, i) => [v, i]));
    for (let i = 0; i < n; i++) rank[i] = rankOf.get(text[i]!)!;
  }
  return order.sort((a, b) => rank[a]! - rank[b]! || a - b);
}
