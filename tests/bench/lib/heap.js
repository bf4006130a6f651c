/**
 * Samples JavaScript memory through the DevTools protocol while the page works, about every
 * `intervalMs`:
 * - the page's V8 heap (Runtime.getHeapUsage usedSize, the same number as Performance.getMetrics
 *   JSHeapUsedSize and performance.memory.usedJSHeapSize);
 * - the page's ArrayBuffer backing stores (backingStorageSize; outside the V8 heap);
 * - the same two for every dedicated worker the page starts (the bundle worker), through
 *   Target.attachToTarget on the page's session.
 * A request waits for the thread to be free, so a sample is late (not lost) while a long task runs;
 * a peak that rises and falls within one task can be missed.
 */

/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('@playwright/test').CDPSession} CDPSession */
/** @typedef {{ usedSize: number, backingStorageSize?: number }} HeapUsage */
/**
 * @typedef {object} HeapReport
 * @property {number} samples
 * @property {number} baselineJs       page V8 heap before the action (after a forced GC)
 * @property {number} peakJs           highest page V8 heap seen
 * @property {number} baselineAll      page + workers, V8 heap + ArrayBuffers, before the action
 * @property {number} peakAll          highest page + workers, V8 heap + ArrayBuffers
 * @property {number} workers          workers seen while sampling
 */

const REPLY_TIMEOUT = 2_000;

export class HeapSampler {
  /** @param {Page} page @param {CDPSession} cdp @param {boolean} workers  attach to the page's workers as they start */
  constructor(page, cdp, workers) {
    this.page = page;
    this.cdp = cdp;
    /** @type {Map<string, { targetId: string, last: HeapUsage | null }>} worker sessions by id */
    this.workers = new Map();
    /** @type {Map<number, (v: HeapUsage | null) => void>} */
    this.pending = new Map();
    this.nextId = 1;
    this.seenWorkers = 0;
    this.running = false;
    /** @type {Promise<void> | null} */
    this.loop = null;
    /** @type {string | undefined} */
    this.pageTarget = undefined;
    this.report = /** @type {HeapReport} */ ({ samples: 0, baselineJs: 0, peakJs: 0, baselineAll: 0, peakAll: 0, workers: 0 });
    cdp.on('Target.receivedMessageFromTarget', (ev) => {
      const msg = /** @type {{ id?: number, result?: HeapUsage }} */ (JSON.parse(ev.message));
      const done = msg.id !== undefined ? this.pending.get(msg.id) : undefined;
      if (done && msg.id !== undefined) {
        this.pending.delete(msg.id);
        done(msg.result ?? null);
      }
    });
    cdp.on('Target.detachedFromTarget', (ev) => {
      if (ev.sessionId) this.workers.delete(ev.sessionId);
    });
    if (workers) page.on('worker', () => void this.attachWorkers().catch(() => undefined));
  }

  /** @param {Page} page @param {{ workers?: boolean }} [options] */
  static async attach(page, options = {}) {
    return new HeapSampler(page, await page.context().newCDPSession(page), options.workers ?? true);
  }

  async attachWorkers() {
    const { targetInfos } = await this.cdp.send('Target.getTargets');
    const mine = await this.pageTargetId();
    const known = new Set([...this.workers.values()].map((w) => w.targetId));
    for (const t of targetInfos) {
      if (t.type !== 'worker' || known.has(t.targetId)) continue;
      const parent = /** @type {{ parentId?: string }} */ (t).parentId;
      if (parent && parent !== mine) continue;
      const { sessionId } = await this.cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
      this.workers.set(sessionId, { targetId: t.targetId, last: null });
      this.seenWorkers += 1;
    }
  }

  /** The page's own target id, so workers of other pages are left alone. */
  async pageTargetId() {
    this.pageTarget ??= /** @type {string} */ ((await this.cdp.send('Target.getTargetInfo')).targetInfo.targetId);
    return this.pageTarget;
  }

  /** Forces a full garbage collection in the page (and its workers), so a baseline means something. */
  async gc() {
    await this.cdp.send('HeapProfiler.collectGarbage');
    await Promise.all([...this.workers.keys()].map((s) => this.toWorker(s, 'HeapProfiler.collectGarbage')));
  }

  /** @param {string} sessionId @param {string} method @returns {Promise<HeapUsage | null>} */
  toWorker(sessionId, method) {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(null);
      }, REPLY_TIMEOUT);
      this.pending.set(id, (v) => {
        clearTimeout(timer);
        resolve(v);
      });
      this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(() => {
        clearTimeout(timer);
        this.pending.delete(id);
        resolve(null);
      });
    });
  }

  /** One sample: [page V8 heap, page + workers V8 heap and ArrayBuffers]. */
  async sample() {
    const [page, ...workers] = await Promise.all([
      /** @type {Promise<HeapUsage>} */ (this.cdp.send('Runtime.getHeapUsage')),
      ...[...this.workers.keys()].map(async (s) => {
        const u = await this.toWorker(s, 'Runtime.getHeapUsage');
        const w = this.workers.get(s);
        if (w && u) w.last = u;
        return w?.last ?? null;
      }),
    ]);
    const all = (/** @type {HeapUsage | null} */ u) => (u ? u.usedSize + (u.backingStorageSize ?? 0) : 0);
    return { js: page.usedSize, all: all(page) + workers.reduce((n, u) => n + all(u), 0) };
  }

  /** Takes the baseline now and samples until stop(). @param {number} intervalMs */
  async start(intervalMs = 50) {
    const base = await this.sample();
    this.report = { samples: 1, baselineJs: base.js, peakJs: base.js, baselineAll: base.all, peakAll: base.all, workers: 0 };
    this.seenWorkers = this.workers.size;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        const t0 = Date.now();
        try {
          const s = await this.sample();
          this.report.samples += 1;
          this.report.peakJs = Math.max(this.report.peakJs, s.js);
          this.report.peakAll = Math.max(this.report.peakAll, s.all);
        } catch {
          // The page navigated or closed between two samples; the next one tells.
        }
        await new Promise((r) => setTimeout(r, Math.max(0, intervalMs - (Date.now() - t0))));
      }
    })();
  }

  /** @returns {Promise<HeapReport>} */
  async stop() {
    this.running = false;
    await this.loop;
    return { ...this.report, workers: this.seenWorkers };
  }

  async detach() {
    this.running = false;
    await this.cdp.detach().catch(() => undefined);
  }
}
