/**
 * Deterministic JSON: object keys sorted, no whitespace differences, so exporting the same data
 * twice gives byte-identical files (and diffs between exports show only real changes).
 *
 * Written by JSON.stringify with the sorted list of every key the value holds as its property list:
 * each object's keys then come out in that order, without a sorted copy of every object made first
 * (half the time of a 50,000-risk table). Where that could differ from a sorted copy (a key that
 * plain objects inherit, such as `constructor` or `__proto__`, or an object that is not a plain one),
 * the sorted copy is made as before.
 */
export function canonicalJson(value: unknown): string {
  const keys = new Set<string>();
  if (!collectKeys(value, keys)) return JSON.stringify(sortKeys(value), null, 1);
  return JSON.stringify(value, [...keys].sort(keyOrder), 1);
}

/** Every own key of every object in `value` into `keys`; false when the property list could write it otherwise than sortKeys. */
function collectKeys(value: unknown, keys: Set<string>): boolean {
  if (Array.isArray(value)) {
    for (const v of value) if (!collectKeys(v, keys)) return false;
    return true;
  }
  if (!value || typeof value !== 'object') return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key of Object.keys(value)) {
    if (key in Object.prototype) return false;
    keys.add(key);
    if (!collectKeys((value as Record<string, unknown>)[key], keys)) return false;
  }
  return true;
}

const isIndex = (key: string) => /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;

/** The order sortKeys' copies enumerate in: array-index keys by number first (as every object lists them), then the rest by code unit. */
function keyOrder(a: string, b: string): number {
  const ia = isIndex(a);
  const ib = isIndex(b);
  if (ia !== ib) return ia ? -1 : 1;
  if (ia) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** Records in a stable order: by id. */
export function byId<T extends { id: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
