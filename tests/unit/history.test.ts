import { describe, expect, it } from 'vitest';
import {
  clipValue,
  coalesce,
  COALESCE_MS,
  diffRecords,
  historyEntry,
  historyEntrySchema,
  importEntries,
  isTruncated,
  recordLabel,
  sameValue,
  VALUE_MAX_CHARS,
  type HistoryEntry,
} from '../../src/domain/history';
import { dayEnd, dayStart, entryKind, filterHistory } from '../../src/domain/history-filter';
import { href, parseRoute, type Route } from '../../src/state/routes';

const AT = '2026-03-01T10:00:00.000Z';
const later = (ms: number) => new Date(Date.parse(AT) + ms).toISOString();

function entry(overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return historyEntry({
    id: crypto.randomUUID(),
    workspaceId: 'ws',
    table: 'risks',
    recordId: 'r1',
    label: 'R-001 Bias',
    at: AT,
    user: 'Dana',
    action: 'update',
    changes: [{ field: 'owner', before: '', after: 'S' }],
    ...overrides,
  });
}

describe('diffRecords', () => {
  it('reports only the top-level fields whose values differ, with old and new values', () => {
    const before = { id: 'r1', title: 'Bias', owner: 'Sam', status: 'draft', score: 3 };
    const after = { id: 'r1', title: 'Bias', owner: 'Dana', status: 'assessed', score: 3 };
    expect(diffRecords(before, after)).toEqual([
      { field: 'owner', before: 'Sam', after: 'Dana' },
      { field: 'status', before: 'draft', after: 'assessed' },
    ]);
  });

  it('ignores createdAt and updatedAt', () => {
    expect(diffRecords({ a: 1, createdAt: 'x', updatedAt: 'y' }, { a: 1, createdAt: 'z', updatedAt: 'w' })).toEqual([]);
  });

  it('compares arrays and objects whole, by value, whatever the key order', () => {
    expect(diffRecords({ ids: ['a', 'b'], link: { x: 1, y: 2 } }, { ids: ['a', 'b'], link: { y: 2, x: 1 } })).toEqual([]);
    expect(diffRecords({ ids: ['a', 'b'] }, { ids: ['b', 'a'] })).toEqual([{ field: 'ids', before: ['a', 'b'], after: ['b', 'a'] }]);
    expect(diffRecords({ link: { x: 1 } }, { link: null })).toEqual([{ field: 'link', before: { x: 1 }, after: null }]);
  });

  it('reports fields that appear or disappear, with null for the missing side', () => {
    expect(diffRecords({ a: 1 }, { a: 1, recordId: 'x' })).toEqual([{ field: 'recordId', before: null, after: 'x' }]);
    expect(diffRecords({ a: 1, gone: 'y' }, { a: 1 })).toEqual([{ field: 'gone', before: 'y', after: null }]);
    expect(diffRecords({ a: undefined }, { a: null })).toEqual([]);
  });

  it('expands the named object fields one level down', () => {
    expect(diffRecords({ name: 'A', profile: { sector: 'x', size: 'small' } }, { name: 'A', profile: { sector: 'y', size: 'small' } }, ['profile'])).toEqual([
      { field: 'profile.sector', before: 'x', after: 'y' },
    ]);
  });

  it('cuts long values to VALUE_MAX_CHARS and marks them', () => {
    const long = 'x'.repeat(VALUE_MAX_CHARS + 500);
    const [change] = diffRecords({ notes: '' }, { notes: long });
    expect(isTruncated(change!.after)).toBe(true);
    expect((change!.after as { $truncated: string }).$truncated).toHaveLength(VALUE_MAX_CHARS);
    const bigList = Array.from({ length: 500 }, (_, i) => `item-${i}`);
    const clipped = clipValue(bigList);
    expect(isTruncated(clipped)).toBe(true);
    expect((clipped as { $truncated: string }).$truncated).toBe(JSON.stringify(bigList).slice(0, VALUE_MAX_CHARS));
    expect(clipValue('short')).toBe('short');
    expect(clipValue(undefined)).toBeNull();
  });
});

describe('sameValue', () => {
  it('is structural equality over JSON-like values', () => {
    expect(sameValue([1, { a: [2] }], [1, { a: [2] }])).toBe(true);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue(0, '0')).toBe(false);
  });
});

describe('coalesce', () => {
  it('merges a burst of autosaves of the same fields by the same user: first before, last after, latest time', () => {
    const first = entry({ changes: [{ field: 'description', before: '', after: 'T' }] });
    const next = entry({ at: later(30_000), changes: [{ field: 'description', before: 'T', after: 'Typed a paragraph' }] });
    expect(coalesce(first, next)).toEqual({ ...first, at: next.at, changes: [{ field: 'description', before: '', after: 'Typed a paragraph' }] });
  });

  it('merges edits of other fields of the same record into the same entry, each field first before → last after', () => {
    const first = entry({ changes: [{ field: 'owner', before: '', after: 'S' }] });
    const second = coalesce(first, entry({ at: later(1000), changes: [{ field: 'title', before: 'a', after: 'b' }] }))!;
    const third = coalesce(second, entry({ at: later(2000), changes: [{ field: 'owner', before: 'S', after: 'Sam' }] }));
    expect(third).toEqual({
      ...first,
      at: later(2000),
      changes: [
        { field: 'owner', before: '', after: 'Sam' },
        { field: 'title', before: 'a', after: 'b' },
      ],
    });
  });

  it('keeps entries apart after the window, across users, records and actions', () => {
    const first = entry();
    expect(coalesce(first, entry({ at: later(COALESCE_MS) }))).toBeNull();
    expect(coalesce(first, entry({ at: later(1000), user: 'Sam' }))).toBeNull();
    expect(coalesce(first, entry({ at: later(1000), recordId: 'r2' }))).toBeNull();
    expect(coalesce(entry({ action: 'create', changes: [] }), entry({ at: later(1000) }))).toBeNull();
    expect(coalesce(undefined, first)).toBeNull();
  });

  it('returns no changes when the fields came back to where they started', () => {
    const first = entry({ changes: [{ field: 'owner', before: 'Sam', after: 'Sa' }] });
    const merged = coalesce(first, entry({ at: later(1000), changes: [{ field: 'owner', before: 'Sa', after: 'Sam' }] }));
    expect(merged?.changes).toEqual([]);
  });
});

describe('labels, text, filters, imports', () => {
  it('names records the way people know them', () => {
    expect(recordLabel('risks', { id: 'r', ref: 'R-003', title: 'Drift' })).toBe('R-003 Drift');
    expect(recordLabel('assessments', { id: 'a', itemId: 'A.6.2.4' })).toBe('A.6.2.4');
    expect(recordLabel('aiSystems', { id: 's', name: 'Claims model' })).toBe('Claims model');
    expect(recordLabel('impactAssessments', { id: 'i', version: 2 })).toBe('v2');
    expect(recordLabel('ownControls', { id: 'c' })).toBe('c');
  });

  it('keeps long nested rows as rows, their ids and choices whole and their texts shortened, so they still compare row by row', () => {
    const id = (n: number) => `3f1c2d4e-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const rows = Array.from({ length: 12 }, (_, i) => ({
      id: id(i),
      area: 'fairness',
      decision: 'proceed-with-conditions',
      description: 'x'.repeat(400),
      riskId: id(100 + i),
    }));
    const clipped = clipValue(rows) as typeof rows;
    expect(isTruncated(clipped)).toBe(false);
    expect(clipped.map((r) => [r.id, r.riskId, r.decision])).toEqual(rows.map((r) => [r.id, r.riskId, r.decision]));
    expect(clipped[0]!.description).toBe(`${'x'.repeat(200)}…`);
    expect(JSON.stringify(clipped).length).toBeLessThanOrEqual(VALUE_MAX_CHARS * 5);
    // Even more rows: shorter texts; far too many: the value is cut and marked.
    expect((clipValue([...rows, ...rows, ...rows]) as typeof rows)[0]!.description).toBe(`${'x'.repeat(60)}…`);
    expect(isTruncated(clipValue(Array.from({ length: 200 }, () => rows[0])))).toBe(true);
  });

  it('filters by register, management-system kind, user, local calendar days and record, newest first', () => {
    const a = entry({ at: '2026-01-01T10:00:00.000Z', user: 'Dana' });
    const b = entry({ at: '2026-02-01T10:00:00.000Z', user: '', table: 'aiSystems' });
    const c = entry({ at: '2026-03-01T10:00:00.000Z', user: 'Dana', recordId: 'r2' });
    const obj = entry({ at: '2026-03-02T10:00:00.000Z', table: 'cycleRecords', label: 'OBJ-001 Model cards' });
    const doc = entry({ at: '2026-03-03T10:00:00.000Z', table: 'cycleRecords', label: 'DOC-002 AI policy' });
    expect(filterHistory([a, b, c], {})).toEqual([c, b, a]);
    expect(filterHistory([a, b, c], { user: '' })).toEqual([b]);
    expect(filterHistory([a, b, c], { table: 'risks', user: 'Dana' })).toEqual([c, a]);
    expect(filterHistory([a, b, c], { fromAt: dayStart('2026-01-15'), toAt: dayEnd('2026-02-01') })).toEqual([b]);
    expect(filterHistory([a, b, c], { recordId: 'r2' })).toEqual([c]);
    expect(filterHistory([a, obj, doc], { table: 'cycleRecords' })).toEqual([doc, obj]);
    expect(filterHistory([a, obj, doc], { table: 'cycleRecords', kind: 'objective' })).toEqual([obj]);
    expect(entryKind(doc)).toBe('document');
    expect(entryKind(a)).toBeUndefined();
  });

  it('takes a period in local calendar days: "to" includes the whole of its day', () => {
    expect(new Date(dayStart('2026-02-01')).getDate()).toBe(1);
    expect(new Date(dayStart('2026-02-01')).getHours()).toBe(0);
    expect(Date.parse(dayEnd('2026-02-01')) - Date.parse(dayStart('2026-02-01'))).toBe(24 * 3600 * 1000);
    const late = entry({ at: new Date(2026, 1, 1, 23, 59).toISOString() });
    expect(filterHistory([late], { fromAt: dayStart('2026-02-01'), toAt: dayEnd('2026-02-01') })).toEqual([late]);
    expect(filterHistory([late], { toAt: dayEnd('2026-01-31') })).toEqual([]);
    expect(dayStart('')).toBe('');
  });

  it('builds one import entry per created or changed record, none for unchanged ones', () => {
    let n = 0;
    const ids = () => `id-${++n}`;
    const created = { id: 'r1', workspaceId: 'ws', ref: 'R-001', title: 'New' };
    const before = { id: 'r2', workspaceId: 'ws', ref: 'R-002', title: 'Old', owner: 'Sam' };
    const out = importEntries(
      'ws',
      [
        { table: 'risks', after: created },
        { table: 'risks', before, after: { ...before, owner: 'Dana' } },
        { table: 'risks', before, after: { ...before } },
      ],
      'Ann',
      AT,
      ids,
    );
    expect(out).toEqual([
      { id: 'id-1', workspaceId: 'ws', table: 'risks', recordId: 'r1', label: 'R-001 New', at: AT, user: 'Ann', action: 'import', changes: [] },
      {
        id: 'id-2',
        workspaceId: 'ws',
        table: 'risks',
        recordId: 'r2',
        label: 'R-002 Old',
        at: AT,
        user: 'Ann',
        action: 'import',
        changes: [{ field: 'owner', before: 'Sam', after: 'Dana' }],
      },
    ]);
  });

  it('validates entries (bundles carry them)', () => {
    expect(historyEntrySchema.parse(entry())).toEqual(entry({ id: expect.any(String) as unknown as string }));
    expect(historyEntrySchema.safeParse({ ...entry(), action: 'erase' }).success).toBe(false);
    expect(historyEntrySchema.safeParse({ ...entry(), table: 'settings' }).success).toBe(false);
    expect(historyEntrySchema.safeParse({ ...entry(), extra: 1 }).success).toBe(false);
    expect(historyEntrySchema.safeParse({ ...entry(), changes: [{ field: 'x', before: 'y'.repeat(VALUE_MAX_CHARS * 7), after: '' }] }).success).toBe(false);
  });
});

describe('history and trash routes', () => {
  it.each<Route>([
    { name: 'history', ws: 'abc' },
    { name: 'trash', ws: 'a b' },
  ])('round-trips %j', (route) => {
    expect(parseRoute(href(route))).toEqual(route);
  });

  it('has the documented addresses', () => {
    expect(href({ name: 'history', ws: 'abc' })).toBe('#/w/abc/history');
    expect(href({ name: 'trash', ws: 'abc' })).toBe('#/w/abc/trash');
  });
});
