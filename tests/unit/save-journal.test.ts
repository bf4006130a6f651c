import { describe, expect, it } from 'vitest';
import { SaveJournal, type JournalEntry } from '../../src/state/save-journal';

/** localStorage's interface over a Map, as a test double. */
class MemoryStorage implements Storage {
  readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  clear() {
    this.map.clear();
  }
}

const entry = (key: string, text: string): JournalEntry => ({
  key,
  op: 'risk',
  target: ['r1'],
  patch: { description: text },
  edit: { base: '', label: 'Description' },
});

function journal(storage: Storage, db = 'aims', tab = 'tab1'): SaveJournal {
  const j = new SaveJournal();
  j.attach(storage, db, tab);
  return j;
}

describe('SaveJournal', () => {
  it('keeps nothing in storage until the page hides, then only the newest pending value of each key', () => {
    const storage = new MemoryStorage();
    const j = journal(storage);
    j.note('risk|r1|description', () => entry('risk|r1|description', 'Sc'));
    j.note('risk|r1|description', () => entry('risk|r1|description', 'Scores'));
    j.note('risk|r1|owner', () => ({ ...entry('risk|r1|owner', ''), patch: { owner: 'Ana' } }));
    expect(storage.length).toBe(0);
    j.persist(new Date('2030-01-01T10:00:00Z'));
    const stored = JSON.parse(storage.getItem('aims.unsaved.aims.tab1')!);
    expect(stored.at).toBe('2030-01-01T10:00:00.000Z');
    expect(stored.entries.map((e: JournalEntry) => e.patch)).toEqual([{ description: 'Scores' }, { owner: 'Ana' }]);
  });

  it('drops a key once its newest value is written, and removes the journal when nothing is left', () => {
    const storage = new MemoryStorage();
    const j = journal(storage);
    const older = j.note('k', () => entry('k', 'a'));
    const newer = j.note('k', () => entry('k', 'ab'));
    j.persist();
    j.done('k', older); // the older write finished: the newer value still waits
    expect(JSON.parse(storage.getItem('aims.unsaved.aims.tab1')!).entries[0].patch).toEqual({ description: 'ab' });
    j.done('k', newer);
    expect(j.size).toBe(0);
    expect(storage.getItem('aims.unsaved.aims.tab1')).toBeNull();
  });

  it('describes a pending save when the page hides, not when it was typed', () => {
    const storage = new MemoryStorage();
    const j = journal(storage);
    let base = 'first';
    j.note('k', () => ({ ...entry('k', 'x'), edit: { base, label: 'L' } }));
    base = 'written meanwhile';
    j.persist();
    expect(JSON.parse(storage.getItem('aims.unsaved.aims.tab1')!).entries[0].edit.base).toBe('written meanwhile');
  });

  it("reads back and removes the journals of this database's closed tabs, oldest first; other databases and damaged ones stay out", () => {
    const storage = new MemoryStorage();
    const a = journal(storage, 'aims', 'a');
    a.note('k', () => entry('k', 'from a'));
    a.persist(new Date('2030-01-02T00:00:00Z'));
    const b = journal(storage, 'aims', 'b');
    b.note('k', () => entry('k', 'from b'));
    b.persist(new Date('2030-01-01T00:00:00Z'));
    const other = journal(storage, 'aims-other', 'c');
    other.note('k', () => entry('k', 'other database'));
    other.persist();
    storage.setItem('aims.unsaved.aims.broken', '{not json');
    storage.setItem('aims.locale', 'en');

    const next = journal(storage, 'aims', 'new');
    const read = next.take();
    expect(read.map((e) => [e.patch.description, e.at])).toEqual([
      ['from b', '2030-01-01T00:00:00.000Z'],
      ['from a', '2030-01-02T00:00:00.000Z'],
    ]);
    expect([...storage.map.keys()].sort()).toEqual(['aims.locale', 'aims.unsaved.aims-other.c']);
    expect(next.take()).toEqual([]);
  });

  it('does nothing without storage (blocked, or not attached yet)', () => {
    const j = new SaveJournal();
    const token = j.note('k', () => entry('k', 'x'));
    expect(() => j.persist()).not.toThrow();
    expect(j.take()).toEqual([]);
    j.done('k', token);
    expect(j.size).toBe(0);
  });
});
