import { describe, expect, it } from 'vitest';
import { findConflicts } from '../../src/domain/edit-conflict';

describe('findConflicts', () => {
  it('flags a field whose stored value moved away from where this edit started', () => {
    expect(findConflicts({ owner: 'Bob' }, { owner: 'Alice' }, { owner: '' })).toEqual([{ field: 'owner', mine: 'Alice', theirs: 'Bob' }]);
  });
  it('lets a write through when nothing changed elsewhere, or the other side already holds the same value', () => {
    expect(findConflicts({ owner: '' }, { owner: 'Alice' }, { owner: '' })).toEqual([]);
    expect(findConflicts({ owner: 'Alice' }, { owner: 'Alice' }, { owner: '' })).toEqual([]);
  });
  it('compares lists and empty values by content', () => {
    expect(findConflicts({ itemIds: ['4.1', '4.2'] }, { itemIds: ['4.1'] }, { itemIds: ['4.1', '4.2'] })).toEqual([]);
    expect(findConflicts({ itemIds: ['4.3'] }, { itemIds: ['4.1'] }, { itemIds: ['4.1', '4.2'] })).toHaveLength(1);
    expect(findConflicts({}, { due: '2027-01-01' }, { due: null })).toEqual([]);
    // An editor shows an unset value as empty text: the first edit of a new answer is no conflict.
    expect(findConflicts({ owner: '' }, { owner: 'Alice' }, { owner: null })).toEqual([]);
  });
});
