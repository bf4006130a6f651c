import { afterAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../src/i18n/i18n';
import { pageTitle } from '../../src/state/page-title';
import { href, parseRoute, type Route } from '../../src/state/routes';

/** One route of every kind the app has (a route added to routes.ts must get a page name: see NAMES in page-title.ts). */
const ROUTES: Route[] = [
  { name: 'home' },
  { name: 'import' },
  { name: 'dashboard', ws: 'w' },
  { name: 'item', ws: 'w', itemId: 'A.6.2.4' },
  { name: 'soa', ws: 'w' },
  { name: 'soa-print', ws: 'w' },
  { name: 'profile', ws: 'w' },
  { name: 'systems', ws: 'w' },
  { name: 'system', ws: 'w', id: 's1' },
  { name: 'risks', ws: 'w' },
  { name: 'risk', ws: 'w', id: 'r1' },
  { name: 'risks-print', ws: 'w' },
  { name: 'criteria', ws: 'w' },
  { name: 'controls', ws: 'w' },
  { name: 'control', ws: 'w', id: 'c1' },
  { name: 'assessments', ws: 'w' },
  { name: 'assessment', ws: 'w', id: 'a1' },
  { name: 'assessment-print', ws: 'w', id: 'a1' },
  { name: 'exchange', ws: 'w' },
  { name: 'cycle', ws: 'w' },
  { name: 'register', ws: 'w', kind: 'audit' },
  { name: 'record', ws: 'w', kind: 'nonconformity', id: 'n1' },
  { name: 'tasks', ws: 'w' },
  { name: 'readiness', ws: 'w' },
  { name: 'readiness-print', ws: 'w' },
  { name: 'history', ws: 'w' },
  { name: 'trash', ws: 'w' },
  { name: 'crosswalks', ws: 'w' },
];

afterAll(() => setLocale('en', { remember: false }));

describe('the browser tab title', () => {
  it('covers every route the address can name', () => {
    // Each route above is what its own address reads back as, so none is a stand-in for another.
    for (const route of ROUTES) expect(parseRoute(href(route)).name).toBe(route.name);
    expect(new Set(ROUTES.map((r) => r.name)).size).toBe(ROUTES.length);
  });

  for (const locale of ['en', 'zh-CN'] as const) {
    it(`${locale}: is "Page — Workspace — AIMS Workbench" in a workspace and "Page — AIMS Workbench" outside, with a page name from the catalogue`, async () => {
      await setLocale(locale, { remember: false });
      const pages = new Map<string, string>();
      for (const route of ROUTES) {
        const title = pageTitle(route, 'Acme GmbH');
        const parts = title.split(' — ');
        expect(parts.at(-1), title).toBe('AIMS Workbench');
        expect(parts.length, title).toBe('ws' in route ? 3 : 2);
        if ('ws' in route) expect(parts[1]).toBe('Acme GmbH');
        const page = parts[0]!;
        // A real name: not a message key, not empty, no placeholder left over.
        expect(page, route.name).toMatch(/\S/);
        expect(page, route.name).not.toMatch(/^(nav|title|cycle|import)\.|\{/);
        pages.set(route.name, page);
      }
      // Pages that are not the same page have names that are not the same.
      expect(new Set(pages.values()).size).toBe(pages.size);
    });
  }

  it('names the page, the workspace and the register as a person reads them', async () => {
    await setLocale('en', { remember: false });
    expect(pageTitle({ name: 'risks', ws: 'w' }, 'Acme GmbH')).toBe('Risks — Acme GmbH — AIMS Workbench');
    expect(pageTitle({ name: 'item', ws: 'w', itemId: 'A.6.2.4' }, 'Acme GmbH')).toBe('Walkthrough A.6.2.4 — Acme GmbH — AIMS Workbench');
    expect(pageTitle({ name: 'register', ws: 'w', kind: 'audit' }, 'Acme GmbH')).toBe('Internal audits — Acme GmbH — AIMS Workbench');
    expect(pageTitle({ name: 'home' })).toBe('Workspaces — AIMS Workbench');
    // While the workspace's name is not known yet, the title leaves it out rather than show an id.
    expect(pageTitle({ name: 'trash', ws: 'w' })).toBe('Trash — AIMS Workbench');
  });
});
