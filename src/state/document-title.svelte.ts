import { getWorkspace } from '../db/workspaces-repo';
import { loadMessages } from '../i18n/i18n';
import { app } from './app.svelte';
import { live } from './live.svelte';
import { pageTitle, titleNeedsMessages } from './page-title';
import type { Route } from './routes';

/**
 * Keeps the browser tab's title on the page shown (see pageTitle): follows the route, the workspace's
 * name (a rename shows at once) and the language (pageTitle's strings are tracked). Call once, during the root component's initialisation.
 */
export function keepDocumentTitle(route: () => Route): void {
  const ws = live(
    () => (app.phase === 'ready' && 'ws' in route() ? (route() as { ws: string }).ws : null),
    async (id) => (id ? { id, name: (await getWorkspace(id))?.name } : null),
    null as { id: string; name: string | undefined } | null,
  );
  let shown = 0;
  $effect(() => {
    const mine = ++shown;
    const r = route();
    // The name of the workspace this route is in, never the previous one's while the new one loads.
    const name = ws.current && 'ws' in r && ws.current.id === r.ws ? ws.current.name : undefined;
    const apply = () => (document.title = pageTitle(r, name));
    apply();
    // A later route's title is never overwritten by this one's, loaded late.
    if (titleNeedsMessages(r)) void loadMessages().then(() => mine === shown && apply());
  });
}
