// CPU profiles through the DevTools protocol's Profiler domain, of the page and of every dedicated
// worker it starts, for finding where a benchmark's time goes (tests/bench/profile-sheets.js).
// A worker is attached paused at its start (waitForDebuggerOnStart), profiled from its first line,
// and kept alive until its profile is taken: Worker.prototype.terminate is deferred in the page while
// a recording runs (the app ends its worker as soon as the reply arrives).

/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('@playwright/test').CDPSession} CDPSession */
/**
 * @typedef {{ id: number, callFrame: { functionName: string, url: string, lineNumber: number, columnNumber: number }, children?: number[] }} ProfileNode
 * @typedef {{ nodes: ProfileNode[], startTime: number, endTime: number, samples: number[], timeDeltas: number[] }} Profile
 */

const SAMPLING_US = 200;

export class CpuRecorder {
  /** @param {Page} page @param {CDPSession} cdp */
  constructor(page, cdp) {
    this.page = page;
    this.cdp = cdp;
    /** @type {Map<string, string>} sessionId → worker url */
    this.workers = new Map();
    /** @type {Map<number, (v: any) => void>} */
    this.pending = new Map();
    this.nextId = 1;
    cdp.on('Target.receivedMessageFromTarget', (ev) => {
      const msg = /** @type {{ id?: number, result?: unknown, error?: unknown }} */ (JSON.parse(ev.message));
      const done = msg.id !== undefined ? this.pending.get(msg.id) : undefined;
      if (done && msg.id !== undefined) {
        this.pending.delete(msg.id);
        done(msg.error ? null : msg.result);
      }
    });
    cdp.on('Target.attachedToTarget', (ev) => {
      if (ev.targetInfo.type !== 'worker') return;
      this.workers.set(ev.sessionId, ev.targetInfo.url);
      void (async () => {
        await this.toWorker(ev.sessionId, 'Profiler.enable');
        await this.toWorker(ev.sessionId, 'Profiler.setSamplingInterval', { interval: SAMPLING_US });
        await this.toWorker(ev.sessionId, 'Profiler.start');
        await this.toWorker(ev.sessionId, 'Runtime.runIfWaitingForDebugger');
      })();
    });
  }

  /** @param {Page} page */
  static async attach(page) {
    return new CpuRecorder(page, await page.context().newCDPSession(page));
  }

  /** @param {string} sessionId @param {string} method @param {object} [params] */
  toWorker(sessionId, method, params = {}) {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(null);
      }, 30_000);
      this.pending.set(id, (v) => {
        clearTimeout(timer);
        resolve(v);
      });
      this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => {
        clearTimeout(timer);
        this.pending.delete(id);
        resolve(null);
      });
    });
  }

  /** Starts profiling the page now and every worker it starts from now on. */
  async start() {
    await this.page.evaluate(() => {
      const w = /** @type {any} */ (window);
      if (w.__benchTerminate) return;
      const terminate = Worker.prototype.terminate;
      w.__benchDeferred = [];
      Worker.prototype.terminate = function () {
        w.__benchDeferred.push(this);
      };
      w.__benchTerminate = () => {
        for (const worker of w.__benchDeferred) terminate.call(worker);
        w.__benchDeferred = [];
      };
    });
    await this.cdp.send('Profiler.enable');
    await this.cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await this.cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
    await this.cdp.send('Profiler.start');
  }

  /** Stops every profile, ends the deferred workers. @returns {Promise<{ thread: string, profile: Profile }[]>} */
  async stop() {
    const page = /** @type {{ profile: Profile }} */ (await this.cdp.send('Profiler.stop'));
    /** @type {{ thread: string, profile: Profile }[]} */
    const out = [{ thread: 'page', profile: page.profile }];
    for (const [sessionId, url] of this.workers) {
      const r = /** @type {{ profile: Profile } | null} */ (await this.toWorker(sessionId, 'Profiler.stop'));
      if (r) out.push({ thread: `worker ${url.replace(/^.*\//, '')}`, profile: r.profile });
    }
    await this.cdp.send('Target.setAutoAttach', { autoAttach: false, waitForDebuggerOnStart: false, flatten: false });
    for (const sessionId of this.workers.keys()) await this.cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    this.workers.clear();
    await this.page.evaluate(() => /** @type {any} */ (window).__benchTerminate?.());
    return out;
  }

  async detach() {
    await this.cdp.detach().catch(() => undefined);
  }
}

/**
 * Self and total (inclusive) milliseconds per function, and self milliseconds per script, from one
 * profile. Total counts a sample once per function on its stack, so recursion is not counted twice.
 * @param {Profile} p
 */
export function summarizeProfile(p) {
  /** @type {Map<number, ProfileNode>} */
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (/** @type {ProfileNode} */ n) => {
    const f = n.callFrame;
    const file = f.url ? f.url.replace(/^.*\//, '').replace(/\?.*$/, '') : '';
    return `${f.functionName || '(anonymous)'} ${file ? `${file}:${f.lineNumber + 1}` : ''}`.trim();
  };
  const script = (/** @type {ProfileNode} */ n) => {
    const f = n.callFrame;
    if (!f.url) return f.functionName.startsWith('(') ? f.functionName : '(native)';
    return f.url
      .replace(/^.*\//, '')
      .replace(/\?.*$/, '')
      .replace(/-[\w-]{8}\.js$/, '.js');
  };
  /** @type {Map<string, number>} */
  const self = new Map();
  /** @type {Map<string, number>} */
  const total = new Map();
  /** @type {Map<string, number>} */
  const scripts = new Map();
  let all = 0;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i + 1] ?? p.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    all += dt;
    const k = key(node);
    self.set(k, (self.get(k) ?? 0) + dt);
    const s = script(node);
    scripts.set(s, (scripts.get(s) ?? 0) + dt);
    const seen = new Set();
    for (let n = /** @type {ProfileNode | undefined} */ (node); n; n = byId.get(parent.get(n.id) ?? -1)) {
      const kk = key(n);
      if (seen.has(kk)) continue;
      seen.add(kk);
      total.set(kk, (total.get(kk) ?? 0) + dt);
    }
  });
  // When each of the busiest functions ran: first and last sample on a stack holding it (µs, the profile's clock).
  /** @type {Map<string, [number, number]>} */
  const spans = new Map();
  let t = p.startTime;
  p.samples.forEach((id, i) => {
    t += p.timeDeltas[i] ?? 0;
    const seen = new Set();
    for (let n = byId.get(id); n; n = byId.get(parent.get(n.id) ?? -1)) {
      const kk = key(n);
      if (seen.has(kk)) continue;
      seen.add(kk);
      const span = spans.get(kk);
      if (span) span[1] = t;
      else spans.set(kk, [t, t]);
    }
  });
  // Self time per source line (the profile's positionTicks), for the lines of scripts with a url.
  /** @type {Map<string, number>} */
  const lines = new Map();
  const tickMs = p.samples.length ? (p.endTime - p.startTime) / 1000 / p.samples.length : 0;
  for (const n of p.nodes) {
    const f = n.callFrame;
    if (!f.url) continue;
    for (const pt of /** @type {{ line: number, ticks: number }[]} */ (/** @type {any} */ (n).positionTicks ?? [])) {
      const k = `${f.url.replace(/^.*\//, '').replace(/\?.*$/, '')}:${pt.line}`;
      lines.set(k, (lines.get(k) ?? 0) + pt.ticks * tickMs);
    }
  }
  const top = (/** @type {Map<string, number>} */ m, /** @type {number} */ n) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => ({ fn: k, ms: Math.round(v) }));
  const idle = (self.get('(idle)') ?? 0) + (self.get('(program)') ?? 0);
  return {
    ms: Math.round(all),
    busyMs: Math.round(all - idle),
    self: top(self, 25),
    total: top(total, 40),
    scripts: top(scripts, 12),
    spans,
    lines: top(lines, 20),
  };
}
