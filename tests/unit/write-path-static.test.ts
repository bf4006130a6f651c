import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One write path (src/db/write-path.ts): no other file in src/db writes a data table, so the rules
 * every write follows (validation, history, quota, conflicts, trash) have no second copy. A write
 * call on the settings, the trash list, the history (the layer's own bookkeeping) or the cache (figures
 * kept between visits and the change stamp, src/db/change-stamp.ts, also written by the dashboard worker
 * with IndexedDB itself; no record lives there) is allowed, as
 * are the Writer's own methods (`w.update`) and `add`/`delete`/`clear` on a plain local name (a Set
 * or a Map). A tripwire, not a proof: a table put in a variable first would pass unseen.
 */

/** The write layer itself, and the schema upgrade (it runs inside Dexie's version change, before any write). */
const WRITERS = new Set(['write-path.ts', 'write-writer.ts', 'write-trash.ts', 'database.ts']);
const CALL = /\.(put|add|bulkPut|bulkAdd|update|delete|bulkDelete|modify|clear)\(/g;
const INTERNAL = /\.(settings|trash|history|cache)\b|\.objectStore\(CACHE_TABLE\)$/;

/** The expression a call is made on, back to the start of its chain (parenthesised arguments included). */
function receiver(text: string, end: number): string {
  let depth = 0;
  let i = end - 1;
  for (; i >= 0; i--) {
    const c = text[i]!;
    if (c === ')' || c === ']') depth++;
    else if (c === '(' || c === '[') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && /[\s,=;{}!&|?:]/.test(c)) break;
  }
  return text.slice(i + 1, end);
}

/** The data-table writes in a source text, as `receiver.method(`. */
export function dataTableWrites(source: string): string[] {
  // A chain broken over lines reads as one.
  const text = source.replace(/\n\s*\./g, '.');
  const found: string[] = [];
  for (const m of text.matchAll(CALL)) {
    const on = receiver(text, m.index);
    if (INTERNAL.test(on)) continue;
    // The write path's own Writer (`w.update(…)`) is the one way in.
    if (on === 'w' || on === 'this.w') continue;
    if (/^[A-Za-z_$][\w$]*$/.test(on) && ['add', 'delete', 'clear'].includes(m[1]!) && on !== 'db') continue;
    found.push(`${on}.${m[1]}(`);
  }
  return found;
}

describe('the write path has no second copy', () => {
  it('finds writes however they are spelled, and lets bookkeeping and local sets pass', () => {
    expect(dataTableWrites('await db.risks.put(next);')).toEqual(['db.risks.put(']);
    expect(dataTableWrites('await db.table(t).bulkPut(rows.slice(0, 10));')).toEqual(['db.table(t).bulkPut(']);
    expect(dataTableWrites("await db.cycleRecords\n  .where('workspaceId')\n  .equals(id)\n  .delete();")).toEqual([
      "db.cycleRecords.where('workspaceId').equals(id).delete(",
    ]);
    expect(dataTableWrites('await Promise.all(tables.map((t, i) => t.bulkAdd(rows[i])));')).toEqual(['t.bulkAdd(']);
    expect(dataTableWrites('await table(db).add(record);')).toEqual(['table(db).add(']);
    expect(dataTableWrites('await db.settings.put({ key, value }); await database().trash.delete(id); await this.db.history.add(e);')).toEqual([]);
    // A worker's own write of kept figures, with IndexedDB itself: the cache's store only.
    expect(dataTableWrites("tx.objectStore(CACHE_TABLE).put(row); tx.objectStore('risks').put(risk);")).toEqual(["tx.objectStore('risks').put("]);
    expect(dataTableWrites('seen.add(id); byId.delete(r.id); known.clear(); await w.update(table, current, patch);')).toEqual([]);
  });

  it('no file in src/db but the write layer writes a data table', () => {
    const offenders: string[] = [];
    for (const file of readdirSync('src/db')) {
      if (!file.endsWith('.ts') || WRITERS.has(file)) continue;
      for (const call of dataTableWrites(readFileSync(join('src/db', file), 'utf8'))) offenders.push(`${file}: ${call}`);
    }
    expect(offenders).toEqual([]);
  });
});
