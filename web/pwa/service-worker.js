/* global PRECACHE */
// GridHive's service worker. Hand-written rather than vite-plugin-pwa / workbox: those bring a
// large build-time tree (workbox-build, babel, rollup) and lag behind Vite 8's rolldown build,
// while what we need is small — precache the built app, open it offline, cache a short list of
// API reads. The build (web/pwa/vite-plugin.ts) prepends `const PRECACHE = { version, files }`
// listing every file it wrote, so each build's worker differs and the browser installs it.

const SHELL_CACHE = `gh-shell-${PRECACHE.version}`;
const API_CACHE = 'gh-api-reads';
const INDEX = '/index.html';

// API reads the report form needs to be usable without signal: the category tree, the category
// questions and the grid map of the worker's area. Nothing else from /api is cached: case data,
// people and photos are personal and must come from the server or not at all.
const API_READS = [
  /^\/api\/cases\/categories$/,
  /^\/api\/cases\/categories\/\d+\/questions$/,
  /^\/api\/org\/my-area\/grids$/,
  /^\/api\/org\/nodes\/\d+\/grids$/,
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(PRECACHE.files))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('gh-shell-') && k !== SHELL_CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

/** Network first, the last good answer when there is no network. */
async function networkFirst(request, cacheName, fallbackUrl) {
  try {
    const response = await fetch(request);
    if (response.ok && !fallbackUrl) {
      const cache = await caches.open(cacheName);
      await cache.put(request, response.clone());
    }
    return response;
  } catch (err) {
    const cached = await caches.match(fallbackUrl ?? request, { cacheName });
    if (cached) return cached;
    throw err;
  }
}

async function cacheFirst(request) {
  return (await caches.match(request, { cacheName: SHELL_CACHE })) ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return; // reports, uploads: straight to the network (the queue retries)
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/open311/')) {
    if (API_READS.some((re) => re.test(url.pathname))) event.respondWith(networkFirst(request, API_CACHE));
    return;
  }
  // Every page of the single-page app is index.html; a fresh one when online, the cached one if not.
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, SHELL_CACHE, INDEX));
    return;
  }
  // Built assets carry a content hash in their name: the cached copy is always right.
  if (PRECACHE.files.includes(url.pathname)) event.respondWith(cacheFirst(request));
});

// Sign-out: the cached reads belong to the session that is ending.
self.addEventListener('message', (event) => {
  if (event.data === 'gh:signed-out') event.waitUntil(caches.delete(API_CACHE));
});
