import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The dashboard worker started ahead (on a dashboard reload, during an import) is the one the dashboard then uses. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onerror: ((ev: { preventDefault(): void }) => void) | null = null;
  terminated = false;
  posted: unknown[] = [];
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.made.push(this);
  }
  terminate() {
    this.terminated = true;
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
}

async function fresh() {
  vi.resetModules();
  return import('../../src/state/dashboard-worker-start');
}

beforeEach(() => {
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => vi.unstubAllGlobals());

describe('warmDashboardWorker', () => {
  it('starts the worker once, and the dashboard takes that one instead of starting another', async () => {
    const m = await fresh();
    m.warmDashboardWorker();
    m.warmDashboardWorker();
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.url.pathname).toMatch(/dashboard\.worker/);
    expect(m.takeDashboardWorker()).toBe(FakeWorker.made[0]);
    expect(FakeWorker.made).toHaveLength(1);
    // Taken: the next dashboard (after a failure) starts a new one.
    m.takeDashboardWorker();
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('drops a warm worker that failed to start, so the dashboard never waits on a dead one', async () => {
    const m = await fresh();
    m.warmDashboardWorker();
    const dead = FakeWorker.made[0]!;
    dead.onerror!({ preventDefault() {} });
    expect(dead.terminated).toBe(true);
    const taken = m.takeDashboardWorker();
    expect(taken).not.toBe(dead);
    expect(taken.onerror).toBeNull();
  });

  it('has the worker load what works the figures out only while the data changes (an import), not on a reload', async () => {
    const m = await fresh();
    m.warmDashboardWorker();
    expect(FakeWorker.made[0]!.posted).toEqual([]);
    m.warmDashboardWorker(true);
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.posted).toEqual([{ prepare: true }]);
  });

  it('does nothing where there are no workers', async () => {
    vi.stubGlobal('Worker', undefined);
    const m = await fresh();
    m.warmDashboardWorker();
    expect(FakeWorker.made).toHaveLength(0);
  });
});
