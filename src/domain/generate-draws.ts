/** mulberry32: small, fast and good enough to spread test data. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const chance = (p: number): boolean => next() < p;
  /** `k` distinct entries, in list order. */
  const some = <T>(list: readonly T[], k: number): T[] => {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(k, list.length)) chosen.add(int(list.length));
    return [...chosen].sort((x, y) => x - y).map((i) => list[i] as T);
  };
  return { next, int, pick, chance, some };
}

const DAY = 86_400_000;

/**
 * The draws every generated record takes, from one seeded sequence in a fixed order (the same seed
 * gives the same workspace): random-looking ids, created/updated stamps, dates around `end`.
 */
export function draws(seed: number, end: number) {
  const r = prng(seed);
  let counter = 0;
  // Random-looking uuids; the counter in the last group makes them unique whatever the draws.
  const id = (): string => {
    const hex = (n: number) => Array.from({ length: n }, () => r.int(16).toString(16)).join('');
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + r.int(4)).toString(16)}${hex(3)}-${(++counter).toString(16).padStart(12, '0')}`;
  };
  const stamps = () => {
    const created = end - r.int(730) * DAY - r.int(DAY);
    return { createdAt: new Date(created).toISOString(), updatedAt: new Date(created + r.int(Math.max(1, end - created))).toISOString() };
  };
  const date = (fromDays: number, spanDays: number) => new Date(end + (fromDays + r.int(spanDays)) * DAY).toISOString().slice(0, 10);
  /** An ISO timestamp `days` before `end`. */
  const before = (days: number) => new Date(end - days * DAY).toISOString();
  return { r, id, stamps, date, before };
}

export type Draws = ReturnType<typeof draws>;
