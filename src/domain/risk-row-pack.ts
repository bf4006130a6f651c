import type { RiskRow } from './risk-row';

/** A row's text fields (each a string or null), in the order their segments come. */
const TEXT_FIELDS = ['id', 'ref', 'title', 'treatment', 'owner', 'status', 'nextReview', 'acceptedBy', 'acceptedOn'] as const;
/** A row's number fields (each a number or null: null travels as NaN, which no rating or flag is). */
const NUMBER_FIELDS = ['inherentLikelihood', 'inherentImpact', 'residualLikelihood', 'residualImpact', 'inherentIndex', 'residualIndex', 'flagBits'] as const;
/** Every field of a row is one of these, or its AI systems (the segments after the text fields). */
type Packed = (typeof TEXT_FIELDS)[number] | (typeof NUMBER_FIELDS)[number] | 'aiSystemIds' | 'search';
// The compiler says so when a field of RiskRow is in neither list (or one is in a list but not a row's).
const everyField: Record<keyof RiskRow, true> = {} as Record<Packed, true>;
void everyField;

const T = TEXT_FIELDS.length;
const N = NUMBER_FIELDS.length;

/**
 * Rows as the risk-list worker sends them: every text of every row in one string, the numbers in one
 * typed array. Taking in a message is then copying a few large blocks, not building fifteen small
 * objects a row; the page keeps one small object a row (`unpackRows`), and its young-generation
 * garbage collections no longer copy 50,000 rows' strings and arrays (at 50,000 risks they were
 * page tasks of 40–70 ms while the rows arrived).
 */
export interface PackedRows {
  /** The rows' texts, one after another (row 0's fields, then its AI systems' ids, then row 1's …). */
  text: string;
  /** Where each segment of `text` ends. */
  ends: Uint32Array;
  /** Row k's segments are `first[k]` … `first[k + 1] - 1`. */
  first: Uint32Array;
  /** Bit j set: row k's text field j is null (one number a row). */
  nulls: Uint16Array;
  /** Row k's number fields at k × N … */
  numbers: Float64Array;
  /** The rows' search texts, one after another, apart from the rest: the search scans this alone (`packedSearch`). */
  search: string;
  /** Where row k's search text ends in `search`. */
  searchEnds: Uint32Array;
}

export function packRows(rows: readonly RiskRow[]): PackedRows {
  const parts: string[] = [];
  const ends: number[] = [];
  const first = new Uint32Array(rows.length + 1);
  const nulls = new Uint16Array(rows.length);
  const numbers = new Float64Array(rows.length * N);
  const searchEnds = new Uint32Array(rows.length);
  let searchAt = 0;
  let at = 0;
  const add = (s: string) => {
    parts.push(s);
    ends.push((at += s.length));
  };
  rows.forEach((r, k) => {
    first[k] = ends.length;
    TEXT_FIELDS.forEach((f, j) => {
      const v = r[f];
      if (v === null) nulls[k]! |= 1 << j;
      add(v ?? '');
    });
    for (const id of r.aiSystemIds) add(id);
    NUMBER_FIELDS.forEach((f, j) => (numbers[k * N + j] = r[f] ?? NaN));
    searchEnds[k] = searchAt += r.search.length;
  });
  first[rows.length] = ends.length;
  const search = rows.map((r) => r.search).join('');
  return { text: parts.join(''), ends: Uint32Array.from(ends), first, nulls, numbers, search, searchEnds };
}

/** The buffers of a pack, handed over with its message rather than copied. */
export const packBuffers = (p: PackedRows): ArrayBuffer[] =>
  [p.ends.buffer, p.first.buffer, p.nulls.buffer, p.numbers.buffer, p.searchEnds.buffer] as ArrayBuffer[];

/**
 * A row read from a pack when asked: each field is cut from the pack's text as it is read (short-lived,
 * so cheap to collect), and the row itself is one small object that lives as long as the list.
 */
class PackedRow implements RiskRow {
  constructor(
    readonly p: PackedRows,
    readonly k: number,
  ) {}

  #text(j: number): string | null {
    if (this.p.nulls[this.k]! & (1 << j)) return null;
    return this.#segment(this.p.first[this.k]! + j);
  }
  #segment(s: number): string {
    return this.p.text.slice(s ? this.p.ends[s - 1] : 0, this.p.ends[s]);
  }
  #number(j: number): number | null {
    const v = this.p.numbers[this.k * N + j]!;
    return Number.isNaN(v) ? null : v;
  }

  get id() {
    return this.#text(0)!;
  }
  get ref() {
    return this.#text(1)!;
  }
  get title() {
    return this.#text(2)!;
  }
  get treatment() {
    return this.#text(3) as RiskRow['treatment'];
  }
  get owner() {
    return this.#text(4)!;
  }
  get status() {
    return this.#text(5) as RiskRow['status'];
  }
  get nextReview() {
    return this.#text(6) as RiskRow['nextReview'];
  }
  get acceptedBy() {
    return this.#text(7)!;
  }
  get acceptedOn() {
    return this.#text(8) as RiskRow['acceptedOn'];
  }
  get search() {
    return this.p.search.slice(this.k ? this.p.searchEnds[this.k - 1] : 0, this.p.searchEnds[this.k]);
  }
  get aiSystemIds() {
    const from = this.p.first[this.k]! + T;
    const to = this.p.first[this.k + 1]!;
    const ids: string[] = [];
    for (let s = from; s < to; s++) ids.push(this.#segment(s));
    return ids;
  }
  get inherentLikelihood() {
    return this.#number(0);
  }
  get inherentImpact() {
    return this.#number(1);
  }
  get residualLikelihood() {
    return this.#number(2);
  }
  get residualImpact() {
    return this.#number(3);
  }
  get inherentIndex() {
    return this.#number(4);
  }
  get residualIndex() {
    return this.#number(5);
  }
  get flagBits() {
    return this.#number(6)!;
  }
}

/** The page's rows of a pack, in its order. */
export function unpackRows(p: PackedRows): RiskRow[] {
  const n = p.first.length - 1;
  const rows = new Array<RiskRow>(n);
  for (let k = 0; k < n; k++) rows[k] = new PackedRow(p, k);
  return rows;
}

/** Which rows of a pack have `q` in their search text: one scan of the pack's search texts. */
function scan(p: PackedRows, q: string): Uint8Array {
  const ends = p.searchEnds;
  const n = ends.length;
  const hit = new Uint8Array(n);
  let k = 0;
  let at = p.search.indexOf(q);
  while (at !== -1) {
    // Rows that end before this match does cannot hold it, nor any later one.
    while (k < n && ends[k]! < at + q.length) k++;
    if (k === n) break;
    const start = k ? ends[k - 1]! : 0;
    if (at >= start) {
      hit[k] = 1;
      at = p.search.indexOf(q, ends[k]!);
      k++;
    } else at = p.search.indexOf(q, start); // it ran from one row's text into the next: not a match
  }
  return hit;
}

/**
 * The search of the page's rows (risk-filter.ts `filterRisks`): `q` (lowercased) is looked for in each
 * pack's search texts at once, not in a text cut out for each row at every key typed.
 */
export function packedSearch(q: string): (r: RiskRow) => boolean {
  const hits = new Map<PackedRows, Uint8Array>();
  return (r) => {
    if (!(r instanceof PackedRow)) return r.search.includes(q);
    let hit = hits.get(r.p);
    if (!hit) hits.set(r.p, (hit = scan(r.p, q)));
    return hit[r.k] === 1;
  };
}
