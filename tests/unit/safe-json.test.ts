import { describe, expect, it, vi } from 'vitest';
import { MAX_JSON_PROBLEMS, parseJsonSafely } from '../../src/io/safe-json';
import { worded } from '../support/problems';

const where = { file: 'records/risks.json' };

function problemsOf(text: string, limits?: Parameters<typeof parseJsonSafely>[2]) {
  const r = parseJsonSafely(text, where, limits);
  if (r.ok) throw new Error(`expected problems, parsed ${JSON.stringify(r.value)}`);
  return r.problems;
}

describe('parseJsonSafely', () => {
  it('returns the parsed value when nothing is wrong', () => {
    const text = JSON.stringify({ risks: [{ id: 'r1', title: 'Bias', score: 3, tags: ['a'], extra: null }], n: 1.5, ok: true });
    expect(parseJsonSafely(text, where)).toEqual({ ok: true, value: JSON.parse(text) });
    expect(parseJsonSafely('"just a string"', where)).toEqual({ ok: true, value: 'just a string' });
    expect(parseJsonSafely('\uFEFF{"a":1}', where)).toEqual({ ok: true, value: { a: 1 } });
  });

  it('reports invalid JSON with its position', () => {
    const [p, ...rest] = problemsOf('{\n  "a": 1,\n}');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: 'json-invalid', file: where.file });
    expect(worded(p!).detail).toMatch(/^position 12 \(line 3, column 1\): /);
    expect(problemsOf('')[0]).toMatchObject({ code: 'json-invalid', params: { reason: 'json-syntax', position: 0 } });
    expect(problemsOf('[1, 2')[0]!.code).toBe('json-invalid');
  });

  it('refuses a string over the limit, naming its length, the limit and its path', () => {
    const big = 'x'.repeat(10_000_000);
    const problems = problemsOf(`{"risks":[{},{},{},{"title":"${big}"}]}`);
    // Facts, worded where the problem is read.
    expect(problems.map(worded)).toEqual([{ code: 'string-too-long', file: where.file, field: 'risks[3].title', detail: 'length 10000000, limit 1000000' }]);
    expect(problemsOf(JSON.stringify({ abcdef: 1 }), { maxStringLength: 5 })[0]).toMatchObject({ code: 'string-too-long', field: 'abcdef' });
    expect(problemsOf('"abcdef"', { maxStringLength: 5 })[0]).toEqual({
      code: 'string-too-long',
      file: where.file,
      params: { reason: 'text-length', length: 6, limit: 5 },
    });
  });

  it('refuses nesting 100,000 deep without crashing', () => {
    const problems = problemsOf('['.repeat(1e5) + ']'.repeat(1e5));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'json-too-deep', file: where.file, field: '[0]'.repeat(64), params: { depth: 65, limit: 64 } });
  });

  it('turns a parser that gives up on deep input (RangeError, as in Safari) into json-too-deep', () => {
    const spy = vi.spyOn(JSON, 'parse').mockImplementationOnce(() => {
      throw new RangeError('Maximum call stack size exceeded.');
    });
    try {
      expect(problemsOf('[[[]]]')).toEqual([{ code: 'json-too-deep', file: where.file, params: { limit: 64 } }]);
    } finally {
      spy.mockRestore();
    }
  });

  it('counts depth as nesting of arrays and objects', () => {
    expect(parseJsonSafely('{"a":[{"b":1}]}', where, { maxDepth: 3 }).ok).toBe(true);
    expect(problemsOf('{"a":[{"b":{}}]}', { maxDepth: 3 })).toEqual([
      { code: 'json-too-deep', file: where.file, field: 'a[0].b', params: { depth: 4, limit: 3 } },
    ]);
  });

  it('refuses __proto__, constructor and prototype keys anywhere and leaves Object.prototype alone', () => {
    const problems = problemsOf('{"a":{"__proto__":{"x":1}}}');
    const key = (k: string) => ({ reason: 'forbidden-key-name', key: k });
    expect(problems).toEqual([{ code: 'forbidden-key', file: where.file, field: 'a.__proto__', params: key('__proto__') }]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('x');

    expect(problemsOf('[{"constructor":{"prototype":{"polluted":true}}}, {"ok": {"prototype": 1}}]')).toEqual([
      { code: 'forbidden-key', file: where.file, field: '[0].constructor', params: key('constructor') },
      { code: 'forbidden-key', file: where.file, field: '[1].ok.prototype', params: key('prototype') },
    ]);
    expect(problemsOf('{"__proto__":1}').map(worded)).toEqual([{ code: 'forbidden-key', file: where.file, field: '__proto__', detail: '"__proto__"' }]);
  });

  it('collects several problems in document order and caps the list', () => {
    const text = '{"a":"long-value","b":{"c":"long-value","d":{"__proto__":1}},"two words":"long-value"}';
    expect(problemsOf(text, { maxStringLength: 9 }).map((p) => `${p.code} ${p.field}`)).toEqual([
      'string-too-long a',
      'string-too-long b.c',
      'forbidden-key b.d.__proto__',
      'string-too-long ["two words"]',
    ]);

    const many = `[${Array.from({ length: 500 }, () => '{"__proto__":1}').join(',')}]`;
    const problems = problemsOf(many);
    expect(problems).toHaveLength(MAX_JSON_PROBLEMS);
    expect(problems.slice(0, -1).every((p) => p.code === 'forbidden-key')).toBe(true);
    expect(problems[0]!.field).toBe('[0].__proto__');
    expect(problems.at(-1)!.code).toBe('too-many-problems');
  });

  it('enforces maxBytes in UTF-8 bytes and maxKeys per object', () => {
    expect(problemsOf('"ééé"', { maxBytes: 7 }).map(worded)).toEqual([{ code: 'file-too-large', file: where.file, detail: '8 bytes, limit 7' }]);
    expect(parseJsonSafely('"ééé"', where, { maxBytes: 8 }).ok).toBe(true);
    expect(problemsOf('{"x":{"a":1,"b":2,"c":3}}', { maxKeys: 2 }).map(worded)).toEqual([
      { code: 'json-too-many-keys', file: where.file, field: 'x', detail: '3 keys, limit 2' },
    ]);
  });
});
