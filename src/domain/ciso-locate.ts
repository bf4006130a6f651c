import { isRecord, issue, own, type MatrixIssue } from './ciso-matrix';

/**
 * Finds the risk matrices in whatever a CISO Assistant user holds: a library file (`objects.
 * risk_matrix` — the deprecated key, a list or a single object — or the current `objects.
 * risk_matrices`), a stored or loaded library from its API (`content`, an object or a JSON
 * string), the risk-matrices endpoint (`json_definition`, which the API returns as a JSON string,
 * one object or the list page `{count, next, previous, results}`), a bare risk_matrix object or a
 * list of them.
 */
export type ImportSource = 'object' | 'list' | 'library' | 'api';

/** What surrounds a matrix: its library (for the URN, version and language) or the API record. */
export interface MatrixContext {
  locale?: unknown;
  library?: Record<string, unknown>;
}
export interface Candidate {
  raw: Record<string, unknown>;
  source: ImportSource;
  context: MatrixContext;
  /** Where it is in the file, for messages: `objects.risk_matrix[1]`, `results[0].json_definition`. */
  path: string;
}
/** More than anyone picks from; a list page of the API holds at most 100. */
export const MAX_CANDIDATES = 100;
const MATRIX_KEYS = ['probability', 'impact', 'risk', 'grid'];

const looksLikeMatrix = (v: unknown): v is Record<string, unknown> => isRecord(v) && MATRIX_KEYS.some((k) => Object.hasOwn(v, k));

/** A JSON string inside JSON (the API's json_definition, an old database's library content); the file's size bounds it. */
function unwrap(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return undefined;
  }
}

const hasObjectKey = (v: Record<string, unknown>) => Object.hasOwn(v, 'risk_matrix') || Object.hasOwn(v, 'risk_matrices');

function fromObjects(objects: Record<string, unknown>, context: MatrixContext, path: string, out: Candidate[], depth: number): void {
  for (const key of ['risk_matrices', 'risk_matrix']) {
    const value = own(objects, key);
    if (value === undefined) continue;
    const list: unknown[] = Array.isArray(value) ? value : [value];
    list.forEach((raw, i) => {
      const base = path ? `${path}.${key}` : key;
      const at = Array.isArray(value) ? `${base}[${i}]` : base;
      // A loaded library's matrices can come as API records, json_definition and all.
      if (isRecord(raw) && Object.hasOwn(raw, 'json_definition')) visit(raw, at, out, depth + 1);
      else if (isRecord(raw)) out.push({ raw, source: 'library', context, path: at });
    });
  }
}

function visit(data: unknown, path: string, out: Candidate[], depth: number): void {
  if (out.length >= MAX_CANDIDATES || depth > 3) return;
  if (Array.isArray(data)) {
    data.forEach((item, i) => visit(item, `${path}[${i}]`, out, depth + 1));
    return;
  }
  if (!isRecord(data)) return;
  const objects = own(data, 'objects');
  const content = unwrap(own(data, 'content'));
  const results = own(data, 'results');
  const definition = unwrap(own(data, 'json_definition'));
  const at = (key: string) => (path ? `${path}.${key}` : key);
  if (isRecord(objects)) fromObjects(objects, { locale: own(data, 'locale'), library: data }, at('objects'), out, depth);
  else if (isRecord(content)) {
    // A stored library's content is the file's `objects`; a few tools keep the whole library there.
    if (isRecord(own(content, 'objects'))) visit(content, at('content'), out, depth + 1);
    else fromObjects(content, { locale: own(data, 'locale'), library: data }, at('content'), out, depth);
  } else if (Array.isArray(results)) results.forEach((item, i) => visit(item, `${at('results')}[${i}]`, out, depth + 1));
  else if (isRecord(definition)) {
    // The API keeps name, description, urn and ref_id on the record and only the scales and grid in json_definition.
    const pick = (k: string) => (Object.hasOwn(definition, k) ? definition[k] : own(data, k));
    const raw = {
      ...definition,
      name: pick('name'),
      description: pick('description'),
      urn: pick('urn'),
      ref_id: pick('ref_id'),
      translations: pick('translations'),
    };
    out.push({ raw, source: 'api', context: { locale: own(data, 'locale') }, path: at('json_definition') });
  } else if (hasObjectKey(data)) fromObjects(data, {}, path, out, depth);
  else if (looksLikeMatrix(data)) out.push({ raw: data, source: path.startsWith('[') ? 'list' : 'object', context: {}, path });
}

/** Every matrix the data holds, in file order, or why there is none. */
export function findMatrices(data: unknown): Candidate[] | MatrixIssue {
  if (Array.isArray(data) && data.length === 0) return issue('list-empty', '[]');
  const out: Candidate[] = [];
  visit(data, '', out, 0);
  if (out.length > 0) return out.slice(0, MAX_CANDIDATES);
  if (isRecord(data) && isRecord(own(data, 'objects'))) {
    const objects = own(data, 'objects') as Record<string, unknown>;
    const listed = own(objects, 'risk_matrices') ?? own(objects, 'risk_matrix');
    if (Array.isArray(listed) && listed.length === 0) return issue('list-empty', 'objects.risk_matrix');
  }
  return issue('no-matrix', '');
}
