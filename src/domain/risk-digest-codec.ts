/*
 * The risks' digests (risk-digest.ts) as kept between visits, and what they depend on in
 * the own controls: no imports, so the dashboard worker's reading side (dashboard-read-direct.ts)
 * checks kept digests without loading the functions that make them.
 */

/** The digests of a workspace's risks, one column per fact (a risk's digest is one index across them): small to keep and quick to read back. */
export interface RiskDigests {
  id: string[];
  ref: string[];
  title: string[];
  owner: string[];
  flags: number[];
  /** Level index in the matrix, -1 when unrated (or out of scale). */
  inherent: number[];
  residual: number[];
  /** The Annex A controls an open risk's treatment relies on ([] for a closed one). */
  controls: string[][];
  /** The dates of its tasks, null when it has no such task (tasks.ts riskTaskDates). */
  treatmentDue: (string | null)[];
  nextReview: (string | null)[];
}

/**
 * The digests as kept: every text of every digest in one string, as UTF-8 (its id, ref, title, owner, task
 * dates ('' for none), then its controls), the length of each, and the numbers as typed arrays. Read
 * back with slices of one string instead of parsing megabytes of JSON (at 50,000 risks about 8 MB of
 * text): on a reload after an edit, that parse was the largest part of the worker's time.
 */
export interface PackedDigests {
  n: number;
  /** The texts, one after the other, as UTF-8: handed to the page and kept without a copy of a string on the page. */
  utf8: Uint8Array;
  lengths: Uint32Array;
  /** How many controls each digest has. */
  controls: Uint32Array;
  flags: Uint8Array;
  inherent: Int16Array;
  residual: Int16Array;
}

/** The texts of each digest before its controls. */
const TEXTS = 6;

export function packDigests(d: RiskDigests): PackedDigests {
  const n = d.id.length;
  let cells = TEXTS * n;
  for (const c of d.controls) cells += c.length;
  const parts = new Array<string>(cells);
  const lengths = new Uint32Array(cells);
  const controls = new Uint32Array(n);
  let k = 0;
  const put = (text: string) => {
    parts[k] = text;
    lengths[k++] = text.length;
  };
  for (let i = 0; i < n; i++) {
    put(d.id[i]!);
    put(d.ref[i]!);
    put(d.title[i]!);
    put(d.owner[i]!);
    put(d.treatmentDue[i] ?? '');
    put(d.nextReview[i] ?? '');
    const c = d.controls[i]!;
    controls[i] = c.length;
    for (const id of c) put(id);
  }
  return {
    n,
    utf8: new TextEncoder().encode(parts.join('')),
    lengths,
    controls,
    flags: Uint8Array.from(d.flags),
    inherent: Int16Array.from(d.inherent),
    residual: Int16Array.from(d.residual),
  };
}

/** Kept digests back; null when they are not digests of this shape (then every risk is read again). */
export function unpackDigests(kept: unknown): RiskDigests | null {
  if (!kept || typeof kept !== 'object') return null;
  const p = kept as Partial<PackedDigests>;
  const n = p.n;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || !(p.utf8 instanceof Uint8Array) || !(p.lengths instanceof Uint32Array)) return null;
  if (!(p.controls instanceof Uint32Array) || !(p.flags instanceof Uint8Array) || !(p.inherent instanceof Int16Array) || !(p.residual instanceof Int16Array))
    return null;
  if (p.controls.length !== n || p.flags.length !== n || p.inherent.length !== n || p.residual.length !== n) return null;
  let cells = TEXTS * n;
  for (const c of p.controls) cells += c;
  if (p.lengths.length !== cells) return null;
  const text = new TextDecoder().decode(p.utf8);
  let total = 0;
  for (const l of p.lengths) total += l;
  if (total !== text.length) return null;
  const { lengths, controls } = p;
  const id = new Array<string>(n);
  const ref = new Array<string>(n);
  const title = new Array<string>(n);
  const owner = new Array<string>(n);
  const treatmentDue = new Array<string | null>(n);
  const nextReview = new Array<string | null>(n);
  const ids = new Array<string[]>(n);
  let at = 0;
  let cell = 0;
  for (let i = 0; i < n; i++) {
    id[i] = text.slice(at, (at += lengths[cell++]!));
    ref[i] = text.slice(at, (at += lengths[cell++]!));
    title[i] = text.slice(at, (at += lengths[cell++]!));
    owner[i] = text.slice(at, (at += lengths[cell++]!));
    treatmentDue[i] = text.slice(at, (at += lengths[cell++]!)) || null;
    nextReview[i] = text.slice(at, (at += lengths[cell++]!)) || null;
    const c = new Array<string>(controls[i]!);
    for (let k = 0; k < c.length; k++) c[k] = text.slice(at, (at += lengths[cell++]!));
    ids[i] = c;
  }
  const d: RiskDigests = {
    id,
    ref,
    title,
    owner,
    flags: Array.from(p.flags),
    inherent: Array.from(p.inherent),
    residual: Array.from(p.residual),
    controls: ids,
    treatmentDue,
    nextReview,
  };
  return d;
}

/**
 * What digests depend on in the own controls (their ids, and the Annex A controls each implements), as
 * one string: digests kept with another one were made for other own controls, and every risk is
 * digested again.
 */
export function ownControlsKey(ownControls: readonly { id: string; annexAControls: readonly string[] }[]): string {
  return JSON.stringify(ownControls.map((c) => [c.id, [...c.annexAControls].sort()]).sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0)));
}

/** The typed arrays' memory of packed digests, handed from a worker to the page instead of copied. */
export const packedBuffers = (p: PackedDigests): ArrayBuffer[] =>
  [p.utf8.buffer, p.lengths.buffer, p.controls.buffer, p.flags.buffer, p.inherent.buffer, p.residual.buffer] as ArrayBuffer[];
