/**
 * Parsing JSON from files users bring in. JSON.parse does the parsing; an iterative walk over the
 * result (no recursion, so deep input cannot overflow the stack) then enforces the limits and
 * rejects keys that could pollute prototypes when the value is later spread or assigned.
 *
 * JSON.parse itself stores "__proto__" as an own property (no pollution at parse time); the danger
 * is later code doing `{ ...value }` or `Object.assign(target, value)` and friends. So any
 * `__proto__`, `constructor` or `prototype` key, at any depth, fails the whole file.
 *
 * Problems are collected (at most MAX_JSON_PROBLEMS, the last one then being 'too-many-problems'),
 * each with `file` and, below the top level, `field` as a path such as `risks[3].title`.
 */
import { problemOf, type ProblemParams } from '../domain/problem';
import type { IoProblem } from './problems';

export interface JsonLimits {
  /** Nesting of arrays and objects: `1` is depth 0, `[]` depth 1, `[[]]` depth 2. */
  maxDepth: number;
  /** Longest string, key or value, in UTF-16 code units (JavaScript's `length`). */
  maxStringLength: number;
  /** Largest text, in UTF-8 bytes. */
  maxBytes: number;
  /** Most keys in any one object. */
  maxKeys: number;
}

export const DEFAULT_JSON_LIMITS: Readonly<JsonLimits> = Object.freeze({
  maxDepth: 64,
  maxStringLength: 1_000_000,
  maxBytes: 256 * 1024 * 1024,
  maxKeys: Number.POSITIVE_INFINITY,
});

export const MAX_JSON_PROBLEMS = 100;
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type SafeJsonCode =
  'file-too-large' | 'json-invalid' | 'json-too-deep' | 'string-too-long' | 'json-too-many-keys' | 'forbidden-key' | 'too-many-problems';

/** A step in a path, kept as a linked list so a string is only built when a problem is reported. */
interface PathNode {
  parent: PathNode | undefined;
  key: string | number;
}

interface Frame {
  value: object;
  /** Own keys of an object; undefined for an array. */
  keys: string[] | undefined;
  /** Index of the next entry to look at. */
  next: number;
  depth: number;
  path: PathNode | undefined;
}

export function parseJsonSafely(
  text: string,
  where: { file: string },
  limits?: Partial<JsonLimits>,
): { ok: true; value: unknown } | { ok: false; problems: IoProblem[] } {
  const lim: JsonLimits = { ...DEFAULT_JSON_LIMITS, ...limits };
  const file = where.file;

  const bytes = utf8LengthOver(text, lim.maxBytes);
  if (bytes !== undefined) {
    return { ok: false, problems: [problemOf('file-too-large', { reason: 'file-too-large', size: bytes, limit: lim.maxBytes }, { file })] };
  }

  // A byte order mark is not JSON, but editors on Windows like to write one.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    if (e instanceof SyntaxError) return { ok: false, problems: [problemOf('json-invalid', syntaxFacts(e, text, text.length - body.length), { file })] };
    // Engines that parse recursively give up on very deep input: RangeError (V8, JavaScriptCore),
    // InternalError "too much recursion" (Firefox).
    if (e instanceof RangeError || (e instanceof Error && e.name === 'InternalError')) {
      return { ok: false, problems: [problemOf('json-too-deep', { limit: lim.maxDepth }, { file })] };
    }
    throw e;
  }

  const problems: IoProblem[] = [];
  let full = false;
  const report = (code: SafeJsonCode, path: PathNode | undefined, params?: ProblemParams): void => {
    if (full) return;
    if (problems.length === MAX_JSON_PROBLEMS - 1) {
      problems.push(problemOf('too-many-problems', { reason: 'too-many-problems', count: MAX_JSON_PROBLEMS - 1 }, { file }));
      full = true;
      return;
    }
    problems.push(problemOf(code, params, { file, field: pathToString(path) }));
  };
  const checkString = (s: string, path: PathNode | undefined): void => {
    if (s.length > lim.maxStringLength) report('string-too-long', path, { reason: 'text-length', length: s.length, limit: lim.maxStringLength });
  };

  // One frame per open array or object, resumed entry by entry, so problems come out in document order.
  const stack: Frame[] = [];
  const visit = (child: unknown, path: PathNode | undefined, depth: number): void => {
    if (typeof child === 'string') checkString(child, path);
    else if (typeof child === 'object' && child !== null) {
      if (depth > lim.maxDepth) {
        report('json-too-deep', path, { depth, limit: lim.maxDepth }); // nothing below it is looked at
        return;
      }
      const keys = Array.isArray(child) ? undefined : Object.keys(child);
      if (keys && keys.length > lim.maxKeys) report('json-too-many-keys', path, { reason: 'key-count', count: keys.length, limit: lim.maxKeys });
      stack.push({ value: child, keys, next: 0, depth, path });
    }
  };
  visit(value, undefined, 1);

  while (stack.length > 0 && !full) {
    const frame = stack[stack.length - 1]!;
    if (frame.keys === undefined) {
      const arr = frame.value as unknown[];
      if (frame.next >= arr.length) {
        stack.pop();
        continue;
      }
      const i = frame.next++;
      const child = arr[i];
      // Build a path only where it may be needed: not for numbers, booleans, null or short strings.
      if (typeof child === 'string' ? child.length > lim.maxStringLength : typeof child === 'object' && child !== null) {
        visit(child, { parent: frame.path, key: i }, frame.depth + 1);
      }
    } else {
      if (frame.next >= frame.keys.length) {
        stack.pop();
        continue;
      }
      const key = frame.keys[frame.next++]!;
      const path: PathNode = { parent: frame.path, key };
      checkString(key, path);
      if (FORBIDDEN_KEYS.has(key)) report('forbidden-key', path, { reason: 'forbidden-key-name', key });
      else visit((frame.value as Record<string, unknown>)[key], path, frame.depth + 1);
    }
  }

  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

/** The UTF-8 length of `text` if it is over `max`, else undefined; cheap when the answer is obvious. */
function utf8LengthOver(text: string, max: number): number | undefined {
  if (text.length * 3 <= max) return undefined; // a UTF-16 code unit is at most 3 UTF-8 bytes
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes > max ? bytes : undefined;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const MAX_KEY_IN_PATH = 100;

/** `risks[3].title`; keys that are not identifiers as `a["two words"]`; '' for the top level. */
function pathToString(path: PathNode | undefined): string {
  const parts: (string | number)[] = [];
  for (let p = path; p; p = p.parent) parts.push(p.key);
  let out = '';
  for (let i = parts.length - 1; i >= 0; i--) {
    const k = parts[i]!;
    if (typeof k === 'number') out += `[${k}]`;
    else if (IDENTIFIER.test(k)) out += out === '' ? k : `.${k}`;
    else out += `[${JSON.stringify(k.length > MAX_KEY_IN_PATH ? `${k.slice(0, MAX_KEY_IN_PATH)}…` : k)}]`;
  }
  return out;
}

/**
 * Where the JSON breaks (position, line, column), from whichever form the engine gives, worded in
 * the page; the engine's own message comes after it as it is. `shift` undoes a stripped BOM.
 */
function syntaxFacts(e: SyntaxError, text: string, shift: number): ProblemParams {
  const stripped = e.message.replace(/ \(line \d+ column \d+\)/, '');
  const message = stripped.length > 300 ? `${stripped.slice(0, 300)}…` : stripped;
  const pos = /position (\d+)/.exec(e.message);
  const atEnd = /end of (JSON )?input|end of data/i.test(e.message);
  if (pos || atEnd) {
    const position = pos ? Number(pos[1]) + shift : text.length;
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    return { reason: 'json-syntax', position, line, column, message };
  }
  return { reason: 'json-syntax-engine', message }; // Firefox already says "at line L column C"
}
