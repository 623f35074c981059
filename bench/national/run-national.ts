/**
 * @module
 * National-scale snapshots under a 128 MB heap, run as a child process by `bench/run.mjs`
 * (`node --expose-gc --trace-gc --import tsx bench/national/run-national.ts …`):
 *
 * 1. the demo generator's national data set goes into a local D1 (Miniflare, cached between runs
 *    under bench/results/.cache or `--cache-dir`, keyed by scale, seed, coverage and the
 *    generator's and migrations' sources); the run that loads it reads from the same Miniflare;
 * 2. the snapshot code (worker/network, bundled with esbuild like a Worker) runs in worker threads,
 *    each a consumer isolate limited to 128 MB of old generation (`resourceLimits`), D1 calls
 *    bridged to the main thread;
 * 3. per scope it prints `@@RESULT {json}`; the parent reads the isolate's peak V8 heap from the
 *    `--trace-gc` lines between the scope's `@@BEGIN`/`@@END` markers (snapshot-worker.ts).
 *
 * Work: the country's snapshot of all data since 2016, then the recomputation queue's messages
 * (every stale scope of the default window: districts, states, the country) on as many consumers
 * at once as the machine has cores, until every scope is current or the time budget is used.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { writeSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { build } from "esbuild";
import { checkLoaded, loadDemo, migrate, openLocalD1 } from "../lib/local-d1";
import { serveD1 } from "./d1-bridge";
import type { FromConsumer, Job as ConsumerJob, ToConsumer } from "./snapshot-worker";
import { windowEndingOn } from "../../worker/network/window";
import { createDb } from "../../worker/db/client";
import { staleMessages } from "../../worker/jobs/recompute-queue";
import { DEFAULT_AS_OF } from "../../scripts/demo/generate";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ""), process.argv[i + 1]);
const scale = Number(args.get("scale") ?? 50000);
const seed = Number(args.get("seed") ?? 1);
const budgetMs = Number(args.get("budget-s") ?? 240) * 1000;
const heapMb = Number(args.get("heap-mb") ?? 128);
// Consumer invocations at once: wrangler.toml allows 10; one per core of this machine by default.
const consumerCount = Math.max(1, Number(args.get("consumers") ?? Math.min(10, availableParallelism())));
// Default: regional below 10 000 organisations, national above (the generator's rule).
const coverage = args.get("coverage") as "regional" | "national" | undefined;
const root = process.cwd();
const cacheRoot = args.get("cache-dir") ?? join(root, "bench", "results", ".cache");

function sourceHash(): string {
  const hash = createHash("sha256");
  for (const dir of ["schema/migrations", "scripts/demo"]) {
    for (const file of readdirSync(join(root, dir)).sort()) hash.update(file).update(readFileSync(join(root, dir, file)));
  }
  return hash.digest("hex").slice(0, 12);
}

const out = (line: string) => writeSync(1, line + "\n");
const log = (line: string) => writeSync(2, line + "\n");

// 1. Data. One Miniflare for loading and reading: the first run reads what it loaded through the
// same D1 it wrote with, as every later run does, instead of opening the files a second time.
const dbDir = join(cacheRoot, `d1-demo-${scale}-${seed}${coverage ? `-${coverage}` : ""}-${sourceHash()}`);
const ready = join(dbDir, "READY");
const cached = existsSync(ready);
if (!cached) {
  rmSync(dbDir, { recursive: true, force: true });
  mkdirSync(dbDir, { recursive: true });
}
const local = await openLocalD1(dbDir);
const d1 = local.d1;
if (!cached) {
  const started = performance.now();
  await migrate(d1, root);
  const statements = await loadDemo(d1, { scale, seed, coverage });
  await checkLoaded(d1);
  writeFileSync(ready, new Date().toISOString());
  log(`loaded demo data (scale ${scale}): ${statements} statements in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  out(`@@LOAD ${JSON.stringify({ scale, statements, ms: performance.now() - started })}`);
}
// Every run starts as right after the import: no snapshot computed yet (a cached database keeps
// those of the last run).
await d1.batch(["organisation_metrics", "snapshot_edges", "snapshot_layouts", "snapshot_partners", "metric_snapshots", "metric_history"].map((table) => d1.prepare(`DELETE FROM ${table}`)));
const counts = (await d1.prepare("SELECT (SELECT count(*) FROM organisations) AS organisations, (SELECT count(*) FROM cooperations) AS cooperations").first()) as Record<string, number>;
out(`@@DATA ${JSON.stringify({ scale, seed, ...counts })}`);

// 2. Work: first the country's snapshot of all data since 2016 (the largest snapshot, a memory
// measurement), then the recomputation queue's messages for the freshly loaded data, as the Cron
// Trigger sends them (worker/jobs/recompute-queue.ts): one per stale scope of the default window,
// districts first (grouped by state), then states, then the country.
const window = windowEndingOn(DEFAULT_AS_OF, 24);
const allTime = windowEndingOn(DEFAULT_AS_OF, 12 * 11);
const messages = await staleMessages(createDb(d1), new Date(DEFAULT_AS_OF + "T00:00:00Z"));
const depthKind = (scope: string) => (scope === "DE" ? "national" : scope.length <= 2 ? "state" : "district");
type Job = ConsumerJob & { kind: string };
// `--scopes DE,01`: only these scopes' snapshots, computed directly (no queue), for measuring one
// scope; `DE:24m` or `DE:all` for one window of the country.
const onlyScopes = args.get("scopes")?.split(",");
const jobs: Job[] = onlyScopes
  ? onlyScopes.flatMap((entry) => {
      const [scope, only] = entry.split(":");
      return [
        ...(scope === "DE" && only !== "24m" ? [{ scope, window: allTime, label: "DE:all", kind: "national" }] : []),
        ...(only !== "all" ? [{ scope, window, label: `${scope}:24m`, kind: depthKind(scope) }] : []),
      ];
    })
  : [
      { scope: "DE", window: allTime, label: "DE:all", kind: "national" },
      ...messages.map((m) => ({ scope: m.scope, window: { from: m.from, to: m.to }, label: `${m.scope}:24m`, kind: depthKind(m.scope), message: m })),
    ];
const count = (kind: string) => messages.filter((m) => depthKind(m.scope) === kind).length;
out(`@@PLAN ${JSON.stringify({ national: 2, states: count("state"), districts: count("district"), messages: messages.length })}`);

// 3. Bundle the worker-thread entry like a Worker build.
const bundle = join(cacheRoot, "snapshot-worker.mjs");
await build({
  entryPoints: [join(root, "bench", "national", "snapshot-worker.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "es2022",
  outfile: bundle,
  logLevel: "error",
});

// The main isolate's address in the GC trace: the first line after this marker.
out("@@MAIN");
(globalThis as { gc?: () => void }).gc?.();

const started = performance.now();
const deadline = started + budgetMs;
let nextConsumer = 0;
// The queue's messages start after the direct jobs (DE:all): the drain is timed from there.
let queueStarted: number | null = null;

/**
 * Runs `list` on `count` consumer isolates at once, each taking the next job when it is done with
 * one — as the queue hands messages to up to `max_concurrency` consumer invocations. A message
 * that waits for its districts comes back after its delay, as the queue delivers it again. A
 * consumer that fails (out of memory) fails its job and is replaced. Returns the jobs not reached
 * before the deadline.
 */
async function runJobs(list: Job[], count: number): Promise<Job[]> {
  const queue = list.map((job) => ({ job, notBefore: 0 }));
  const kindOf = new Map(list.map((j) => [j.label, j.kind]));
  const consumers = new Set<{ worker: Worker; current: Job | null }>();
  const idle: Array<{ worker: Worker; current: Job | null }> = [];
  let inFlight = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));

  const dispatch = () => {
    if (performance.now() > deadline || (queue.length === 0 && inFlight === 0)) return finish();
    while (idle.length > 0) {
      const now = performance.now();
      const i = queue.findIndex((p) => p.notBefore <= now);
      if (i < 0) break;
      const [{ job }] = queue.splice(i, 1);
      const consumer = idle.shift()!;
      consumer.current = job;
      inFlight++;
      consumer.worker.postMessage({ type: "job", job } satisfies ToConsumer);
    }
    if (idle.length > 0 && queue.length > 0 && !timer) {
      const wait = Math.max(0, Math.min(...queue.map((p) => p.notBefore)) - performance.now());
      timer = setTimeout(() => {
        timer = null;
        dispatch();
      }, wait);
    }
  };

  // Consumers start one after another: each one's forced GC between its HELLO and READY markers
  // names its isolate in the trace.
  const start = () =>
    new Promise<void>((started) => {
      const id = nextConsumer++;
      const worker = new Worker(bundle, { workerData: { consumer: id, asOf: DEFAULT_AS_OF }, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
      const consumer = { worker, current: null as Job | null };
      consumers.add(consumer);
      serveD1(worker as unknown as import("node:worker_threads").MessagePort, local.call);
      worker.on("message", (message: FromConsumer | { id?: number }) => {
        if (!("type" in message)) return;
        if (message.type === "ready") {
          started();
          idle.push(consumer);
          dispatch();
        } else if (message.type === "begin") {
          if (queueStarted === null && consumer.current?.message) queueStarted = performance.now();
        } else if (message.type === "waiting") {
          out(`@@WAITING ${JSON.stringify({ label: message.label })}`);
          queue.push({ job: { ...consumer.current!, message: message.message }, notBefore: performance.now() + message.delaySeconds * 1000 });
          consumer.current = null;
          inFlight--;
        } else if (message.type === "result") {
          out(`@@RESULT ${JSON.stringify({ ...message.result, kind: kindOf.get(String(message.result.label)) })}`);
          consumer.current = null;
          inFlight--;
        }
      });
      worker.on("error", (error) => {
        consumers.delete(consumer);
        const job = consumer.current;
        if (job) {
          inFlight--;
          out(`@@RESULT ${JSON.stringify({ label: job.label, kind: job.kind, error: String(error?.message ?? error), outOfMemory: /memory/i.test(String(error)) })}`);
        }
        started();
        if (performance.now() < deadline) void start().then(dispatch);
        else dispatch();
      });
    });
  for (let k = 0; k < count; k++) await start();
  const watch = setInterval(dispatch, 200);
  await done;
  clearInterval(watch);
  if (timer) clearTimeout(timer);
  const left = [...queue.map((p) => p.job), ...[...consumers].flatMap((c) => (c.current ? [c.current] : []))];
  await Promise.all([...consumers].map((c) => c.worker.terminate()));
  return left;
}

// Direct jobs (DE:all, or the scopes asked for) one at a time, then the queue's messages with
// `consumers` isolates at once.
const direct = jobs.filter((j) => !j.message);
const viaQueue = jobs.filter((j) => j.message);
const skipped = [...(await runJobs(direct, 1)), ...(viaQueue.length > 0 ? await runJobs(viaQueue, consumerCount) : [])];
const drainedAt = performance.now();
out(`@@SKIPPED ${JSON.stringify({ labels: skipped.map((j) => j.label) })}`);
// Every scope current: no stale message left to send (what the next Cron run would find).
const leftStale = (await staleMessages(createDb(d1), new Date(DEFAULT_AS_OF + "T00:00:00Z"))).length;
out(`@@DRAIN ${JSON.stringify({ messages: messages.length, consumers: consumerCount, drained: leftStale === 0, leftStale, ms: queueStarted === null ? null : drainedAt - queueStarted })}`);
await local.dispose();
process.exit(0);
