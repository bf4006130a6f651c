import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/domain/history';
import { conflictFields, mixRecord, OTHER_FIELDS, type MergeHistory } from '../../src/domain/merge-fields';
import { valueFields } from '../../src/domain/register-values';

const BASE = '2026-11-27T10:00:00.000Z';
let n = 0;
const entry = (at: string, changes: { field: string; before: unknown; after: unknown }[], id = `e${++n}`): HistoryEntry => ({
  id,
  workspaceId: 'w',
  table: 'risks',
  recordId: 'r',
  label: 'R-001',
  at,
  user: '',
  action: 'update',
  changes,
});
const declared = valueFields('risks').map((f) => f.key);
const mine = { id: 'r', workspaceId: 'w', ref: 'R-001', title: 'Mine', owner: 'Ana', description: 'Same', updatedAt: '2026-12-02T00:00:00.000Z' };
const theirs = { ...mine, title: 'Theirs', owner: 'Bo', updatedAt: '2026-12-01T00:00:00.000Z' };
const fields = (h: Partial<MergeHistory>) => conflictFields('risks', mine, theirs, { basedOn: BASE, mine: [], theirs: [], ...h }, declared);

describe('conflict fields and their base', () => {
  it('knows the base where both histories agree, and starts a field one side changed on that side', () => {
    const f = fields({
      mine: [entry('2026-12-02T00:00:00.000Z', [{ field: 'title', before: 'Base', after: 'Mine' }])],
      theirs: [
        entry('2026-12-01T00:00:00.000Z', [
          { field: 'title', before: 'Base', after: 'Theirs' },
          { field: 'owner', before: 'Ana', after: 'Bo' },
        ]),
      ],
    });
    expect(f).toEqual([
      { field: 'title', keys: ['title'], base: { value: 'Base' }, preferred: 'mine' },
      { field: 'owner', keys: ['owner'], base: { value: 'Ana' }, preferred: 'theirs' },
    ]);
  });

  it('leaves the base unknown when a side has no history, when the histories disagree, or when the value was cut', () => {
    expect(fields({}).map((f) => f.base)).toEqual([null, null]);
    const disagree = fields({
      mine: [entry('2026-12-02T00:00:00.000Z', [{ field: 'title', before: 'One', after: 'Mine' }])],
      theirs: [entry('2026-12-01T00:00:00.000Z', [{ field: 'title', before: 'Two', after: 'Theirs' }])],
    });
    expect(disagree[0]!.base).toBeNull();
    const cut = fields({
      mine: [entry('2026-12-02T00:00:00.000Z', [{ field: 'title', before: { $truncated: 'Ba' }, after: 'Mine' }])],
      theirs: [entry('2026-12-01T00:00:00.000Z', [{ field: 'title', before: { $truncated: 'Ba' }, after: 'Theirs' }])],
    });
    expect(cut[0]!.base).toBeNull();
  });

  it('does not trust an entry both sides hold: it began before the exchange and was merged with later edits on both', () => {
    // Both sides merged their edit into the same pre-exchange entry: it says the title was "Older" before, on both sides.
    const f = fields({
      mine: [entry('2026-12-02T00:00:00.000Z', [{ field: 'title', before: 'Older', after: 'Mine' }], 'shared')],
      theirs: [entry('2026-12-01T00:00:00.000Z', [{ field: 'title', before: 'Older', after: 'Theirs' }], 'shared')],
    });
    expect(f[0]!.base).toBeNull();
  });

  it('groups differing fields no register declares into one line', () => {
    const f = conflictFields('risks', { ...mine, internal: 1 }, { ...theirs, internal: 2 }, { basedOn: BASE, mine: [], theirs: [] }, declared);
    expect(f.at(-1)).toEqual({ field: OTHER_FIELDS, keys: ['internal'], base: null, preferred: 'mine' });
  });
});

describe('the record a choice makes', () => {
  const f = fields({});
  it('mixes the chosen fields of theirs into mine as a new version', () => {
    expect(mixRecord(mine, theirs, f, { title: 'theirs', owner: 'mine' }, '2026-12-07T00:00:00.000Z')).toEqual({
      ...mine,
      title: 'Theirs',
      updatedAt: '2026-12-07T00:00:00.000Z',
    });
  });
  it('writes nothing for all mine and theirs as it came for all theirs', () => {
    expect(mixRecord(mine, theirs, f, 'mine', 'now')).toBeNull();
    expect(mixRecord(mine, theirs, f, { title: 'theirs', owner: 'theirs' }, 'now')).toBe(theirs);
  });
  it('reads and writes a workspace profile field one level down', () => {
    const a = { id: 'w', name: 'W', profile: { sector: 'health', size: 'small' }, updatedAt: '2026-12-02T00:00:00.000Z' };
    const b = { ...a, name: 'W2', profile: { sector: 'finance', size: 'large' }, updatedAt: '2026-12-01T00:00:00.000Z' };
    const wf = conflictFields('workspaces', a, b, { basedOn: null, mine: [], theirs: [] }, ['name', 'profile.sector', 'profile.size']);
    expect(wf.map((x) => x.field)).toEqual(['name', 'profile.sector', 'profile.size']);
    expect(mixRecord(a, b, wf, { 'profile.sector': 'theirs' }, 'now')).toEqual({ ...a, profile: { sector: 'finance', size: 'small' }, updatedAt: 'now' });
  });
});
