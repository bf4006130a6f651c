/**
 * Returns a deep copy of `value` with every string that is a key of `ids` replaced by its
 * value. Ids are uuids, so no ordinary text equals one by accident. Blobs are kept as they are.
 */
export function remapIds<T>(value: T, ids: ReadonlyMap<string, string>): T {
  if (typeof value === 'string') return (ids.get(value) ?? value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => remapIds(v, ids)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    // fromEntries defines own properties: a "__proto__" key from JSON stays data, never a prototype.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remapIds(v, ids)])) as T;
  }
  return value;
}
