/**
 * @module
 * Worker-thread entry (bundled by esbuild before it runs): computes the snapshots of the scopes it
 * is given with the worker's own code over a bridged D1, one after another, and reports per scope
 * the wall time, the CPU time (wall minus D1 wait), the external (ArrayBuffer) memory sampled at
 * every D1 call, and writes markers around each scope so that the parent can attribute this
 * isolate's `--trace-gc` lines (the V8 heap) to the scope.
 */
import { writeSync } from "node:fs";
import { getHeapStatistics } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import { createDb } from "../../worker/db/client";
import { computeSnapshot } from "../../worker/network/snapshots";
import type { Window } from "../../worker/network/window";
import { BridgedD1 } from "./d1-bridge";

interface Job {
  scope: string;
  window: Window;
  label: string;
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

for (const job of jobs) {
  parentPort!.postMessage({ type: "begin", label: job.label });
  writeSync(1, `@@BEGIN ${job.label}\n`);
  gc?.();
  peakExternal = 0;
  bridge.waitMs = 0;
  const started = performance.now();
  let error: string | null = null;
  let figures: Record<string, unknown> = {};
  try {
    const snapshot = await computeSnapshot(db, job.scope, job.window);
    const network = snapshot.summary.network;
    figures = { nodes: network.nodes, edges: network.edges, communities: network.communities, modularity: network.modularity };
  } catch (e) {
    // drizzle wraps D1's error ("Failed query: …"): the cause says why.
    const cause = (e as { cause?: unknown })?.cause;
    error = String((e as Error)?.stack ?? e) + (cause ? `\ncause: ${String((cause as Error)?.stack ?? cause)}` : "");
  }
  const wallMs = performance.now() - started;
  sample();
  const usedAtEndBytes = getHeapStatistics().used_heap_size;
  writeSync(1, `@@END ${job.label}\n`);
  parentPort!.postMessage({
    type: "result",
    result: { label: job.label, scope: job.scope, window: job.window, wallMs, cpuMs: wallMs - bridge.waitMs, d1WaitMs: bridge.waitMs, peakExternalBytes: peakExternal, usedAtEndBytes, error, ...figures },
  });
}
process.exit(0);
