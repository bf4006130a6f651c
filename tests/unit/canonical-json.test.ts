import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/io/bundle/canonical-json';
import { generateWorkspace } from '../../src/domain/generate-workspace';

/** What a bundle's data files have always been: a sorted copy of every object, then JSON.stringify. */
function reference(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v).sort()) {
        const x = (v as Record<string, unknown>)[key];
        if (x !== undefined) out[key] = sortKeys(x);
      }
      return out;
    }
    return v;
  };
  return JSON.stringify(sortKeys(value), null, 1);
}

describe('canonical JSON', () => {
  it('writes every key sorted at every depth, byte for byte as a sorted copy does', () => {
    const g = generateWorkspace({ seed: 3, aiSystems: 5, risks: 40, ownControls: 4, impactAssessments: 3 });
    for (const value of [g.workspace, g.risks, g.aiSystems, g.impactAssessments, g.ownControls]) expect(canonicalJson(value)).toBe(reference(value));
    const tricky = {
      zeta: 1,
      alpha: { b: [3, { y: 1, x: undefined, w: null }], a: 'é' },
      '10': 'ten',
      '2': 'two',
      '01': 'not an index',
      '4294967295': 'not an index either',
      B: 'upper before lower',
      list: [undefined, [], {}, [{ d: 1, c: 2 }]],
      gone: undefined,
    };
    expect(canonicalJson(tricky)).toBe(reference(tricky));
    expect(canonicalJson(tricky)).toMatch(/^\{\n "2": "two",\n "10": "ten",\n "01"/);
    for (const plain of [null, 3, 'text', [1, 'a'], [], {}]) expect(canonicalJson(plain)).toBe(reference(plain));
  });

  it('writes values a property list could change the way a sorted copy does: inherited names, objects that are not plain', () => {
    const odd = [
      JSON.parse('{"b": 1, "__proto__": {"x": 1}, "a": 2}') as unknown,
      { constructor: 'c', a: 1, nested: { toString: 'no' } },
      [{ a: 1 }, { when: new Date('2026-01-02T00:00:00Z'), b: 2 }],
      [{ a: 1 }, { b: 2 }, { hasOwnProperty: 1 }],
      Object.assign(Object.create(null) as object, { b: 1, a: 2 }),
    ];
    for (const value of odd) expect(canonicalJson(value)).toBe(reference(value));
  });
});
