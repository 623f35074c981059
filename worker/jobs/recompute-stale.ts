/**
 * @module
 * Cron job: recomputes the default-window snapshots of regions whose data changed (and the
 * national one), most outdated first, within a time budget per run; what is left waits for the
 * next run. Each computation also appends the month's history row.
 */
import { createDb } from "../db/client";
import { NATIONAL } from "../network/load";
import { currentRevision } from "../db/revisions";
import { computeSnapshot, staleScopes } from "../network/snapshots";
import { resolveWindow } from "../network/window";
import { sql } from "drizzle-orm";

export interface RecomputeReport {
  recomputed: string[];
  remaining: number;
}

export async function recomputeStaleSnapshots(d1: D1Database, budgetMs = 20_000, now = new Date()): Promise<RecomputeReport> {
  const db = createDb(d1);
  const window = resolveWindow({ to: now.toISOString().slice(0, 10) });
  const started = Date.now();
  const recomputed: string[] = [];
  const national = await db.get<{ revision: number }>(sql`SELECT revision FROM metric_snapshots WHERE region_code = ${NATIONAL} AND window_from = ${window.from} AND window_to = ${window.to}`);
  const queue = await staleScopes(db, 1000, window);
  if (!national || national.revision !== (await currentRevision(db, NATIONAL))) queue.push(NATIONAL);
  let i = 0;
  for (; i < queue.length && Date.now() - started < budgetMs; i++) {
    await computeSnapshot(db, queue[i], window);
    recomputed.push(queue[i]);
  }
  return { recomputed, remaining: queue.length - i };
}
