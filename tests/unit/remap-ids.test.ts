import { afterEach, describe, expect, it } from 'vitest';
import { remapIds } from '../../src/db/remap-ids';

const ids = new Map([
  ['old-ws', 'new-ws'],
  ['old-a', 'new-a'],
  ['old-b', 'new-b'],
]);

describe('remapIds', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it('replaces every string that is a known id, at any depth, in objects and arrays', () => {
    const row = {
      id: 'old-a',
      workspaceId: 'old-ws',
      aiSystemIds: ['old-b', 'unknown-id'],
      impacts: [{ id: 'impact-1', riskId: 'old-a', nested: { deeper: ['old-b'] } }],
      sourceImpact: { assessmentId: 'old-b', impactId: 'impact-1' },
    };
    expect(remapIds(row, ids)).toEqual({
      id: 'new-a',
      workspaceId: 'new-ws',
      aiSystemIds: ['new-b', 'unknown-id'],
      impacts: [{ id: 'impact-1', riskId: 'new-a', nested: { deeper: ['new-b'] } }],
      sourceImpact: { assessmentId: 'new-b', impactId: 'impact-1' },
    });
  });

  it('returns a deep copy and leaves the input unchanged', () => {
    const row = { id: 'old-a', list: ['old-b'], inner: { x: 'old-ws' } };
    const snapshot = structuredClone(row);
    const out = remapIds(row, ids);
    expect(row).toEqual(snapshot);
    expect(out.list).not.toBe(row.list);
    expect(out.inner).not.toBe(row.inner);
  });

  it('replaces only whole strings, never parts of text, and never keys', () => {
    const row = { title: 'see old-a', 'old-a': 'value', note: 'OLD-A' };
    expect(remapIds(row, ids)).toEqual({ title: 'see old-a', 'old-a': 'value', note: 'OLD-A' });
  });

  it('keeps numbers, booleans, null and undefined as they are', () => {
    const row = { n: 3, b: false, z: null, u: undefined, list: [0, true, null] };
    expect(remapIds(row, ids)).toEqual(row);
    expect(remapIds('old-a', ids)).toBe('new-a');
    expect(remapIds(null, ids)).toBeNull();
  });

  it('keeps a Blob (and other class instances) as the same object, untouched', async () => {
    const blob = new Blob(['old-a'], { type: 'text/plain' });
    const when = new Date('2025-01-01T00:00:00Z');
    const out = remapIds({ id: 'old-a', blob, when }, ids);
    expect(out.blob).toBe(blob);
    expect(out.when).toBe(when);
    expect(await out.blob.text()).toBe('old-a');
  });

  it('does not let a "__proto__" key from JSON change prototypes or pollute Object.prototype', () => {
    const hostile = JSON.parse('{"id":"old-a","__proto__":{"polluted":"yes","id":"x"},"inner":{"__proto__":{"polluted":"yes"}}}') as Record<string, unknown>;
    const out = remapIds(hostile, ids) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(out.inner)).toBe(Object.prototype);
    expect(out.polluted).toBeUndefined();
    expect((out.inner as Record<string, unknown>).polluted).toBeUndefined();
    // The key stays plain data, as it was in the input.
    expect(Object.keys(out)).toEqual(['id', '__proto__', 'inner']);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ polluted: 'yes', id: 'x' });
    expect(out.id).toBe('new-a');
  });

  it('handles "constructor" and "prototype" keys as ordinary data', () => {
    const out = remapIds({ constructor: 'old-a', prototype: { id: 'old-b' } }, ids) as Record<string, unknown>;
    expect(out.constructor).toBe('new-a');
    expect(out.prototype).toEqual({ id: 'new-b' });
    expect({}.constructor).toBe(Object);
  });
});
