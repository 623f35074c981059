/**
 * @module
 * Snapshots this isolate has just served, reused for a moment without asking D1 again.
 *
 * A warm read of a region's figures is one D1 round trip, and that round trip costs more than
 * everything else the read does; dashboards, and embeds on busy web pages, ask for the same few
 * snapshots over and over. Reuse is bounded twice: at most `reuseForMs` after D1 last confirmed the
 * snapshot's revision, and never across a write made through this isolate (whoever writes here
 * reads their own write). A write through another isolate shows here after at most `reuseForMs`.
 *
 * Only whole-snapshot figures (the summary) may come from here: rows stored per snapshot id
 * (organisations, ties) are read from D1 by the id D1 has just confirmed, since a recomputation
 * elsewhere may have replaced that snapshot.
 */
import type { Snapshot } from "./snapshots";

/** How long a snapshot is reused when the `SNAPSHOT_REUSE_MS` setting is absent. */
export const DEFAULT_REUSE_MS = 1000;

/** The reuse window from the `SNAPSHOT_REUSE_MS` setting: a whole number of ms ≥ 0 (0 = ask D1 on every read). */
export function reuseWindowMs(setting: string | undefined): number {
  const ms = Number(setting);
  return setting !== undefined && setting.trim() !== "" && Number.isInteger(ms) && ms >= 0 ? ms : DEFAULT_REUSE_MS;
}

/** Entries kept at most (a summary is a few KB; the oldest entry goes first). */
const MAX_ENTRIES = 256;

interface Entry {
  snapshot: Snapshot;
  /** Date.now() when D1 answered the query that confirmed this snapshot. */
  checkedAt: number;
  /** {@link writesSeen} when that query was sent. */
  writes: number;
}

const recent = new Map<string, Entry>();
let writes = 0;

/**
 * Called before and after every write through this isolate: a read that overlaps a write is not
 * reused, whichever side of the write's commit its query landed on.
 */
export function noteWrite(): void {
  writes++;
}

/** Writes noted so far in this isolate; taken before a snapshot query, handed to {@link rememberSnapshot}. */
export function writesSeen(): number {
  return writes;
}

/** The snapshot remembered under `key` if D1 confirmed it less than `reuseForMs` ago and nothing was written since. */
export function recentSnapshot(key: string, reuseForMs: number, now = Date.now()): Snapshot | undefined {
  const entry = recent.get(key);
  if (!entry) return undefined;
  if (entry.writes !== writes || now - entry.checkedAt >= reuseForMs || now < entry.checkedAt) {
    recent.delete(key);
    return undefined;
  }
  return entry.snapshot;
}

/** Remembers what D1 said about `key`; `writesBefore` is {@link writesSeen} from before the query. */
export function rememberSnapshot(key: string, snapshot: Snapshot, writesBefore: number, checkedAt = Date.now()): void {
  if (writesBefore !== writes) return; // a write overlapped the query: its answer may be outdated
  recent.delete(key); // re-inserted last: Map order is the eviction order
  recent.set(key, { snapshot, checkedAt, writes: writesBefore });
  if (recent.size > MAX_ENTRIES) recent.delete(recent.keys().next().value!);
}

/** Forgets every remembered snapshot (tests). */
export function forgetRecentSnapshots(): void {
  recent.clear();
}
