import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DashboardView } from '../../src/domain/dashboard-view';
import { DEFAULT_PRESET, presetMatrix } from '../../src/domain/risk-matrix-presets';
import type { DashboardRequest } from '../../src/state/dashboard-protocol';
import { shippedCatalog } from '../support/catalog';
import { freshDatabase } from '../support/db';
import { makeRisk, makeWorkspace } from '../support/factories';

/*
 * Figures asked for before the dashboard shows (after an import, while the page moves there) are
 * taken by the dashboard only while they describe the records as they are: the change stamp read
 * with them is the stamp now, and they were asked with the same catalog and matrix.
 */

class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onerror: unknown = null;
  posted: DashboardRequest[] = [];
  postMessage(message: DashboardRequest) {
    this.posted.push(message);
  }
  terminate() {}
  constructor() {
    FakeWorker.made.push(this);
  }
  /** Answers request `i` with a view whose open-risk count is `open`, read at `stamp`. */
  answer(i: number, open: number, stamp: string | null) {
    const view = { risks: { open } } as unknown as DashboardView;
    this.onmessage?.({ data: { id: this.posted[i]!.id, view, stamp } });
  }
}

beforeEach(() => {
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
  vi.resetModules();
});
afterEach(() => vi.unstubAllGlobals());

const catalog = shippedCatalog();
const matrix = presetMatrix(DEFAULT_PRESET);
const flush = () => new Promise((r) => setTimeout(r, 20));

async function setUp() {
  const db = await freshDatabase();
  const ws = makeWorkspace();
  await db.workspaces.put(ws);
  await db.risks.put(makeRisk(ws.id));
  const stamp = (await db.cache.get('stamp'))!.value as string;
  // The page's modules, loaded afresh (a new worker each test), on this database.
  (await import('../../src/db/database')).useDatabase(db);
  const m = await import('../../src/state/dashboard-view.svelte');
  const seen: number[] = [];
  const q = { workspaceId: ws.id, catalog, matrix };
  return {
    db,
    ws,
    stamp,
    m,
    q,
    seen,
    watch: () =>
      m.watchDashboard(
        q,
        (v) => seen.push(v.risks.open),
        () => undefined,
      ),
  };
}

describe('figures asked for before the dashboard shows', () => {
  it('are shown without asking again when nothing has changed since', async () => {
    const { stamp, m, q, seen, watch } = await setUp();
    m.askDashboardEarly(q);
    const w = watch();
    const worker = FakeWorker.made[0]!;
    worker.answer(0, 7, stamp);
    await flush();
    expect(worker.posted).toHaveLength(1);
    expect(seen).toEqual([7]);
    w.stop();
  });

  it('are asked for again when a write came after them', async () => {
    const { db, ws, stamp, m, q, seen, watch } = await setUp();
    m.askDashboardEarly(q);
    const worker = FakeWorker.made[0]!;
    worker.answer(0, 7, stamp);
    await db.risks.put(makeRisk(ws.id, { ref: 'R-002' }));
    const w = watch();
    await flush();
    expect(worker.posted).toHaveLength(2);
    worker.answer(1, 8, (await db.cache.get('stamp'))!.value as string);
    await flush();
    expect(seen).toEqual([8]);
    w.stop();
  });

  it('are not taken for another matrix, nor when their stamp is unknown', async () => {
    const { stamp, m, q, seen } = await setUp();
    m.askDashboardEarly({ ...q, matrix: { ...matrix, acceptanceThreshold: matrix.acceptanceThreshold === 0 ? 1 : 0 } });
    const worker = FakeWorker.made[0]!;
    worker.answer(0, 7, stamp);
    const w = m.watchDashboard(
      q,
      (v) => seen.push(v.risks.open),
      () => undefined,
    );
    await flush();
    expect(worker.posted).toHaveLength(2);
    worker.answer(1, 9, stamp);
    await flush();
    expect(seen).toEqual([9]);
    w.stop();

    m.askDashboardEarly(q);
    worker.answer(2, 7, null);
    const again = m.watchDashboard(
      q,
      (v) => seen.push(v.risks.open),
      () => undefined,
    );
    await flush();
    expect(worker.posted).toHaveLength(4);
    again.stop();
  });
});
