/**
 * How the import compares a cell's value with the stored one (workbook-import.ts): an empty text and
 * an unset value are the same, lists compare by content, text by its lines.
 */
import { sameLines } from './sheet-cells';

/** Empty text and an unset value are the same cell; lists compare by content. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const empty = (x: unknown) => x === null || x === undefined || x === '';
  if (empty(a) && empty(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) return samePrimitiveList(a ?? [], b ?? []) || JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
  return typeof a === 'string' && typeof b === 'string' && sameLines(a, b);
}

/** Equal lists of text or numbers, element by element: what comparing their JSON would say, without building it. */
function samePrimitiveList(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const v: unknown = a[i];
    if (v !== b[i] || (typeof v !== 'string' && typeof v !== 'number')) return false;
  }
  return true;
}
