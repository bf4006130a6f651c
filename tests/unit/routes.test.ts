import { describe, expect, it } from 'vitest';
import { href, parseRoute, type Route } from '../../src/state/routes';

describe('hash routes', () => {
  it.each<Route>([
    { name: 'home' },
    { name: 'dashboard', ws: 'abc' },
    { name: 'item', ws: 'abc', itemId: 'A.6.2.4' },
    { name: 'soa', ws: 'a b/c' },
    { name: 'profile', ws: 'abc' },
    { name: 'systems', ws: 'abc' },
    { name: 'system', ws: 'abc', id: 's1' },
    { name: 'risks', ws: 'abc' },
    { name: 'risk', ws: 'abc', id: 'r 1' },
    { name: 'criteria', ws: 'abc' },
    { name: 'controls', ws: 'abc' },
    { name: 'control', ws: 'abc', id: 'c1' },
    { name: 'assessments', ws: 'abc' },
    { name: 'assessment', ws: 'abc', id: 'a1' },
    { name: 'assessment-print', ws: 'abc', id: 'a1' },
    { name: 'exchange', ws: 'abc' },
    { name: 'import' },
  ])('round-trips %j', (route) => {
    expect(parseRoute(href(route))).toEqual(route);
  });

  it('falls back to the workspace list or the dashboard for unknown addresses', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'home' });
    expect(parseRoute('#/w/abc/unknown')).toEqual({ name: 'dashboard', ws: 'abc' });
    expect(parseRoute('#/w/abc/item')).toEqual({ name: 'dashboard', ws: 'abc' });
  });
});
