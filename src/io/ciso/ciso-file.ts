import { issue, MAX_IMPORT_BYTES, type MatrixIssue } from '../../domain/ciso-matrix';

/**
 * Reading and writing CISO Assistant matrix files: its library files are YAML, its API answers
 * JSON. Loaded with dynamic import() only when a matrix is imported or exported, so the YAML
 * library stays out of the first screen. A hostile file gets a problem, never a hang: the size is
 * checked before parsing, nesting before the parser recurses, aliases while building values
 * (a "billion laughs" file stops at the first excess), and tags other than YAML's core ones are
 * refused rather than resolved.
 */
export const MAX_NESTING = 64;
const MAX_ALIASES = 100;
/** Leading spaces and `- ` on one line: more is nesting no matrix needs. */
const MAX_INDENT = 256;

type Parsed = { ok: true; data: unknown } | { ok: false; issues: MatrixIssue[] };
const fail = (i: MatrixIssue): Parsed => ({ ok: false, issues: [i] });

/** Deepest flow nesting (`[`, `{` outside quotes) or block indentation, counted in one pass without parsing. */
export function nestingOf(text: string): number {
  let depth = 0;
  let deepest = 0;
  let quote = '';
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      lineStart = true;
      indent = 0;
      // A quote left open by a plain scalar (`don't`) ends with its line; counting more is the safe side.
      quote = '';
      continue;
    }
    if (lineStart) {
      if (c === ' ' || c === '-') {
        indent++;
        if (indent > MAX_INDENT) return Number.POSITIVE_INFINITY;
        continue;
      }
      lineStart = false;
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/** A file's text as data; `bytes` is its size, checked first so a huge file is never parsed. */
export async function parseMatrixFile(text: string, bytes: number = text.length): Promise<Parsed> {
  if (bytes > MAX_IMPORT_BYTES || text.length > MAX_IMPORT_BYTES)
    return fail(issue('file-too-large', '', { size: Math.max(bytes, text.length), max: MAX_IMPORT_BYTES }));
  const body = text.replace(/^\uFEFF/, '');
  if (nestingOf(body) > MAX_NESTING) return fail(issue('too-deep', '', { max: MAX_NESTING }));
  const looksJson = /^\s*[[{]/.test(body);
  let jsonError = '';
  if (looksJson) {
    try {
      return { ok: true, data: JSON.parse(body) as unknown };
    } catch (e) {
      jsonError = e instanceof Error ? e.message : String(e);
    }
  }
  const { parseDocument } = await import('yaml');
  // Core schema (YAML 1.2: `yes` stays text, no dates or binary), no custom tags, silent: warnings become problems here.
  const doc = parseDocument(body, { schema: 'core', customTags: [], logLevel: 'silent', uniqueKeys: true, prettyErrors: false });
  const first = doc.errors[0];
  if (first) return fail(looksJson ? issue('not-json', '', { detail: jsonError }) : issue('not-yaml', '', { detail: first.message.split('\n')[0]! }));
  const tag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tag) return fail(issue('yaml-tag', '', { detail: tag.message.split('\n')[0]! }));
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: MAX_ALIASES }) as unknown };
  } catch (e) {
    if (e instanceof ReferenceError) return fail(issue('yaml-aliases', '', { max: MAX_ALIASES }));
    return fail(issue('not-yaml', '', { detail: e instanceof Error ? e.message : String(e) }));
  }
}

/**
 * A library document as YAML CISO Assistant reads back exactly: it loads with PyYAML (YAML 1.1),
 * so text that 1.1 would read as something else (`yes`, `no`, `on`, dates, `1_000`) is quoted.
 */
export async function cisoYaml(doc: Record<string, unknown>): Promise<string> {
  const { stringify } = await import('yaml');
  return stringify(doc, { version: '1.1', lineWidth: 0 });
}
