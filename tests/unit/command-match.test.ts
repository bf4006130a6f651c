import { describe, expect, it } from 'vitest';
import { matchEntries, PER_GROUP } from '../../src/ui/shell/command-match';
import type { SearchEntry } from '../../src/state/search-index';

const ws = 'w1';
const page = (label: string): SearchEntry => ({ group: 'pages', key: label, label, detail: '', code: '', to: { name: 'dashboard', ws } });
const item = (id: string, title: string): SearchEntry => ({
  group: 'items',
  key: id,
  label: `${id} ${title}`,
  detail: 'Control',
  code: id,
  to: { name: 'item', ws, itemId: id },
});
const risk = (ref: string, title: string): SearchEntry => ({
  group: 'records',
  key: `id-${ref}`,
  label: `${ref} ${title}`,
  detail: 'Risk',
  code: ref,
  to: { name: 'risk', ws, id: `id-${ref}` },
});

const entries = [
  page('Dashboard'),
  page('Impact assessments'),
  item('6.1.3', 'AI risk treatment'),
  item('A.8.2', 'System documentation'),
  item('A.8.3', 'External reporting'),
  item('A.6.1.3', 'Processes for responsible design'),
  risk('R-001', 'Unfair refusals'),
  risk('R-002', 'Model drift after the impact of new data'),
];
const labels = (q: string) => matchEntries(entries, q).flatMap((g) => g.entries.map((e) => e.label));

describe('the command box matching', () => {
  it('puts an exact number or ref first, in the group it belongs to', () => {
    expect(labels('A.8.3')[0]).toBe('A.8.3 External reporting');
    expect(labels('a.8.3')[0]).toBe('A.8.3 External reporting');
    expect(labels('6.1.3')[0]).toBe('6.1.3 AI risk treatment');
    expect(matchEntries(entries, 'R-002')[0]).toEqual({ group: 'records', entries: [entries[7]] });
  });

  it('lists the numbers a query begins before entries that only contain it', () => {
    expect(labels('A.8')).toEqual(['A.8.2 System documentation', 'A.8.3 External reporting']);
    expect(labels('6.1.3')).toEqual(['6.1.3 AI risk treatment', 'A.6.1.3 Processes for responsible design']);
  });

  it('finds words anywhere in a label, all of them, in any case', () => {
    expect(labels('impact')).toEqual(['Impact assessments', 'R-002 Model drift after the impact of new data']);
    expect(labels('drift DATA')).toEqual(['R-002 Model drift after the impact of new data']);
    expect(labels('nothing like this')).toEqual([]);
  });

  it('shows the pages for an empty query and at most a handful of each group', () => {
    expect(labels('  ')).toEqual(['Dashboard', 'Impact assessments']);
    const many = Array.from({ length: 30 }, (_, i) => risk(`R-${String(i + 1).padStart(3, '0')}`, 'Same words'));
    expect(matchEntries(many, 'same')[0]?.entries).toHaveLength(PER_GROUP);
  });
});
