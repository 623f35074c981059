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
 *
 * In front of the Cache API, each isolate keeps the bytes of the bodies it last served (at most
 * {@link MEMORY_BYTES} in all, none above {@link MEMORY_ENTRY_BYTES}) under the same key: a hit
 * then costs no read from the cache's storage. The key still comes from the snapshot D1 confirmed
 * (or the isolate reused within `SNAPSHOT_REUSE_MS`, never for a request with a bookmark), so
 * neither tier can answer across a revision or an audience.
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

/** Hashes of keys this isolate has computed (the same few keys are asked for over and over). */
const hashes = new Map<string, string>();
const MAX_HASHES = 1024;

async function hashOf(key: string): Promise<string> {
  const known = hashes.get(key);
  if (known) return known;
  const hash = await sha256Hex(key);
  if (hashes.size >= MAX_HASHES) hashes.delete(hashes.keys().next().value!);
  hashes.set(key, hash);
  return hash;
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
  const hash = await hashOf(JSON.stringify([...parts, ...params]));
  return { request: new Request(`https://network-cache.invalid/v1/${hash}`), etag: `"n${hash.slice(0, 32)}"` };
}

/** The cache, when the runtime has one (it has in workerd, wrangler dev and the tests). */
export function networkCache(): Cache | null {
  // workerd's CacheStorage has `default`; the DOM typings in this project do not know it.
  return typeof caches !== "undefined" ? (caches as unknown as { default: Cache }).default : null;
}

/** Headers of every answer a cached network response gives: revalidate each time (a write may have moved the revision). */
const revalidate = (etag: string) => ({ ETag: etag, "Cache-Control": "private, no-cache" });

/** Bytes of bodies an isolate keeps in memory in all (the isolate's 128 MB also hold snapshots being computed). */
export const MEMORY_BYTES = 8 * 2 ** 20;
/** Larger bodies (a state's or the country's network) are streamed from the Cache API each time. */
export const MEMORY_ENTRY_BYTES = 2 * 2 ** 20;

interface MemoryEntry {
  body: Uint8Array<ArrayBuffer>;
  headers: [string, string][];
}

/** Bodies by cache key, least recently used first. */
const memory = new Map<string, MemoryEntry>();
let memoryBytes = 0;

function recall(key: string): MemoryEntry | undefined {
  const entry = memory.get(key);
  if (entry) {
    memory.delete(key); // re-inserted last: Map order is the eviction order
    memory.set(key, entry);
  }
  return entry;
}

function remember(key: string, entry: MemoryEntry): void {
  if (entry.body.byteLength > MEMORY_ENTRY_BYTES || memory.has(key)) return;
  memory.set(key, entry);
  memoryBytes += entry.body.byteLength;
  for (const [k, e] of memory) {
    if (memoryBytes <= MEMORY_BYTES) break;
    memory.delete(k);
    memoryBytes -= e.body.byteLength;
  }
}

/** Forgets every body kept in memory (tests). */
export function forgetNetworkBodies(): void {
  memory.clear();
  memoryBytes = 0;
}

/**
 * A body stream passed through unchanged while its bytes are collected (as long as they fit one
 * memory entry); `done` gets them once the stream has ended, or null when it was too large.
 */
function collecting(body: ReadableStream<Uint8Array>, done: (bytes: Uint8Array<ArrayBuffer> | null) => void): ReadableStream<Uint8Array> {
  let chunks: Uint8Array[] | null = [];
  let size = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        if (chunks) {
          size += chunk.byteLength;
          if (size > MEMORY_ENTRY_BYTES) chunks = null;
          else chunks.push(chunk.slice());
        }
        controller.enqueue(chunk);
      },
      flush() {
        if (!chunks) return done(null);
        const bytes = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          bytes.set(c, at);
          at += c.byteLength;
        }
        done(bytes);
      },
    }),
  );
}

/** The headers a stored body is served with (the stored copy's own caching headers left out). */
const servedHeaders = (response: Response): [string, string][] => [...response.headers].filter(([k]) => !["cache-control", "content-length", "etag", "x-network-cache"].includes(k.toLowerCase()));

export interface CachedNetworkRequest {
  viewer: Viewer;
  scope: string;
  /** The snapshot as D1 last confirmed it (possibly reused by this isolate within `SNAPSHOT_REUSE_MS`). */
  snapshot: Snapshot;
  /**
   * The snapshot read from D1 now: a miss shapes a body from rows stored per snapshot id, which
   * must be those of the snapshot D1 holds, not of one this isolate reused.
   */
  confirm: () => Promise<Snapshot>;
  /** The query parameters that shape the body (format, locale, event ties). */
  query: Record<string, string | undefined>;
  ifNoneMatch: string | undefined;
  /** False turns the cache off (`NETWORK_CACHE=off`, for the benchmark's before/after). */
  enabled: boolean;
  waitUntil: (p: Promise<unknown>) => void;
  /** Shapes the response from the snapshot (a miss). */
  build: (snapshot: Snapshot) => Promise<Response>;
}

/**
 * The network response for `request`: 304 when the client holds the current body, the body kept
 * in memory or stored in the Cache API when there is one, else the shaped one (stored on the
 * side). `X-Network-Cache` says which: revalidated, hit (memory or Cache API) or miss. Readers
 * of the same missing body in one isolate wait for one shaping.
 */
export async function cachedNetworkResponse(request: CachedNetworkRequest): Promise<Response> {
  const cache = request.enabled ? networkCache() : null;
  let snapshot = request.snapshot;
  let entry = cache ? await networkCacheEntry(request.viewer, request.scope, snapshot, request.query) : null;
  if (!cache || !entry) return request.build(await request.confirm());
  /** The answer without shaping: 304, the body in memory, or the one in the Cache API; null if none. */
  const stored = async (found: NetworkCacheEntry): Promise<Response | null> => {
    if (matchesEtag(request.ifNoneMatch, found.etag)) {
      return new Response(null, { status: 304, headers: { ...revalidate(found.etag), "X-Revision": String(snapshot.revision), "X-Network-Cache": "revalidated" } });
    }
    const key = found.request.url;
    const kept = recall(key);
    if (kept) return answered(kept.body, kept.headers, "hit", found.etag);
    const hit = await cache.match(found.request);
    if (!hit?.body) return null;
    const headers = servedHeaders(hit);
    return answered(collecting(hit.body, (bytes) => bytes && remember(key, { body: bytes, headers })), headers, "hit", found.etag);
  };
  const first = await stored(entry);
  if (first) return first;
  // A miss: shape from the snapshot D1 holds now (its key may differ from the reused one's).
  snapshot = await request.confirm();
  const confirmed = await networkCacheEntry(request.viewer, request.scope, snapshot, request.query);
  if (!confirmed) return request.build(snapshot);
  if (confirmed.etag !== entry.etag) {
    entry = confirmed;
    const found = await stored(entry);
    if (found) return found;
  }
  const key = entry.request.url;
  // Readers asking for the same new body at once (many clients right after a write) wait for one
  // shaping in this isolate, then take its body from memory or the Cache API.
  const shaping = inFlight.get(key);
  if (shaping) {
    await shaping;
    const found = await stored(entry);
    if (found) return found;
  }
  let settle!: () => void;
  const done = new Promise<void>((resolve) => (settle = resolve));
  inFlight.set(key, done);
  const finish = () => {
    if (inFlight.get(key) === done) inFlight.delete(key);
    settle();
  };
  let built: Response;
  try {
    built = await request.build(snapshot);
  } catch (e) {
    finish();
    throw e;
  }
  if (built.status !== 200 || !built.body) {
    finish();
    return built;
  }
  const [toClient, toCache] = built.body.tee();
  const response = new Response(toClient, built);
  for (const [k, v] of Object.entries(revalidate(entry.etag))) response.headers.set(k, v);
  response.headers.set("X-Network-Cache", "miss");
  // The stored copy may be kept as long as the cache likes: its key changes with the revision.
  const headers = servedHeaders(built);
  const copy = new Response(collecting(toCache, (bytes) => bytes && remember(key, { body: bytes, headers })), built);
  copy.headers.set("Cache-Control", "public, max-age=604800");
  request.waitUntil(
    cache
      .put(entry.request, copy)
      .catch((e) => console.error("network cache: put failed", e))
      .finally(finish),
  );
  return response;
}

/** An answer from a stored body, with the headers every cached network answer carries. */
function answered(body: BodyInit | null, headers: HeadersInit, how: string, etag: string): Response {
  const response = new Response(body, { status: 200, headers });
  for (const [k, v] of Object.entries(revalidate(etag))) response.headers.set(k, v);
  response.headers.set("X-Network-Cache", how);
  return response;
}

/** Bodies being shaped in this isolate, by cache key; settled once the body is stored (or shaping failed). */
const inFlight = new Map<string, Promise<void>>();
