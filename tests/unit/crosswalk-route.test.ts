import { describe, expect, it } from 'vitest';
import { href, parseRoute } from '../../src/state/routes';

describe('crosswalks route', () => {
  it('round-trips #/w/<id>/crosswalks', () => {
    expect(href({ name: 'crosswalks', ws: 'w 1' })).toBe('#/w/w%201/crosswalks');
    expect(parseRoute('#/w/w%201/crosswalks')).toEqual({ name: 'crosswalks', ws: 'w 1' });
  });
});
