/**
 * @module
 * Network responses from the Workers Cache API: a region's network in one format is shaped and
 * serialised once per snapshot and audience, then served from `caches.default` until a write
 * changes the scope's revision (a new revision, or a recomputed snapshot, is a new key).
 *
 * The key names everything the body depends on: scope, window, snapshot id, its revision and the
 * scope's current revision, the query (format, locale, event ties) and the audience — who sees
 * which names (admins and funders all; a coordinator those of its regions; see `visibleName`).
 * Anonymous callers never reach this: the route refuses them before any snapshot is read.
 *
 * The ETag is a hash of that key, so a client revalidating (`If-None-Match`) gets a 304 without
 * the body being read, and a new ETag as soon as the revision moves.
 */
import type { Viewer } from "../lib/auth";
import type { Snapshot } from "./snapshots";
import { matchesEtag, sha256Hex } from "../lib/http-cache";

/** The caller's audience for cached network bodies; null: never cached. */
export function audienceOf(viewer: Viewer): string | null {
  if (viewer.role === "admin" || viewer.role === "funder") return viewer.role;
  if (viewer.role === "coordinator" && viewer.scope) return `coordinator:${[...viewer.scope].sort().join(",")}`;
  return null;
}

export interface NetworkCacheEntry {
  /** The request the body is stored under (a URL of our own, never fetched). */
  request: Request;
  etag: string;
}

/** The cache key and ETag of a network response; null when this caller's responses are not cached. */
export async function networkCacheEntry(viewer: Viewer, scope: string, snapshot: Snapshot, query: Record<string, string | undefined>): Promise<NetworkCacheEntry | null> {
  const audience = audienceOf(viewer);
  if (audience === null) return null;
  const parts = [scope, snapshot.window.from, snapshot.window.to, snapshot.id, snapshot.revision, snapshot.currentRevision, audience];
  const params = Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`);
  // Hashed: the key and ETag say nothing about the caller's regions.
  const hash = await sha256Hex(JSON.stringify([...parts, ...params]));
  return { request: new Request(`https://network-cache.invalid/v1/${hash}`), etag: `"n${hash.slice(0, 32)}"` };
}

/** The cache, when the runtime has one (it has in workerd, wrangler dev and the tests). */
export function networkCache(): Cache | null {
  // workerd's CacheStorage has `default`; the DOM typings in this project do not know it.
  return typeof caches !== "undefined" ? (caches as unknown as { default: Cache }).default : null;
}

export interface CachedNetworkRequest {
  viewer: Viewer;
  scope: string;
  snapshot: Snapshot;
  /** The query parameters that shape the body (format, locale, event ties). */
  query: Record<string, string | undefined>;
  ifNoneMatch: string | undefined;
  /** False turns the cache off (`NETWORK_CACHE=off`, for the benchmark's before/after). */
  enabled: boolean;
  waitUntil: (p: Promise<unknown>) => void;
  /** Shapes the response from the snapshot (a miss). */
  build: () => Promise<Response>;
}

/** Headers of every answer a cached network response gives: revalidate each time (a write may have moved the revision). */
const revalidate = (etag: string) => ({ ETag: etag, "Cache-Control": "private, no-cache" });

/**
 * The network response for `request`: 304 when the client holds the current body, the stored body
 * when there is one, else the shaped one (stored on the side). `X-Network-Cache` says which.
 */
export async function cachedNetworkResponse(request: CachedNetworkRequest): Promise<Response> {
  const cache = request.enabled ? networkCache() : null;
  const entry = cache ? await networkCacheEntry(request.viewer, request.scope, request.snapshot, request.query) : null;
  if (!cache || !entry) return request.build();
  if (matchesEtag(request.ifNoneMatch, entry.etag)) {
    return new Response(null, { status: 304, headers: { ...revalidate(entry.etag), "X-Revision": String(request.snapshot.revision), "X-Network-Cache": "revalidated" } });
  }
  const hit = await cache.match(entry.request);
  if (hit) {
    const response = new Response(hit.body, hit);
    for (const [k, v] of Object.entries(revalidate(entry.etag))) response.headers.set(k, v);
    response.headers.set("X-Network-Cache", "hit");
    return response;
  }
  const built = await request.build();
  if (built.status !== 200 || !built.body) return built;
  const [toClient, toCache] = built.body.tee();
  const response = new Response(toClient, built);
  for (const [k, v] of Object.entries(revalidate(entry.etag))) response.headers.set(k, v);
  response.headers.set("X-Network-Cache", "miss");
  // The stored copy may be kept as long as the cache likes: its key changes with the revision.
  const stored = new Response(toCache, built);
  stored.headers.set("Cache-Control", "public, max-age=604800");
  request.waitUntil(cache.put(entry.request, stored).catch((e) => console.error("network cache: put failed", e)));
  return response;
}
