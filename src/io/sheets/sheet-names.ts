/**
 * Worksheet names Excel accepts: 1 to 31 characters, none of [ ] : * ? / \, not "History", not
 * starting or ending with an apostrophe, unique ignoring case. Apostrophes become ’ everywhere:
 * SheetJS writes the autofilter's defined name as 'Name'!A1:B2 without doubling them.
 */

export const MAX_SHEET_NAME = 31;

const FORBIDDEN = /[[\]:*?/\\]/g;
// eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern finds
const CONTROL = /[\u0000-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Cuts to `max` UTF-16 units without leaving half a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

export function sanitizeSheetName(name: string): string {
  let s = name.replace(CONTROL, '').replace(LONE_SURROGATE, '\ufffd').replace(FORBIDDEN, '_').replaceAll("'", '\u2019').trim();
  s = cut(s, MAX_SHEET_NAME).trim();
  if (s === '') return 'Sheet';
  return s.toLowerCase() === 'history' ? 'History_' : s;
}

/** Sanitised and made unique (case-insensitively) with " (2)", " (3)"… still within 31 characters. */
export function uniqueSheetNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw) => {
    const base = sanitizeSheetName(raw);
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = cut(base, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    }
    seen.add(name.toLowerCase());
    return name;
  });
}
