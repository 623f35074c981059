/**
 * @module
 * Snapshots this isolate has just served, reused for a moment without asking D1 again.
 *
 * A warm read of a region's figures is one D1 round trip, and that round trip costs more than
 * everything else the read does; dashboards, and embeds on busy web pages, ask for the same few
 * snapshots over and over. Reuse is bounded: at most `reuseForMs` after D1 last confirmed the
 * snapshot's revision, so a write shows in every isolate after at most `reuseForMs`. A client that
 * has written reads its own write at once: it sends its D1 bookmark (db/session.ts), and a request
 * with a bookmark is never served from here (docs/read-replication.md).
 *
 * Only whole-snapshot figures (the summary) may come from here: rows stored per snapshot id
 * (organisations, ties) are read from D1 by the id D1 has just confirmed, since a recomputation
 * elsewhere may have replaced that snapshot.
 */
import { isBookmark } from "../db/session";
import type { Snapshot } from "./snapshots";

/** How long a snapshot is reused when the `SNAPSHOT_REUSE_MS` setting is absent. */
export const DEFAULT_REUSE_MS = 1000;

/**
 * The reuse window from the `SNAPSHOT_REUSE_MS` setting: a whole number of ms ≥ 0 (0 = ask D1 on
 * every read); 0 for a request carrying a D1 bookmark (`bookmark`, its header), whose client has
 * written and must read its own write.
 */
export function reuseWindowMs(setting: string | undefined, bookmark?: string): number {
  if (isBookmark(bookmark)) return 0;
  const ms = Number(setting);
  return setting !== undefined && setting.trim() !== "" && Number.isInteger(ms) && ms >= 0 ? ms : DEFAULT_REUSE_MS;
}

/** Entries kept at most (a summary is a few KB; the oldest entry goes first). */
const MAX_ENTRIES = 256;

interface Entry {
  snapshot: Snapshot;
  /** Date.now() when D1 answered the query that confirmed this snapshot. */
  checkedAt: number;
}

const recent = new Map<string, Entry>();

/** The snapshot remembered under `key` if D1 confirmed it less than `reuseForMs` ago. */
export function recentSnapshot(key: string, reuseForMs: number, now = Date.now()): Snapshot | undefined {
  const entry = recent.get(key);
  if (!entry) return undefined;
  if (now - entry.checkedAt >= reuseForMs || now < entry.checkedAt) {
    recent.delete(key);
    return undefined;
  }
  return entry.snapshot;
}

/** Remembers what D1 said about `key`. */
export function rememberSnapshot(key: string, snapshot: Snapshot, checkedAt = Date.now()): void {
  recent.delete(key); // re-inserted last: Map order is the eviction order
  recent.set(key, { snapshot, checkedAt });
  if (recent.size > MAX_ENTRIES) recent.delete(recent.keys().next().value!);
}

/** Forgets every remembered snapshot (tests). */
export function forgetRecentSnapshots(): void {
  recent.clear();
}
