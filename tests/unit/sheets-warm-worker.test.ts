import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for Worker: records what it was sent; a test answers for it. */
class FakeWorker {
  static made: FakeWorker[] = [];
  sent: { type: string }[] = [];
  terminated = false;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  onmessageerror: ((ev: MessageEvent) => void) | null = null;
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

// The first test imports the module graph cold, which takes seconds on a busy machine.
describe('the spare spreadsheet worker', { timeout: 60_000 }, () => {
  beforeEach(() => {
    FakeWorker.made = [];
    vi.stubGlobal('Worker', FakeWorker);
    vi.resetModules();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  async function load() {
    vi.doMock('../../src/db/database', () => ({ database: () => ({ name: 'aims-test' }) }));
    return import('../../src/state/spreadsheets');
  }

  it("a spare taken by a job is the job's: its waiting-time handlers no longer end it", async () => {
    const s = await load();
    const release = s.keepSpreadsheetWorkerWarm();
    const spare = FakeWorker.made[0]!;
    const job = s.startWorkbookExport('ws-1', catalog, 'full');
    // A message that cannot be read arrives during the job: the spare's drop used to terminate the worker, and the job waited for ever.
    spare.onmessageerror?.({ preventDefault() {} } as unknown as MessageEvent);
    expect(spare.terminated).toBe(false);
    spare.reply({ type: 'workbook', bytes: new Uint8Array([3]) });
    expect(await job.done).toEqual(new Uint8Array([3]));
    release();
  });

  it('starts one preloaded worker while held, hands it to the next job, and starts the next spare a while after that job is over', async () => {
    const s = await load();
    vi.useFakeTimers();
    const release = s.keepSpreadsheetWorkerWarm();
    expect(FakeWorker.made).toHaveLength(1);
    const spare = FakeWorker.made[0]!;
    expect(spare.sent).toEqual([{ type: 'preload', xlsx: true, dbName: 'aims-test' }]);

    const job = s.startWorkbookExport('ws-1', catalog, 'full');
    // The export went to the spare: no worker was started for it.
    expect(FakeWorker.made).toHaveLength(1);
    expect(spare.sent.map((m) => m.type)).toEqual(['preload', 'export']);

    spare.reply({ type: 'workbook', bytes: new Uint8Array([1, 2]) });
    expect(await job.done).toEqual(new Uint8Array([1, 2]));
    expect(spare.terminated).toBe(true);
    await Promise.resolve();
    // Not while the page shows the result (and may write an import right after).
    expect(FakeWorker.made).toHaveLength(1);
    vi.advanceTimersByTime(s.SPARE_DELAY_MS);
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made[1]!.sent).toEqual([{ type: 'preload', xlsx: true, dbName: 'aims-test' }]);

    release();
    expect(FakeWorker.made[1]!.terminated).toBe(true);
    release(); // twice is harmless
  });

  it('starts no spare beside a job that began before the delay after the last one ran out', async () => {
    const s = await load();
    vi.useFakeTimers();
    const release = s.keepSpreadsheetWorkerWarm();
    const first = s.startWorkbookExport('ws-1', catalog, 'full');
    FakeWorker.made[0]!.reply({ type: 'workbook', bytes: new Uint8Array([1]) });
    await first.done;
    const second = s.startWorkbookExport('ws-1', catalog, 'full');
    expect(FakeWorker.made).toHaveLength(2);
    vi.advanceTimersByTime(s.SPARE_DELAY_MS);
    // The second job runs: no third worker beside it.
    expect(FakeWorker.made).toHaveLength(2);
    FakeWorker.made[1]!.reply({ type: 'workbook', bytes: new Uint8Array([2]) });
    await second.done;
    await Promise.resolve();
    vi.advanceTimersByTime(s.SPARE_DELAY_MS);
    expect(FakeWorker.made).toHaveLength(3);
    release();
  });

  it('keeps no spare when nobody holds one, and a job still gets its own worker', async () => {
    const s = await load();
    const job = s.startWorkbookExport('ws-1', catalog, 'template');
    expect(FakeWorker.made).toHaveLength(1);
    FakeWorker.made[0]!.reply({ type: 'failed', message: 'boom' });
    await expect(job.done).rejects.toThrow('boom');
    await Promise.resolve();
    expect(FakeWorker.made).toHaveLength(1);
  });

  it('drops a spare that fails while it waits, so the next job gets a fresh worker that answers', async () => {
    const s = await load();
    const release = s.keepSpreadsheetWorkerWarm();
    const broken = FakeWorker.made[0]!;
    broken.onerror!({ message: 'script gone', preventDefault: () => undefined } as ErrorEvent);
    expect(broken.terminated).toBe(true);
    const job = s.startWorkbookExport('ws-1', catalog, 'full');
    expect(FakeWorker.made).toHaveLength(2);
    const fresh = FakeWorker.made[1]!;
    expect(fresh.sent.map((m) => m.type)).toEqual(['export']);
    fresh.reply({ type: 'workbook', bytes: new Uint8Array([7]) });
    expect(await job.done).toEqual(new Uint8Array([7]));
    release();
  });

  it('keeps going without a spare where no worker can be made', async () => {
    const s = await load();
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new DOMException('blocked', 'SecurityError');
        }
      },
    );
    expect(() => s.keepSpreadsheetWorkerWarm()()).not.toThrow();
  });

  it('ends the spare only when the last holder releases it', async () => {
    const s = await load();
    const a = s.keepSpreadsheetWorkerWarm();
    const b = s.keepSpreadsheetWorkerWarm();
    expect(FakeWorker.made).toHaveLength(1);
    a();
    expect(FakeWorker.made[0]!.terminated).toBe(false);
    b();
    expect(FakeWorker.made[0]!.terminated).toBe(true);
  });
});
