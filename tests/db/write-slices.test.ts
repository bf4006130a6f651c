import { describe, expect, it, vi } from 'vitest';
import { write } from '../../src/db/write-path';
import { PUT_SLICE, SLICE_BUDGET_MS } from '../../src/db/write-writer';
import { createWorkspace } from '../../src/db/workspaces-repo';
import { makeRisk } from '../support/factories';
import { freshDatabase } from '../support/db';

// IndexedDB clones every row a bulkPut gets on the page's thread, in one task: an import of 10,000
// risks in slices of 1,000 held the page for up to half a second per slice.
describe('an import writes its records in small slices, all or nothing', () => {
  const risks = (workspaceId: string, n: number) => Array.from({ length: n }, (_, i) => makeRisk(workspaceId, { ref: `R-${String(i + 1).padStart(3, '0')}` }));

  it('gives IndexedDB at most PUT_SLICE rows at a time, and every row lands', async () => {
    const db = await freshDatabase();
    const ws = await createWorkspace('Acme', '1.0.0');
    if (!ws.ok) throw new Error(ws.code);
    const rows = risks(ws.value.id, 1_050);
    const sizes: number[] = [];
    const proto = Object.getPrototypeOf(db.risks) as { bulkPut: (this: { name: string }, ...a: unknown[]) => unknown };
    const bulkPut = proto.bulkPut;
    vi.spyOn(proto, 'bulkPut').mockImplementation(function (this: { name: string }, ...a: unknown[]) {
      if (this.name === 'risks') sizes.push((a[0] as unknown[]).length);
      return bulkPut.apply(this, a);
    });
    await write(
      (d) => [d.risks],
      (w) => w.putAll('risks', rows),
    );
    expect(PUT_SLICE).toBeLessThanOrEqual(250);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(PUT_SLICE);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(1_050);
    expect(await db.risks.where('workspaceId').equals(ws.value.id).count()).toBe(1_050);
  });

  // 200 risks per slice still held a loaded machine's page for 100–190 ms: the slice follows what its rows cost.
  it('sizes each slice to what its rows cost, so no slice holds the page past the budget', async () => {
    const db = await freshDatabase();
    const ws = await createWorkspace('Acme', '1.0.0');
    if (!ws.ok) throw new Error(ws.code);
    const rows = risks(ws.value.id, 150);
    const sizes: number[] = [];
    const proto = Object.getPrototypeOf(db.risks) as { bulkPut: (this: { name: string }, ...a: unknown[]) => unknown };
    const bulkPut = proto.bulkPut;
    // A page where handing a row to IndexedDB takes 1 ms (the clone happens during the call).
    vi.spyOn(proto, 'bulkPut').mockImplementation(function (this: { name: string }, ...a: unknown[]) {
      const n = (a[0] as unknown[]).length;
      if (this.name === 'risks') sizes.push(n);
      const until = performance.now() + n;
      while (performance.now() < until);
      return bulkPut.apply(this, a);
    });
    await write(
      (d) => [d.risks],
      (w) => w.putAll('risks', rows),
    );
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(150);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(SLICE_BUDGET_MS + 5);
    expect(await db.risks.where('workspaceId').equals(ws.value.id).count()).toBe(150);
  });

  it('writes nothing when a row of a later slice fails', async () => {
    const db = await freshDatabase();
    const ws = await createWorkspace('Acme', '1.0.0');
    if (!ws.ok) throw new Error(ws.code);
    const rows: object[] = risks(ws.value.id, 3 * PUT_SLICE);
    // A history row without its key fails in IndexedDB itself, in the third slice.
    const history = rows.map((r, i) =>
      i === 2 * PUT_SLICE + 5 ? { workspaceId: ws.value.id } : { id: `h${i}`, workspaceId: ws.value.id, at: '2026-01-01T00:00:00.000Z' },
    );
    await expect(
      write(
        (d) => [d.risks, d.history],
        async (w) => {
          await w.putAll('risks', rows);
          await w.putRaw('history', history);
        },
      ),
    ).rejects.toThrow();
    expect(await db.risks.where('workspaceId').equals(ws.value.id).count()).toBe(0);
    expect(await db.history.where('workspaceId').equals(ws.value.id).count()).toBe(1);
  });
});
