import { describe, expect, it } from 'vitest';
import { usedExtent } from '../../src/io/sheets/sheet-grid';

/** usedExtent as it was: every row walked by its Object.keys, whatever its length. */
function byKeys<T>(rows: ArrayLike<ArrayLike<T> | null | undefined>, used: (value: T) => boolean): { rows: number; cols: number } {
  let lastRow = -1;
  let lastCol = -1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row || row.length === 0) continue;
    const keys = Object.keys(row);
    for (let k = keys.length - 1; k >= 0; k--) {
      const c = Number(keys[k]);
      if (!Number.isInteger(c)) continue;
      if (used(row[c]!)) {
        lastRow = r;
        if (c > lastCol) lastCol = c;
        break;
      }
    }
  }
  return { rows: lastRow + 1, cols: lastCol + 1 };
}

describe('usedExtent walks narrow arrays by index with the verdicts of the walk by keys', () => {
  it('agrees on rows with holes, undefined, empty text and wide sparse rows', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const usedFns = [(v: unknown) => v !== '', (v: unknown) => v != null && v !== ''];
    for (let trial = 0; trial < 300; trial++) {
      const rows: unknown[][] = [];
      const n = Math.floor(rand() * 8);
      for (let r = 0; r < n; r++) {
        const kind = rand();
        if (kind < 0.1) {
          rows[r] = undefined as never; // a hole in the rows too
          continue;
        }
        const width = kind < 0.2 ? 300 + Math.floor(rand() * 20) : Math.floor(rand() * 30);
        const row: unknown[] = new Array(width);
        for (let c = 0; c < width; c++) {
          const v = rand();
          if (v < 0.3) continue; // hole
          row[c] = v < 0.4 ? undefined : v < 0.5 ? null : v < 0.6 ? '' : v < 0.8 ? 'x' : 3;
        }
        rows[r] = row;
      }
      for (const used of usedFns) expect(usedExtent(rows, used)).toEqual(byKeys(rows, used));
    }
    // An array-like that is not an array keeps the walk by keys (a key past its length counts).
    const odd = { length: 2, 0: 'a', 5: 'b' } as unknown as ArrayLike<string>;
    expect(usedExtent([odd], (v) => v !== '')).toEqual(byKeys([odd], (v) => v !== ''));
  });
});
