/**
 * @module
 * National-scale snapshots under a 128 MB heap, run as a child process by `bench/run.mjs`
 * (`node --expose-gc --trace-gc --import tsx bench/national/run-national.ts …`):
 *
 * 1. the demo generator's national data set goes into a local D1 (Miniflare, cached between runs
 *    under bench/results/.cache or `--cache-dir`, keyed by scale, seed, coverage and the
 *    generator's and migrations' sources); the run that loads it reads from the same Miniflare;
 * 2. the snapshot code (worker/network, bundled with esbuild like a Worker) runs in a worker thread
 *    limited to 128 MB of old generation (`resourceLimits`), D1 calls bridged to the main thread;
 * 3. per scope it prints `@@RESULT {json}`; the parent reads the isolate's peak V8 heap from the
 *    `--trace-gc` lines between the scope's `@@BEGIN`/`@@END` markers.
 *
 * Scopes: the whole country (default 24-month window and all data since 2016), every state, then
 * districts largest first until the time budget is used up.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { build } from "esbuild";
import { checkLoaded, loadDemo, migrate, openLocalD1 } from "../lib/local-d1";
import { serveD1 } from "./d1-bridge";
import { windowEndingOn } from "../../worker/network/window";
import { createDb } from "../../worker/db/client";
import { staleMessages, type RecomputeMessage } from "../../worker/jobs/recompute-queue";
import { DEFAULT_AS_OF } from "../../scripts/demo/generate";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ""), process.argv[i + 1]);
const scale = Number(args.get("scale") ?? 50000);
const seed = Number(args.get("seed") ?? 1);
const budgetMs = Number(args.get("budget-s") ?? 240) * 1000;
const heapMb = Number(args.get("heap-mb") ?? 128);
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
type Job = { scope: string; window: typeof window; label: string; kind: string; message?: RecomputeMessage };
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
// The queue's messages start after the first job (DE:all): the drain is timed from there.
let queueStarted: number | null = null;
let queue = jobs.slice();
while (queue.length > 0 && performance.now() - started < budgetMs) {
  let current: string | null = null;
  const kindOf = new Map(queue.map((j) => [j.label, j.kind]));
  const worker = new Worker(bundle, {
    workerData: { jobs: queue.map(({ kind: _kind, ...job }) => job) },
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
  serveD1(worker as unknown as import("node:worker_threads").MessagePort, d1);
  const done = new Set<string>();
  const timer = setInterval(() => {
    if (performance.now() - started > budgetMs) void worker.terminate();
  }, 200);
  await new Promise<void>((resolve) => {
    worker.on("message", (message: { type?: string; label?: string; result?: Record<string, unknown> }) => {
      if (message.type === "begin") {
        current = message.label!;
        if (queueStarted === null && message.label !== "DE:all") queueStarted = performance.now();
      }
      // A state waiting for its districts went back to the end of the worker's list: not done yet.
      if (message.type === "waiting") {
        current = null;
        out(`@@WAITING ${JSON.stringify({ label: message.label })}`);
      }
      if (message.type === "result") {
        done.add(String(message.result!.label));
        current = null;
        out(`@@RESULT ${JSON.stringify({ ...message.result, kind: kindOf.get(String(message.result!.label)) })}`);
      }
    });
    worker.on("error", (error) => {
      if (current) {
        done.add(current);
        out(`@@RESULT ${JSON.stringify({ label: current, kind: kindOf.get(current), error: String(error?.message ?? error), outOfMemory: /memory/i.test(String(error)) })}`);
      }
    });
    worker.on("exit", () => resolve());
  });
  clearInterval(timer);
  queue = queue.filter((j) => !done.has(j.label));
  if (performance.now() - started >= budgetMs) break;
}
out(`@@SKIPPED ${JSON.stringify({ labels: queue.map((j) => j.label) })}`);
// Every scope current: no stale message left to send (what the next Cron run would find).
const leftStale = (await staleMessages(createDb(d1), new Date(DEFAULT_AS_OF + "T00:00:00Z"))).length;
out(`@@DRAIN ${JSON.stringify({ messages: messages.length, drained: leftStale === 0, leftStale, ms: queueStarted === null ? null : performance.now() - queueStarted })}`);
await local.dispose();
process.exit(0);
