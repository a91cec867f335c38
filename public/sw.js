/*
 * certbench's service worker: keeps the app usable offline. It only ever talks to its own origin
 * (the page's CSP forbids everything else anyway). Navigations: network first, the cached page
 * when offline. Static files (hashed names, immutable): cache first. Installing stores every file
 * of the build (app/build/precache-plugin.ts fills in the list and the version), so the worker's
 * chunks that load on first use are there offline too; anything else is stored on first use.
 * Paths are relative to the worker's location, so certbench works from any sub-path.
 */
const PRECACHE = []; // filled in by the build
const VERSION = 'dev'; // filled in by the build
const CACHE = `certbench-${VERSION}`;
const SHELL = ['./', './index.html', './favicon.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((c) => c.addAll([...new Set([...SHELL, ...PRECACHE])]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          const copy = response.clone();
          void caches.open(CACHE).then((c) => c.put('./index.html', copy));
          return response;
        })
        .catch(() => caches.match('./index.html').then((r) => r || Response.error())),
    );
    return;
  }
  event.respondWith(
    // ignoreVary: servers answer with Vary: Origin, and the stored copy (fetched at install, without
    // an Origin header) must still serve a module script's request (which carries one).
    caches.match(request, { ignoreVary: true }).then((hit) => hit || fetch(request).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        void caches.open(CACHE).then((c) => c.put(request, copy));
      }
      return response;
    })),
  );
});
