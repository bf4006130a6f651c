/**
 * Shared pieces of the OSCAL exports (catalog, profile, system security plan): the OSCAL version
 * the documents follow, our property namespace, deterministic UUIDs, control ids and a JSON
 * serializer that is safe to paste anywhere. Pure: no Dexie, no DOM, only WebCrypto.
 */

export { OSCAL_VERSION, OSCAL_VERSIONS, type OscalVersion } from './oscal-versions';

/** Namespace of our own props and parts (a URN: we own no web domain to put a namespace under). */
export const AIMS_NS = 'urn:aims-workbench:oscal';

/** Fixed namespace for our UUIDv5 names. Never change it: every exported UUID derives from it. */
export const AIMS_UUID_NAMESPACE = '096804b6-bb64-4b6a-98a1-01cbcf7feeec';

/** File names the documents point to each other by (relative hrefs, so keep the three files together). */
export const OSCAL_FILES = {
  catalog: 'iso-iec-42001-catalog.oscal.json',
  profile: 'iso-iec-42001-profile.oscal.json',
} as const;

/**
 * RFC 9562 UUID version 5 (SHA-1 of namespace + name): the same name always gives the same UUID,
 * so two exports of the same data are identical and a subject keeps its UUID across exports.
 */
export async function uuidV5(name: string, namespace = AIMS_UUID_NAMESPACE): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('WebCrypto (crypto.subtle) is not available here; a secure context (https or localhost) is required.');
  const ns = uuidBytes(namespace);
  const nameBytes = new TextEncoder().encode(name);
  const input = new Uint8Array(ns.length + nameBytes.length);
  input.set(ns, 0);
  input.set(nameBytes, ns.length);
  const hash = new Uint8Array(await subtle.digest('SHA-1', input));
  const b = hash.slice(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${uuid}`);
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** A memo of uuidV5 for one export: names repeat (parties, components), hashing them once is enough. */
export function uuidFactory(prefix: string): (name: string) => Promise<string> {
  const cache = new Map<string, Promise<string>>();
  return (name) => {
    const key = `${prefix}/${name}`;
    let p = cache.get(key);
    if (!p) cache.set(key, (p = uuidV5(key)));
    return p;
  };
}

/**
 * OSCAL ids are tokens that start with a letter: Annex A keeps its number in lower case
 * (A.6.2.4 → a.6.2.4, as NIST writes its own ids); clauses get a prefix (6.1.3 → c-6.1.3).
 */
export function oscalControlId(itemId: string): string {
  return /^A\./.test(itemId) ? itemId.toLowerCase() : `c-${itemId}`;
}

/**
 * OSCAL "string" values (prop values, names) must be one line without leading or trailing
 * whitespace. Returns null when nothing is left, so the caller can leave the field out.
 */
export function oneLine(text: string | null | undefined): string | null {
  const s = (text ?? '').replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}

/** Multi-line text (markup-multiline) kept as written, or null when it is blank. */
export function prose(text: string | null | undefined): string | null {
  const s = (text ?? '').replace(/\r\n?/g, '\n').trim();
  return s === '' ? null : s;
}

export interface OscalProp {
  name: string;
  value: string;
  ns?: string;
  class?: string;
}

/** A prop in our namespace, or nothing when the value is blank. */
export function aimsProp(name: string, value: string | null | undefined): OscalProp[] {
  const v = oneLine(value);
  return v === null ? [] : [{ name, ns: AIMS_NS, value: v }];
}

/**
 * Pretty JSON that is safe to embed anywhere: `<`, `>` and `&` are escaped (no `</script>` can
 * close a surrounding script element), as are U+2028/U+2029 and the control characters that
 * JSON.stringify leaves raw (DEL and C1). Parses back to exactly the same value.
 */
export function oscalJson(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2).replace(/[<>&\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

/** Leaves out empty arrays and undefined values: OSCAL arrays need at least one entry. */
export function compact<T extends Record<string, unknown>>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out as T;
}
