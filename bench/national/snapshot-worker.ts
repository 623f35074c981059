/**
 * @module
 * Worker-thread entry (bundled by esbuild before it runs): one consumer isolate. It computes the
 * jobs the main thread hands it, one at a time, with the worker's own code over a bridged D1 — a
 * job with a queue message through the queue consumer's handling of it (`recomputeFromMessage`: a
 * state waiting for its districts is handed back, as the consumer sends it again, delayed) — and
 * reports per job the wall time, the CPU time (wall minus D1 wait), the external (ArrayBuffer)
 * memory sampled at every D1 call, and writes markers around each job so that the parent can
 * attribute this isolate's `--trace-gc` lines (the V8 heap) to the job.
 *
 * Markers: `@@HELLO c` / `@@READY c` around a forced GC at start (the parent learns this consumer's
 * isolate from it: consumers start one after another), `@@BEGIN c label` / `@@END c label` around a job.
 */
import { writeSync } from "node:fs";
import { getHeapStatistics } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import { createDb } from "../../worker/db/client";
import { sql } from "drizzle-orm";
import { recomputeFromMessage, type RecomputeMessage } from "../../worker/jobs/recompute-queue";
import { computeSnapshot, type Summary } from "../../worker/network/snapshots";
import type { Window } from "../../worker/network/window";
import { BridgedD1, portTransport } from "./d1-bridge";

export interface Job {
  scope: string;
  window: Window;
  label: string;
  message?: RecomputeMessage;
}

/** Main thread → consumer. */
export type ToConsumer = { type: "job"; job: Job } | { type: "stop" };
/** Consumer → main thread. */
export type FromConsumer =
  | { type: "ready" }
  | { type: "begin"; label: string }
  | { type: "waiting"; label: string; message: RecomputeMessage; delaySeconds: number }
  | { type: "result"; result: Record<string, unknown> };

const { consumer, asOf } = workerData as { consumer: number; asOf: string };

// The demo data ends on its as-of day: the consumer runs as on that day, so the default window
// ending then is the one it keeps (snapshots of other windows are a bounded cache, evicted beyond
// 64), as a deployment's consumer keeps the window ending today.
const offset = Date.parse(`${asOf}T12:00:00Z`) - Date.now();
const RealDate = Date;
class DemoDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() + offset);
    else super(...(args as [string]));
  }
  static override now() {
    return RealDate.now() + offset;
  }
}
globalThis.Date = DemoDate as DateConstructor;

const port = parentPort!;
const post = (message: FromConsumer) => port.postMessage(message);
const gc = (globalThis as { gc?: () => void }).gc;
let peakExternal = 0;
const sample = () => {
  const external = getHeapStatistics().external_memory;
  if (external > peakExternal) peakExternal = external;
};
const bridge = new BridgedD1(portTransport(port), sample);
const db = createDb(bridge as unknown as D1Database);

async function run(job: Job) {
  post({ type: "begin", label: job.label });
  writeSync(1, `@@BEGIN ${consumer} ${job.label}\n`);
  gc?.();
  peakExternal = 0;
  bridge.waitMs = 0;
  const started = performance.now();
  let error: string | null = null;
  let figures: Record<string, unknown> = {};
  let outcome = "recomputed";
  let resent: { message: RecomputeMessage; delaySeconds: number } | null = null;
  try {
    if (job.message) {
      outcome = await recomputeFromMessage(bridge as unknown as D1Database, job.message, async (message, delaySeconds) => {
        resent = { message, delaySeconds };
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
  writeSync(1, `@@END ${consumer} ${job.label}\n`);
  if (outcome === "waiting" && !error && resent) {
    const { message, delaySeconds } = resent;
    post({ type: "waiting", label: job.label, message, delaySeconds });
    return;
  }
  if (!error) {
    const row = await db.get<{ summary: string }>(sql`SELECT summary FROM metric_snapshots WHERE region_code = ${job.scope} AND window_from = ${job.window.from} AND window_to = ${job.window.to}`);
    const network = row ? (JSON.parse(row.summary) as Summary).network : null;
    if (network) figures = { nodes: network.nodes, edges: network.edges, communities: network.communities, modularity: network.modularity };
  }
  post({
    type: "result",
    result: { label: job.label, consumer, scope: job.scope, window: job.window, outcome, waits: job.message?.waits ?? 0, wallMs, cpuMs: wallMs - bridge.waitMs, d1WaitMs: bridge.waitMs, peakExternalBytes: peakExternal, usedAtEndBytes, error, ...figures },
  });
}

port.on("message", (message: ToConsumer | { id?: number }) => {
  if (!("type" in message)) return; // a D1 answer (the bridge's)
  if (message.type === "stop") process.exit(0);
  if (message.type === "job") void run(message.job).then(() => post({ type: "ready" }));
});

writeSync(1, `@@HELLO ${consumer}\n`);
gc?.();
writeSync(1, `@@READY ${consumer}\n`);
post({ type: "ready" });
