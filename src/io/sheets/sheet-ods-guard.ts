/**
 * ODS compresses repeated cells and rows into attributes (table:number-columns-repeated,
 * table:number-rows-repeated), and SheetJS expands them cell by cell, ignoring sheetRows for a
 * row block that starts above the limit: a 3 KB file can ask for billions of cells. Before
 * SheetJS sees content.xml, this counts (from above) the cells its parser would create.
 *
 * It tokenises the way SheetJS's ODS parser does (same tag regex, comments and DOCTYPE removed the
 * same way, local tag names cut at "_") so no tag hides from it, and for each repeat it takes the
 * largest value any "…rows-repeated" / "…columns-repeated" attribute of the tag could give, read
 * both as SheetJS does (unary plus for rows, parseInt for columns).
 */

// Copied from SheetJS 0.20.3 (xlmlregex): the same tokens, or a tag could hide from the count.
const TAG = /<([/]?)([^\s?><!/:"]*:|)([^\s?<>:/"]+)(?:\s+[^<>=?"'\s]+="[^"]*?")*\s*[/]?>/gm;
const ATTRIBUTE = /([^\s=]+)\s*=\s*"([^"]*)"/g;

/** SheetJS's str_remove_ng(str, "<!--", "-->"): an unclosed comment drops the rest. */
function removeComments(str: string): string {
  let si = str.indexOf('<!--');
  if (si === -1) return str;
  const out: string[] = [];
  let last = 0;
  while (si > -1) {
    out.push(str.slice(last, si));
    const ei = str.indexOf('-->', si + 4);
    if (ei === -1) break;
    last = ei + 3;
    si = str.indexOf('<!--', last);
    if (si === -1) out.push(str.slice(last));
  }
  return out.join('');
}

/** SheetJS's remove_doctype. */
function removeDoctype(str: string): string {
  const si = str.slice(0, 1024).indexOf('<!DOCTYPE');
  if (si === -1) return str;
  const m = /<[\w]/.exec(str);
  return m ? str.slice(0, si) + str.slice(m.index) : str;
}

/** The largest count any attribute whose name contains `part` could mean (1 when none). */
function maxRepeat(tag: string, part: string): number {
  let max = 1;
  for (const m of tag.matchAll(ATTRIBUTE)) {
    if (!m[1]!.includes(part)) continue;
    const v = m[2]!;
    max = Math.max(max, +v || 1, parseInt(v, 10) || 1);
  }
  return max;
}

/**
 * An upper bound of the cells SheetJS would create from content.xml, counting stops once it
 * passes `limit` (the result is then > limit, possibly Infinity).
 */
export function odsCellEstimate(contentXml: string, limit: number): number {
  const str = removeDoctype(removeComments(contentXml));
  let total = 0;
  let rowRepeat = 1;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(str); m; m = TAG.exec(str)) {
    if (m[1] === '/') continue;
    const name = m[3]!.replace(/_[\s\S]*$/, '');
    const tag = m[0];
    if (name === 'table-row' || name === '行') {
      rowRepeat = maxRepeat(tag, 'rows-repeated');
    } else if (name === 'table-cell' || name === '数据') {
      // A self-closing cell is stored once at most; one with content once per repeat, per row.
      total += tag.charAt(tag.length - 2) === '/' ? 1 : rowRepeat * maxRepeat(tag, 'columns-repeated');
      if (total > limit) return total;
    }
  }
  return total;
}
