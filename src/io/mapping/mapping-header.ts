import { t } from '../words';
import { cellText, isTextCell } from './mapping-cells';
import { ignoredHeaders } from './mapping-synonyms';
import { mappingTargets, type MappingTarget, type TargetRegister } from './mapping-targets';
import { normHeader } from './mapping-text';
import type { CellValue } from '../sheets/sheet-cells';
import { columnLetters } from '../sheets/sheet-grid';

/** The header row of a foreign sheet and what its column names suggest. */

/** Rows the header detection looks at: titles and notes sit above the header, not hundreds of rows down. */
const HEADER_SCAN_ROWS = 50;

/** The first row with at least two text cells: merged title rows (one cell) and blank rows above it are passed over. */
export function detectHeaderRow(rows: readonly (readonly CellValue[])[]): number {
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) if ((rows[r] ?? []).filter(isTextCell).length >= 2) return r;
  return 0;
}

/** The header row's texts, one per column ('' where the header cell is empty). */
export function headerTexts(rows: readonly (readonly CellValue[])[], headerRow: number): string[] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const header = rows[headerRow] ?? [];
  return Array.from({ length: width }, (_, c) => cellText(header[c] ?? null));
}

/** What a column is called on screen: its header, else its letter. */
export function columnName(headers: readonly string[], col: number): string {
  return headers[col] || t('mapping.columnLetter', { letter: columnLetters(col) });
}

/** Keys of a saved mapping: the normalised header; a repeated header gets "~2", an empty one its letter. */
export function headerKeys(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h, c) => {
    const base = normHeader(h) || `#${columnLetters(c)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}~${n}`;
  });
}

const ignored = new Set(ignoredHeaders.map(normHeader));

/** 3 for a synonym, between 1 and 2 for a header that contains one (longer share scores higher), else 0. */
function headerScore(header: string, target: MappingTarget): number {
  const s = normHeader(header);
  if (!s) return 0;
  if (target.synonyms.has(s)) return 3;
  let best = 0;
  for (const w of target.synonyms) {
    const share = w.length / s.length;
    if (w.length >= 2 && share >= 0.34 && s.includes(w)) best = Math.max(best, 1 + share);
  }
  return best;
}

/**
 * A target per column from its header, or null. Best matches are assigned first and each target
 * to one column only; ids, row numbers and computed levels are left unmapped.
 */
export function suggestColumns(headers: readonly string[], register: TargetRegister): (string | null)[] {
  const pairs: { col: number; key: string; score: number }[] = [];
  headers.forEach((h, col) => {
    if (ignored.has(normHeader(h))) return;
    for (const target of mappingTargets(register)) {
      const score = headerScore(h, target);
      if (score > 0) pairs.push({ col, key: target.key, score });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.col - b.col);
  const out: (string | null)[] = headers.map(() => null);
  const taken = new Set<string>();
  for (const p of pairs) {
    if (out[p.col] !== null || taken.has(p.key)) continue;
    out[p.col] = p.key;
    taken.add(p.key);
  }
  return out;
}
