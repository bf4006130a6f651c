import { describe, expect, it } from 'vitest';
import { AutosaveQueue } from '../../src/state/autosave';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('AutosaveQueue', () => {
  it('writes the first value at once and only the newest of the values typed meanwhile', async () => {
    const written: string[] = [];
    const gates: ReturnType<typeof deferred>[] = [];
    const q = new AutosaveQueue<string>(
      async (v) => {
        written.push(v);
        const g = deferred();
        gates.push(g);
        await g.promise;
      },
      () => {},
    );
    void q.push('a');
    void q.push('ab');
    void q.push('abc');
    expect(written).toEqual(['a']);
    gates[0]!.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(written).toEqual(['a', 'abc']);
    gates[1]!.resolve();
    await q.flush();
    expect(q.busy).toBe(false);
  });

  it('reports a failed write and keeps saving later values', async () => {
    const errors: unknown[] = [];
    const written: number[] = [];
    const q = new AutosaveQueue<number>(
      async (v) => {
        if (v === 1) throw new Error('disk');
        written.push(v);
      },
      (e) => errors.push(e),
    );
    await q.push(1);
    await q.push(2);
    expect(errors).toHaveLength(1);
    expect(written).toEqual([2]);
  });
});
