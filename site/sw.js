// The service worker: after one visit, the page, its engine and everything they load come from the cache, so the
// page works with the network off. `make site` writes the file list and a digest of the files into this script;
// a rebuilt page is a changed worker, which the browser installs beside the old one, and the old cache goes.
const VERSION = 'dev';
const FILES = ['./', 'index.html'];
const CACHE = `keypoints-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // Revalidating with the server makes sure a new version never caches an older file from the HTTP cache.
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'no-cache' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('keypoints-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Cache first: every file of the page is precached and versioned as a whole, so a cached file is never stale
// within its version. Anything else (there is nothing else today) goes to the network. A navigation that misses,
// such as a URL with a fragment or a query, gets the page.
self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(req, { ignoreSearch: true });
      if (hit) return hit;
      if (req.mode === 'navigate') {
        try {
          return await fetch(req);
        } catch {
          return (await cache.match('./')) ?? Response.error();
        }
      }
      return fetch(req);
    }),
  );
});
