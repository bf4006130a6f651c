// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EditConflictError } from '../../src/db/errors';
import { app } from '../../src/state/app.svelte';
import { flushSaves } from '../../src/state/autosave';
import { checkedSave, nextSession, type EditMeta } from '../../src/state/edit-sessions';

let stored: string;
const write = vi.fn(async (patch: { owner: string }, expected: Record<string, unknown> | undefined) => {
  if (expected && expected.owner !== stored && patch.owner !== stored)
    throw new EditConflictError('r1', 'R-001 Drift', [{ field: 'owner', mine: patch.owner, theirs: stored }]);
  stored = patch.owner;
});

beforeEach(() => {
  stored = '';
  write.mockClear();
  if (app.conflict) app.resolveConflict('theirs');
});

describe('checkedSave', () => {
  it("expects the editor's starting value first, then what this tab itself wrote", async () => {
    const edit: EditMeta = { base: '', session: nextSession(), label: 'Owner' };
    checkedSave('risk|r1|owner', { owner: 'A' }, edit, write, () => undefined);
    await flushSaves();
    checkedSave('risk|r1|owner', { owner: 'Al' }, edit, write, () => undefined);
    await flushSaves();
    expect(write.mock.calls.map((c) => c[1])).toEqual([{ owner: '' }, { owner: 'A' }]);
    expect(stored).toBe('Al');
    expect(app.conflict).toBeNull();
  });

  it('asks the user when another tab changed the field, and writes theirs or mine as chosen', async () => {
    const edit: EditMeta = { base: '', session: nextSession(), label: 'Owner' };
    stored = 'Bob'; // the other tab
    checkedSave('risk|r2|owner', { owner: 'Alice' }, edit, write, () => undefined);
    await flushSaves();
    expect(stored).toBe('Bob');
    expect(app.conflict).toMatchObject({ record: 'R-001 Drift', field: 'Owner', conflicts: [{ mine: 'Alice', theirs: 'Bob' }] });
    app.resolveConflict('mine');
    await flushSaves();
    expect(stored).toBe('Alice');
    expect(app.conflict).toBeNull();
  });

  it('after "keep theirs", goes on from their value without asking again', async () => {
    const edit: EditMeta = { base: '', session: nextSession(), label: 'Owner' };
    stored = 'Bob';
    checkedSave('risk|r3|owner', { owner: 'Alice' }, edit, write, () => undefined);
    await flushSaves();
    app.resolveConflict('theirs');
    expect(stored).toBe('Bob');
    checkedSave('risk|r3|owner', { owner: 'Bob and Alice' }, edit, write, () => undefined);
    await flushSaves();
    expect(stored).toBe('Bob and Alice');
    expect(app.conflict).toBeNull();
  });
});
