/**
 * Register order of refs and of names that start with one: R-2 before R-10, as a collator with
 * numeric ordering sorts them. Refs of one register share a prefix before their number (R-001 …
 * R-10000), and where two strings have the same text before their first number and numbers of
 * different value, those numbers decide: compared here digit by digit, without the collator, which
 * costs about a microsecond a comparison (sorting 10,000 risks four times for a dashboard held the
 * page for half a second). Anything else, and numbers of equal value written differently (R-01,
 * R-1), goes to the collator.
 */
const isDigit = (c: number) => c >= 48 && c <= 57;

/** Longer runs go to the collator (it splits very long numbers its own way). */
const MAX_DIGITS = 15;

/** A comparison in `collator`'s order (made with `numeric: true`), with the fast path above. */
export function numberedOrder(collator: Intl.Collator): (x: string, y: string) => number {
  return (x, y) => {
    const n = Math.min(x.length, y.length);
    let i = 0;
    while (i < n && x.charCodeAt(i) === y.charCodeAt(i) && !isDigit(x.charCodeAt(i))) i++;
    if (i < n && isDigit(x.charCodeAt(i)) && isDigit(y.charCodeAt(i))) {
      let ex = i;
      while (ex < x.length && isDigit(x.charCodeAt(ex))) ex++;
      let ey = i;
      while (ey < y.length && isDigit(y.charCodeAt(ey))) ey++;
      // Past the leading zeros (the last digit stays).
      let p = i;
      while (p < ex - 1 && x.charCodeAt(p) === 48) p++;
      let q = i;
      while (q < ey - 1 && y.charCodeAt(q) === 48) q++;
      const lx = ex - p;
      const ly = ey - q;
      if (lx <= MAX_DIGITS && ly <= MAX_DIGITS) {
        if (lx !== ly) return lx < ly ? -1 : 1;
        for (let k = 0; k < lx; k++) {
          const d = x.charCodeAt(p + k) - y.charCodeAt(q + k);
          if (d !== 0) return d < 0 ? -1 : 1;
        }
      }
    }
    return collator.compare(x, y);
  };
}

/** Register order of refs, as an English numeric collator sorts them. */
export const compareRefText = numberedOrder(new Intl.Collator('en', { numeric: true }));

/**
 * Rows in register order (compareRefText on their refs), sorted by each ref's number read once when
 * every ref is one prefix and a number (R-001 … R-50000): 50,000 risks take milliseconds instead of
 * 800,000 comparisons of text. Equal numbers, and refs of any other shape, go to compareRefText.
 */
export function inRefOrder<T extends { ref: string }>(rows: readonly T[]): T[] {
  const n = rows.length;
  const num = new Float64Array(n);
  const prefix = /^(\D*)/.exec(rows[0]?.ref ?? '')?.[1] ?? '';
  const shape = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d{1,${MAX_DIGITS}})$`);
  for (let i = 0; i < n; i++) {
    const m = shape.exec(rows[i]!.ref);
    if (!m) return [...rows].sort((a, b) => compareRefText(a.ref, b.ref));
    num[i] = Number(m[1]);
  }
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => num[a]! - num[b]! || compareRefText(rows[a]!.ref, rows[b]!.ref));
  return Array.from(idx, (i) => rows[i]!);
}
