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

  it('carries the list filters the dashboard links to, with levels counted from 1, and drops what it cannot read', () => {
    for (const route of [
      { name: 'risks', ws: 'abc', filter: { rating: 'residual', level: 4 } },
      { name: 'risks', ws: 'abc', filter: { awaiting: 'acceptance' } },
      { name: 'tasks', ws: 'abc', show: 'overdue' },
      { name: 'register', ws: 'abc', kind: 'nonconformity', openOnly: true },
    ] as const) {
      expect(parseRoute(href(route))).toEqual(route);
    }
    expect(href({ name: 'risks', ws: 'abc', filter: { rating: 'inherent', level: 1 } })).toBe('#/w/abc/risks?rating=inherent&level=1');
    expect(parseRoute('#/w/abc/risks?level=0&rating=inherent')).toEqual({ name: 'risks', ws: 'abc', filter: { rating: 'inherent' } });
    expect(parseRoute('#/w/abc/risks?level=3')).toEqual({ name: 'risks', ws: 'abc' });
    expect(parseRoute('#/w/abc/tasks?show=everything')).toEqual({ name: 'tasks', ws: 'abc' });
    expect(parseRoute('#/w/abc/soa?show=open')).toEqual({ name: 'soa', ws: 'abc' });
  });
});

describe('a record page carries its tab', () => {
  it('opens on the history with ?tab=history, and the details tab leaves the address plain', () => {
    for (const route of [
      { name: 'risk', ws: 'w1', id: 'r1' },
      { name: 'system', ws: 'w1', id: 's1' },
      { name: 'assessment', ws: 'w1', id: 'a1' },
      { name: 'record', ws: 'w1', kind: 'document', id: 'd1' },
    ] as const) {
      const history = href({ ...route, tab: 'history' });
      expect(history).toMatch(/\?tab=history$/);
      expect(parseRoute(history)).toEqual({ ...route, tab: 'history' });
      expect(href({ ...route, tab: 'details' })).toBe(href(route));
      expect(parseRoute(href(route))).toEqual(route);
    }
    // Other pages ignore it.
    expect(parseRoute('#/w/w1/risks?tab=history')).toEqual({ name: 'risks', ws: 'w1' });
  });
});
