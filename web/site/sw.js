// Offline copy of the site: on install every file offline.json lists (written by
// `xlplugin web build`: the pages, scripts, Pyodide and the wheels) goes into a cache named
// after the build; later requests are answered from it first. A new build gets a new cache and
// the old one is removed. Nothing but the site's own files is cached or fetched.
const VERSION = "__BUILD__"; // the build's hash, written by `xlplugin web build`
const CACHE = `xlplugin-${VERSION}`;
const LIST = new URL("offline.json", self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const listing = await (await fetch(LIST, { cache: "no-store" })).json();
    const cache = await caches.open(CACHE);
    await cache.addAll(listing.files.map((file) => new URL(file, self.registration.scope).href));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("xlplugin-") && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET" || !event.request.url.startsWith(self.registration.scope)) return;
  event.respondWith((async () => {
    const url = new URL(event.request.url);
    url.search = ""; // ?lang=en is the same page
    const cache = await caches.open(CACHE);
    return (await cache.match(url.href)) || fetch(event.request);
  })());
});
