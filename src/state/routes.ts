/**
 * Hash routes work from any static host and offline, with no server rewrite rules.
 * #/                      workspaces
 * #/w/<id>                dashboard
 * #/w/<id>/item/<itemId>  walkthrough item
 * #/w/<id>/soa            Statement of Applicability
 * #/w/<id>/profile        organization profile
 */
export type Route =
  | { name: 'home' }
  | { name: 'dashboard'; ws: string }
  | { name: 'item'; ws: string; itemId: string }
  | { name: 'soa'; ws: string }
  | { name: 'profile'; ws: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'w' || !parts[1]) return { name: 'home' };
  const ws = parts[1];
  switch (parts[2]) {
    case 'item':
      return parts[3] ? { name: 'item', ws, itemId: parts[3] } : { name: 'dashboard', ws };
    case 'soa':
      return { name: 'soa', ws };
    case 'profile':
      return { name: 'profile', ws };
    default:
      return { name: 'dashboard', ws };
  }
}

export function href(route: Route): string {
  const enc = encodeURIComponent;
  switch (route.name) {
    case 'home':
      return '#/';
    case 'dashboard':
      return `#/w/${enc(route.ws)}`;
    case 'item':
      return `#/w/${enc(route.ws)}/item/${enc(route.itemId)}`;
    case 'soa':
      return `#/w/${enc(route.ws)}/soa`;
    case 'profile':
      return `#/w/${enc(route.ws)}/profile`;
  }
}

