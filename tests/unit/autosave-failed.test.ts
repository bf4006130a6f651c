import { describe, expect, it, vi } from 'vitest';
import { flushSaves, queueSave, saveFailed } from '../../src/state/autosave';

describe('saveFailed', () => {
  it('says a change is not stored after its write failed, until that field is written again', async () => {
    const onError = vi.fn();
    let full = true;
    const write = vi.fn(async () => {
      if (full) throw new Error('quota');
    });
    expect(saveFailed()).toBe(false);
    await queueSave('risk|r1|owner', write, 'Alice', onError);
    await flushSaves();
    expect(onError).toHaveBeenCalledOnce();
    expect(saveFailed()).toBe(true);
    // Another field saving well does not make the lost change saved.
    await queueSave('risk|r1|title', async () => undefined, 'Drift', onError);
    expect(saveFailed()).toBe(true);
    full = false;
    await queueSave('risk|r1|owner', write, 'Alice', onError);
    expect(saveFailed()).toBe(false);
  });
});
