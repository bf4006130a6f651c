// AIMS Workbench service worker. The build (vite.config.ts, serviceWorkerPlugin) fills in the
// precache list and writes this file to dist/sw.js; it is never bundled into the app.
//
// install   caches every file of the build (URLs relative to this worker's scope)
// activate  deletes the caches of older versions; claims open pages only on a first install, so a
//           new version never takes over a page on its own (the page asks, see src/state/offline.svelte.ts)
// fetch     same-origin GET only: precached files cache-first, page loads from the cached index.html;
//           everything else (and every other origin) is left to the browser untouched

const PRECACHE = __PRECACHE_MANIFEST__;
const PREFIX = 'aims-workbench-';
const CACHE = PREFIX + PRECACHE.version;
const scope = self.registration.scope;
const precached = new Set(PRECACHE.urls.map((u) => new URL(u, scope).href));
const indexUrl = new URL('./index.html', scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        PRECACHE.urls.map(async (u) => {
          const url = new URL(u, scope).href;
          // Files under assets/ carry a content hash in their name: an older version's copy is the same file.
          const reused = url.includes('/assets/') ? await caches.match(url) : undefined;
          if (reused) return cache.put(url, reused);
          const response = await fetch(new Request(url, { cache: 'reload', credentials: 'same-origin' }));
          if (!response.ok) throw new Error(`precache: ${url} answered ${response.status}`);
          return cache.put(url, response);
        }),
      ),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const older = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE);
      await Promise.all(older.map((k) => caches.delete(k)));
      // No older version: this is the first install, so take over the page that registered it.
      // After an update the open pages switch only when one of them asked (SKIP_WAITING below).
      if (older.length === 0) await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  url.hash = '';
  if (request.mode === 'navigate') {
    if (!url.href.startsWith(scope)) return;
    url.search = '';
    // Routes live in the hash: every page load is index.html (or a precached file opened directly).
    event.respondWith(fromCache(precached.has(url.href) ? url.href : indexUrl, request));
    return;
  }
  if (precached.has(url.href)) event.respondWith(fromCache(url.href, request));
});

async function fromCache(key, request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  return hit ?? fetch(request);
}
