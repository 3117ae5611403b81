// Keeps Dédale playable offline once loaded: workshop Wi-Fi fails.
// The build replaces VERSION and FILES; a new build gets a new cache.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = `dedale-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("dedale-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Cache first (the files of one build never change), then the network. What is
// fetched only on demand (the dyslexia font) is kept once fetched, so it works offline too.
self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") return;
  event.respondWith(
    caches.match(event.request, { ignoreSearch: true }).then(
      (hit) =>
        hit ||
        fetch(event.request).then((response) => {
          if (response.ok && new URL(event.request.url).pathname.includes("/fonts/")) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(event.request, copy));
          }
          return response;
        }),
    ),
  );
});
