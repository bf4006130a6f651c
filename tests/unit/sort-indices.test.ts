import { describe, expect, it } from 'vitest';
import { sortIndices } from '../../src/domain/sort-indices';

const sorted = (keys: (string | number)[], locale = 'en') => Array.from(sortIndices(keys, locale), (i) => keys[i]);

describe('sort orders of a table column', () => {
  it('orders text in the language’s collation, numbers inside text by value, and keeps equal rows in their order', () => {
    expect(sorted(['R-10', 'r-9', 'R-100', 'b', 'A'])).toEqual(['A', 'b', 'r-9', 'R-10', 'R-100']);
    const keys = ['x', 'a', 'x', 'a'];
    expect(Array.from(sortIndices(keys, 'en'))).toEqual([1, 3, 0, 2]);
  });

  it('orders numbers as numbers, and a column with any text as text', () => {
    expect(sorted([10, 9, 100, -1])).toEqual([-1, 9, 10, 100]);
    expect(sorted([10, '9', 100])).toEqual(['9', 10, 100]);
  });

  it('orders Chinese by pinyin in the Chinese UI', () => {
    expect(sorted(['张', '李', '王'], 'zh-CN')).toEqual(['李', '王', '张']);
  });
});
