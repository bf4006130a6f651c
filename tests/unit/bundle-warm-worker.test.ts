import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for Worker: records what it was sent; a test answers for it. */
class FakeWorker {
  static made: FakeWorker[] = [];
  sent: { type: string }[] = [];
  terminated = false;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  onmessageerror: ((ev: Event) => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(m: { type: string }) {
    this.sent.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: unknown) {
    this.onmessage?.({ data } as MessageEvent);
  }
}

const catalog = {} as never;
const file = new Blob(['zip']) as File;

// The first test imports the module graph cold, which takes seconds on a busy machine.
describe('the spare bundle worker', { timeout: 60_000 }, () => {
  beforeEach(() => {
    FakeWorker.made = [];
    vi.stubGlobal('Worker', FakeWorker);
    vi.resetModules();
  });
  afterEach(() => vi.unstubAllGlobals());

  const load = () => import('../../src/state/bundles');

  it('starts once a file is chosen while the form is open, preloaded, and the check runs on it', async () => {
    const b = await load();
    const release = b.holdBundleWorker();
    // Holding alone starts nothing (the spreadsheet tools on the same page have their own).
    expect(FakeWorker.made).toHaveLength(0);
    b.warmBundleWorker();
    b.warmBundleWorker(); // a second file chosen while one waits: still one
    expect(FakeWorker.made).toHaveLength(1);
    const spare = FakeWorker.made[0]!;
    expect(spare.sent).toEqual([{ type: 'preload', locale: 'en' }]);

    const job = b.startParse(file, catalog, undefined, () => undefined);
    await Promise.resolve();
    // The check went to the spare: no worker was started for it.
    expect(FakeWorker.made).toHaveLength(1);
    expect(spare.sent.map((m) => m.type)).toEqual(['preload', 'parse']);
    spare.reply({ type: 'parsed', result: { ok: false, problems: [] } });
    expect(await job.done).toEqual({ ok: false, problems: [] });
    expect(spare.terminated).toBe(true);

    // None starts after the job on its own (the preview and the write come next); the next file asks again.
    expect(FakeWorker.made).toHaveLength(1);
    b.warmBundleWorker();
    expect(FakeWorker.made).toHaveLength(2);
    release();
    expect(FakeWorker.made[1]!.terminated).toBe(true);
    release(); // twice is harmless
  });

  it('starts no spare when no form holds one, and a job then starts its own worker', async () => {
    const b = await load();
    b.warmBundleWorker();
    expect(FakeWorker.made).toHaveLength(0);
    const job = b.startParse(file, catalog, undefined, () => undefined);
    await Promise.resolve();
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.sent.map((m) => m.type)).toEqual(['parse']);
    job.cancel();
    await expect(job.done).rejects.toThrow('cancelled');
  });

  it('drops a spare that failed while it waited: the next job starts a fresh worker', async () => {
    const b = await load();
    const release = b.holdBundleWorker();
    b.warmBundleWorker();
    const spare = FakeWorker.made[0]!;
    spare.onerror?.(new Event('error'));
    expect(spare.terminated).toBe(true);
    const job = b.startParse(file, catalog, undefined, () => undefined);
    await Promise.resolve();
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made[1]!.sent.map((m) => m.type)).toEqual(['parse']);
    job.cancel();
    await expect(job.done).rejects.toThrow('cancelled');
    release();
  });
});
