import type { ScaleLevel } from '../../domain/risk-matrix';
import { tOption } from '../words';
import { leadingInteger } from './mapping-cells';
import { levelWords } from './mapping-synonyms';
import { enumSynonyms, type MappingTarget, type OptionContext, type TargetOption, type TargetRegister } from './mapping-targets';
import { normHeader, normValue } from './mapping-text';

/** What one source text maps to: an enum value, a level index, an AI system id; null leaves the field empty. */
export type MappedValue = string | number | null;
/** normValue(cell text) → mapped value. A text that is absent is unmapped: its rows get a problem. */
export type ValueMap = Record<string, MappedValue>;

/** Cell texts are arbitrary ("__proto__", "constructor"): value maps are only read through own keys. */
export function hasValue(map: ValueMap, key: string): boolean {
  return Object.hasOwn(map, key);
}

/** A copy of the map with `key` set to `value`, or removed when `value` is undefined. */
export function withValue(map: ValueMap, key: string, value: MappedValue | undefined): ValueMap {
  const out: ValueMap = {};
  for (const [k, v] of Object.entries(map)) if (k !== key) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  if (value !== undefined) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

const levelRank = new Map<string, number>(levelWords.flatMap((words, rank) => words.map((w) => [normHeader(w), rank] as const)));

/** A rank of five (0 very low … 4 very high) on a scale of n levels; low and high lean outward on short scales. */
function rankToIndex(rank: number, n: number): number {
  const x = (rank * (n - 1)) / 4;
  if (x % 1 !== 0.5) return Math.round(x);
  return rank > 2 ? Math.ceil(x) : Math.floor(x);
}

/**
 * The source's numeric scale: numbers 1..top. When the source counts further than the matrix
 * (1–5 onto a 3-level scale), numbers are placed by position; 1..4 of a five-point habit is read
 * as 1–5.
 */
function numberToIndex(v: number, top: number, n: number): number | undefined {
  if (v < 1 || v > top) return undefined;
  if (top <= n) return v - 1;
  const span = Math.max(top, 5) - 1;
  return Math.round(((v - 1) * (n - 1)) / span);
}

export function suggestLevel(levels: readonly ScaleLevel[], text: string, top: number): number | undefined {
  const s = normHeader(text);
  if (!s) return undefined;
  const byName = levels.findIndex((l) => normHeader(l.name) === s || (l.abbreviation !== '' && normHeader(l.abbreviation) === s));
  if (byName >= 0) return byName;
  const n = leadingInteger(text);
  if (n !== null) return numberToIndex(n, top, levels.length);
  // "4 (High)" has a number; "High (4)" and "高" fall through to the rating words.
  const named = levels.findIndex((l) => s.startsWith(normHeader(l.name)));
  if (named >= 0 && normHeader(levels[named]!.name).length >= 3) return named;
  const rank = levelRank.get(s);
  return rank === undefined ? undefined : rankToIndex(rank, levels.length);
}

function suggestEnum(target: MappingTarget, register: TargetRegister, text: string): string | undefined {
  const s = normHeader(text);
  if (!s) return undefined;
  const options = target.field?.options ?? [];
  const prefix = target.field?.optionPrefix ?? '';
  const direct = options.find((o) => normHeader(o) === s || normHeader(tOption(prefix, o)) === s);
  if (direct) return direct;
  for (const [option, words] of Object.entries(enumSynonyms(register, target.key))) {
    if (options.includes(option) && words.some((w) => normHeader(w) === s)) return option;
  }
  return undefined;
}

/**
 * A first value map for a column's distinct texts: by label or value, by number for levels ("4" →
 * the 4th level, or by position when the source counts 1–5), by synonym ("High", "高", "进行中").
 * Texts nothing matches are left out, so the user sees them as unmapped.
 */
export function suggestValueMap(target: MappingTarget, register: TargetRegister, texts: readonly string[], ctx: OptionContext): ValueMap {
  // A loop, not Math.max(...numbers): a column can hold more distinct texts than a call takes arguments.
  let top = 0;
  for (const text of texts) top = Math.max(top, leadingInteger(text) ?? 0);
  // Built in place (a fresh object, as withValue builds it): copying it per text would cost n² for a large column.
  const map: ValueMap = {};
  for (const text of texts) {
    const key = normValue(text);
    if (!key || hasValue(map, key)) continue;
    let hit: MappedValue | undefined;
    if (target.kind === 'level') hit = suggestLevel(ctx.matrix[target.scale ?? 'probability'], text, top);
    else if (target.kind === 'systems') hit = ctx.systems.find((sys) => normHeader(sys.name) === normHeader(text))?.id;
    else hit = suggestEnum(target, register, text);
    if (hit !== undefined) Object.defineProperty(map, key, { value: hit, enumerable: true, writable: true, configurable: true });
  }
  return map;
}

/** Choice values of a value select: unmapped, "leave empty", or the index of an allowed value. */
export const UNMAPPED = '';
export const LEAVE_EMPTY = 'empty';

/** The select value for one source text. */
export function choiceOf(map: ValueMap, key: string, options: readonly TargetOption[]): string {
  if (!hasValue(map, key)) return UNMAPPED;
  const value = map[key];
  if (value === null) return LEAVE_EMPTY;
  const i = options.findIndex((o) => o.value === value);
  return i < 0 ? UNMAPPED : String(i);
}

/** What a select value stands for: undefined unmaps the text. */
export function valueOfChoice(choice: string, options: readonly TargetOption[]): MappedValue | undefined {
  if (choice === UNMAPPED) return undefined;
  return choice === LEAVE_EMPTY ? null : options[Number(choice)]?.value;
}
