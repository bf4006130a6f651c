import { describe, expect, it, vi } from 'vitest';
import { flushSaves, onSavingChange, queueSave, stopSaves } from '../../src/state/autosave';

describe('stopSaves', () => {
  it('queues nothing once the database may not be written: no write starts, the indicator never turns to saving', async () => {
    const write = vi.fn(async () => undefined);
    const busy: boolean[] = [];
    onSavingChange((b) => busy.push(b));
    await queueSave('k|1', write, 'before', () => undefined);
    expect(write).toHaveBeenCalledTimes(1);
    stopSaves();
    busy.length = 0;
    await queueSave('k|1', write, 'after', () => undefined);
    await queueSave('k|2', write, 'other', () => undefined);
    await flushSaves();
    expect(write).toHaveBeenCalledTimes(1);
    expect(busy).toEqual([]);
  });
});
