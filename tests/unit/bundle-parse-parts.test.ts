import { describe, expect, it } from 'vitest';
import { parsedFromParts } from '../../src/state/bundles';
import type { WorkerReply } from '../../src/state/bundle.worker';
import { coarseProgress, workerJob } from '../../src/state/worker-job';

/** A worker stand-in: the test plays its replies. */
function fakeWorker() {
  const w = {
    onmessage: null as ((ev: MessageEvent) => void) | null,
    onerror: null,
    terminated: false,
    postMessage() {},
    terminate: () => (w.terminated = true),
  };
  return { worker: w as unknown as Worker, reply: (data: WorkerReply) => w.onmessage?.({ data } as MessageEvent), state: w };
}

// A parsed bundle's 12,000 records in one message took the page 150–250 ms to receive in one task;
// they come in parts of 1,000 ahead of the reply that settles the job.
describe('a parsed bundle arrives in parts', () => {
  it('keeps the job waiting through the parts and puts every record back in order', async () => {
    const { worker, reply, state } = fakeWorker();
    const job = workerJob(worker, 'the bundle worker', parsedFromParts());
    const risk = (i: number) => ({ id: `r${i}`, ref: `R-${i}` });
    reply({ type: 'part', table: 'risks', rows: [risk(1), risk(2)] });
    reply({ type: 'part', table: 'aiSystems', rows: [{ id: 's1' }] });
    reply({ type: 'part', table: 'risks', rows: [risk(3)] });
    expect(state.terminated).toBe(false);
    const records = { risks: [], aiSystems: [], evidence: [{ id: 'e1' }] } as unknown as Record<string, unknown[]>;
    reply({ type: 'parsed', result: { ok: true, bundle: { records } } } as unknown as WorkerReply);
    const result = await job.done;
    expect(state.terminated).toBe(true);
    if (!result.ok) throw new Error('not parsed');
    expect(result.bundle.records.risks.map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect(result.bundle.records.aiSystems).toEqual([{ id: 's1' }]);
    expect(result.bundle.records.evidence).toEqual([{ id: 'e1' }]);
  });

  it('brings the figures worked out ahead of the reply with the parsed bundle, and drops them with a refused one', async () => {
    const figures = { figures: { inputs: 'i', view: {} }, digests: { inputs: 'd', ownControls: '[]', packed: {} } };
    const ok = fakeWorker();
    const job = workerJob(ok.worker, 'the bundle worker', parsedFromParts());
    ok.reply({ type: 'part', table: 'risks', rows: [{ id: 'r1' }] });
    ok.reply({ type: 'part', figures } as unknown as WorkerReply);
    expect(ok.state.terminated).toBe(false);
    ok.reply({ type: 'parsed', result: { ok: true, bundle: { records: { risks: [] } } } } as unknown as WorkerReply);
    const result = await job.done;
    expect(result.ok && result.figures).toBe(figures);
    expect(result.ok && result.bundle.records.risks).toEqual([{ id: 'r1' }]);
    const refused = fakeWorker();
    const failed = workerJob(refused.worker, 'the bundle worker', parsedFromParts());
    refused.reply({ type: 'part', figures } as unknown as WorkerReply);
    refused.reply({ type: 'parsed', result: { ok: false, problems: [] } });
    expect(await failed.done).toEqual({ ok: false, problems: [] });
  });

  it('a refused bundle still settles with its problems', async () => {
    const { worker, reply } = fakeWorker();
    const job = workerJob(worker, 'the bundle worker', parsedFromParts());
    reply({ type: 'parsed', result: { ok: false, problems: [] } });
    expect(await job.done).toEqual({ ok: false, problems: [] });
  });
});

// JSZip reports every chunk it deflates: thousands of progress messages, each an update on the page.
describe('export progress', () => {
  it('is passed on in steps of a percent, and always at the end', () => {
    const seen: number[] = [];
    const report = coarseProgress((f) => seen.push(f));
    for (let i = 0; i <= 10_000; i++) report(i / 10_000);
    expect(seen.length).toBeLessThanOrEqual(102);
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f - seen[i - 1]! >= 0.01 || f === 1)).toBe(true);
  });
});
