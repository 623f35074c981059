// Service worker of the phone deal sheet (/deal-sheet, docs/marketplace.md "Deal sheet"): the
// hall's Wi-Fi is bad, so the page's own files come from the network when it answers and from
// this cache when it does not. API calls are never cached (the page keeps its data itself).
const CACHE = "deal-sheet-v1";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(event.request, copy)));
        }
        return response;
      })
      .catch(() => caches.match(event.request, { ignoreSearch: true }).then((hit) => hit || Response.error())),
  );
});
