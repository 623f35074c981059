/**
 * @module
 * Worker-thread entry (bundled by esbuild before it runs): computes the snapshots of the scopes it
 * is given with the worker's own code over a bridged D1, one after another — a job with a queue
 * message through the queue consumer's handling of it (`recomputeFromMessage`: a state waiting for
 * its districts goes back to the end of the list, as the consumer sends it again) — and reports per scope
 * the wall time, the CPU time (wall minus D1 wait), the external (ArrayBuffer) memory sampled at
 * every D1 call, and writes markers around each scope so that the parent can attribute this
 * isolate's `--trace-gc` lines (the V8 heap) to the scope.
 */
import { writeSync } from "node:fs";
import { getHeapStatistics } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import { createDb } from "../../worker/db/client";
import { sql } from "drizzle-orm";
import { recomputeFromMessage, type RecomputeMessage } from "../../worker/jobs/recompute-queue";
import { computeSnapshot, type Summary } from "../../worker/network/snapshots";
import type { Window } from "../../worker/network/window";
import { BridgedD1 } from "./d1-bridge";

interface Job {
  scope: string;
  window: Window;
  label: string;
  message?: RecomputeMessage;
}

const { jobs } = workerData as { jobs: Job[] };
const gc = (globalThis as { gc?: () => void }).gc;
let peakExternal = 0;
const sample = () => {
  const external = getHeapStatistics().external_memory;
  if (external > peakExternal) peakExternal = external;
};
const bridge = new BridgedD1(parentPort!, sample);
const db = createDb(bridge as unknown as D1Database);

for (let k = 0; k < jobs.length; k++) {
  const job = jobs[k];
  parentPort!.postMessage({ type: "begin", label: job.label });
  writeSync(1, `@@BEGIN ${job.label}\n`);
  gc?.();
  peakExternal = 0;
  bridge.waitMs = 0;
  const started = performance.now();
  let error: string | null = null;
  let figures: Record<string, unknown> = {};
  let outcome = "recomputed";
  try {
    if (job.message) {
      outcome = await recomputeFromMessage(bridge as unknown as D1Database, job.message, async (next) => {
        jobs.push({ ...job, message: next });
      });
    } else await computeSnapshot(db, job.scope, job.window);
  } catch (e) {
    // drizzle wraps D1's error ("Failed query: …"): the cause says why.
    const cause = (e as { cause?: unknown })?.cause;
    error = String((e as Error)?.stack ?? e) + (cause ? `\ncause: ${String((cause as Error)?.stack ?? cause)}` : "");
  }
  const wallMs = performance.now() - started;
  sample();
  const usedAtEndBytes = getHeapStatistics().used_heap_size;
  writeSync(1, `@@END ${job.label}\n`);
  if (outcome === "waiting" && !error) {
    parentPort!.postMessage({ type: "waiting", label: job.label });
    continue;
  }
  if (!error) {
    const row = await db.get<{ summary: string }>(sql`SELECT summary FROM metric_snapshots WHERE region_code = ${job.scope} AND window_from = ${job.window.from} AND window_to = ${job.window.to}`);
    const network = row ? (JSON.parse(row.summary) as Summary).network : null;
    if (network) figures = { nodes: network.nodes, edges: network.edges, communities: network.communities, modularity: network.modularity };
  }
  parentPort!.postMessage({
    type: "result",
    result: { label: job.label, scope: job.scope, window: job.window, outcome, waits: job.message?.waits ?? 0, wallMs, cpuMs: wallMs - bridge.waitMs, d1WaitMs: bridge.waitMs, peakExternalBytes: peakExternal, usedAtEndBytes, error, ...figures },
  });
}
process.exit(0);
