// `npm run bench`: every benchmark of the performance issue, one table each, with the machine's
// details; results also go to bench/results/<timestamp>.json (git-ignored) so runs can be compared.
//
//   npm run bench                            everything (≈ 10–15 min)
//   npm run bench -- --only graph,national   some sections: graph, national, network, api, dashboard, ingest
//   npm run bench -- --smoke                 every section once at a small scale on fresh databases
//                                            (part of `npm test`): fails on any error, never on a timing
//
// Every figure is the median of several runs in this run; ratios compare figures of this run only.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fmt, median, ratio, table } from "./lib/stats.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const argv = process.argv.slice(2);
const smoke = argv.includes("--smoke");
// The smoke run starts from nothing (as a fresh clone does) and leaves nothing behind.
const resultsDir = smoke ? mkdtempSync(join(os.tmpdir(), "ka-bench-smoke-")) : join(root, "bench", "results");
const cacheDir = join(resultsDir, ".cache");
mkdirSync(cacheDir, { recursive: true });
const onlyArg = argv.includes("--only") ? argv[argv.indexOf("--only") + 1] : null;
const only = new Set((onlyArg ?? "graph,national,network,api,dashboard,ingest").split(","));
const PYTHON = "/usr/bin/python3";
const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1", NO_COLOR: "1" };
const started = Date.now();
const log = (m) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0)} s] ${m}`);
const out = { startedAt: new Date().toISOString(), machine: null, sections: {} };

// ---------------------------------------------------------------------------------------------
// Machine

function machine() {
  const py = spawnSync(PYTHON, ["-c", "import sys, networkx, igraph; print(sys.version.split()[0], networkx.__version__, igraph.__version__)"], { encoding: "utf8" });
  const [python, networkx, igraph] = (py.stdout || "").trim().split(" ");
  return {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    python: python ?? null,
    networkx: networkx ?? null,
    igraph: igraph ?? null,
  };
}

function ensureReferenceLibraries() {
  const check = () => spawnSync(PYTHON, ["-c", "import networkx, igraph, scipy"], { stdio: "ignore" }).status === 0;
  if (check()) return true;
  log("installing Debian's python3-networkx, python3-igraph, python3-scipy");
  spawnSync("apt-get", ["update", "-qq"], { stdio: "ignore" });
  spawnSync("apt-get", ["install", "-y", "-qq", "python3-networkx", "python3-igraph", "python3-scipy"], { stdio: "ignore", env: { ...env, DEBIAN_FRONTEND: "noninteractive" } });
  return check();
}

// ---------------------------------------------------------------------------------------------
// Graph metrics against networkx and python-igraph

const METRICS = [
  ["twoStepReach", "two-step reach"],
  ["betweennessExact", "betweenness, exact"],
  ["betweennessSampled", "betweenness, same sampled sources"],
  ["betweennessProduction", "betweenness, snapshot setting vs exact"],
  ["harmonicExact", "harmonic closeness, exact"],
  ["harmonicSampled", "harmonic closeness, same sampled sources"],
  ["pagerank", "PageRank (weighted)"],
  ["louvain", "Louvain (weighted)"],
  ["constraint", "Burt's constraint"],
  ["effectiveSize", "Burt's effective size"],
  ["components", "connected components"],
];

function graphSection(scales, { oursRuns = 5, referenceRuns = 15 } = {}) {
  if (!ensureReferenceLibraries()) {
    log("networkx/igraph not available: graph section skipped");
    return { skipped: "python3-networkx / python3-igraph not installed" };
  }
  const sizes = [];
  for (const scale of scales) {
    const edges = join(cacheDir, `edges-${scale}.json`);
    const oursFile = join(cacheDir, `ours-${scale}.json`);
    log(`graph metrics: ${scale} organisations`);
    execFileSync("npx", ["tsx", "bench/graph/edge-lists.ts", String(scale), edges, "100"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
    execFileSync("npx", ["tsx", "bench/graph/ours.ts", edges, oursFile, String(oursRuns)], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
    // One thread for the references' numeric libraries: their CPU time is then comparable with ours (idle BLAS/OpenMP threads spinning count as CPU time).
    const referenceEnv = { ...env, OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };
    const reference = JSON.parse(execFileSync(PYTHON, ["bench/graph/reference.py", edges, oursFile, String(referenceRuns)], { cwd: root, env: referenceEnv, encoding: "utf8", maxBuffer: 64 << 20 }));
    const ours = JSON.parse(execFileSync("node", ["-e", `process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(require(${JSON.stringify(oursFile)}).results).map(([k, v]) => [k, { ms: v.ms, runs: v.runs, extra: v.extra }]))))`], { encoding: "utf8" }));
    const metrics = {};
    for (const [key] of METRICS) {
      if (!ours[key] && !reference.metrics[key]) continue;
      const ref = reference.metrics[key] ?? {};
      metrics[key] = {
        oursMs: ours[key]?.ms ?? null,
        oursRuns: ours[key]?.runs ?? null,
        networkx: ref.networkx ?? null,
        igraph: ref.igraph ?? null,
        vsNetworkx: ratio(ref.networkx?.ms, ours[key]?.ms),
        vsIgraph: ratio(ours[key]?.ms, ref.igraph?.ms),
        extra: ours[key]?.extra ?? null,
      };
    }
    sizes.push({ scale, nodes: reference.nodes, edges: reference.edges, samples: 100, metrics });
  }
  return { sizes };
}

function agreement(m) {
  const parts = [];
  for (const impl of ["networkx", "igraph"]) {
    const r = m[impl];
    if (!r) continue;
    if (r.maxRelError !== undefined) parts.push(`${impl === "networkx" ? "nx" : "ig"} ${r.maxRelError === null ? "∞" : r.maxRelError.toExponential(0)}`);
    if (r.spearman !== undefined) parts.push(`ρ ${r.spearman.toFixed(3)} vs exact`);
    if (r.top50Overlap !== undefined) parts.push(`top 50: ${r.top50Overlap}/50`);
    if (r.modularityOfOursRelError !== undefined) parts.push(`Q(nx of ours) ${r.modularityOfOursRelError.toExponential(0)}`);
    if (r.referenceModularity !== undefined) parts.push(`Q ${impl === "networkx" ? "nx" : "ig"} ${r.referenceModularity.toFixed(4)}`);
    if (r.equal !== undefined) parts.push(`${impl === "networkx" ? "nx" : "ig"} ${r.equal ? "equal" : "DIFFERENT"}`);
  }
  if (m.networkx?.exactRelErrorOurs !== undefined) {
    const e = (x) => (x === null ? "∞" : x.toExponential(0));
    parts.push(`vs exact: ours ${e(m.networkx.exactRelErrorOurs)}, nx ${e(m.networkx.exactRelErrorNetworkx)}${m.igraph?.exactRelErrorIgraph !== undefined ? `, ig ${e(m.igraph.exactRelErrorIgraph)}` : ""}`);
  }
  if (m.extra?.modularity !== undefined) parts.push(`Q ours ${m.extra.modularity.toFixed(4)}`);
  if (m.extra?.exact === true) parts.push("exact (work within the limit)");
  else if (m.extra?.samples !== undefined) parts.push(`${m.extra.samples} sources`);
  if (m.extra?.exact === false && m.extra?.estimatedError !== undefined) parts.push(`bound ${m.extra.estimatedError.toExponential(0)} (largest value ${m.extra.maxValue?.toExponential(1)})`);
  if (m.extra?.exact === false && typeof m.extra?.topRelativeError === "number") parts.push(`top 50 ±${(m.extra.topRelativeError * 100).toFixed(0)} % stated, ${m.igraph?.topMaxRelError !== undefined ? `${(m.igraph.topMaxRelError * 100).toFixed(0)} % actual` : "no exact reference"}`);
  return parts.join(", ");
}

function printGraph(section) {
  if (!section.sizes) return console.log(`graph metrics: ${section.skipped}`);
  console.log("\n## Graph metrics: worker kernel (JS, typed arrays) vs networkx and python-igraph, identical graphs\n");
  const rows = [];
  for (const size of section.sizes) {
    for (const [key, label] of METRICS) {
      const m = size.metrics[key];
      if (!m) continue;
      rows.push([
        `${size.nodes}/${size.edges}`,
        label,
        fmt(m.oursMs, 2),
        fmt(m.networkx?.ms, 1),
        fmt(m.igraph?.ms, 2),
        m.vsNetworkx ? `${m.vsNetworkx.toFixed(1)}×` : "—",
        m.vsIgraph ? `${m.vsIgraph.toFixed(2)}×` : "—",
        agreement(m),
      ]);
    }
  }
  console.log(table(["nodes/ties", "metric", "ours ms", "networkx ms", "igraph ms", "nx ÷ ours", "ours ÷ igraph", "agreement"], rows));
  console.log("Times are CPU times of the measuring process (Node's process.cpuUsage, Python's time.process_time), so that other processes on a shared machine stay out of the ratios. Goal: nx ÷ ours ≥ 5×, ours ÷ igraph ≤ 1.5× (exact betweenness ≤ 1.0×). Sampled metrics use the same 100 sources in every implementation; igraph has no source-sampled betweenness. PageRank \"vs exact\": each implementation's max relative error against a direct sparse solve of the same equations (networkx stops its power iteration at an L1 change below n · tol).");
}

// ---------------------------------------------------------------------------------------------
// National scale

function nationalSection(budgetS, { scale = 50000, coverage = null } = {}) {
  log(`national scale: demo data at ${scale} organisations, snapshots under a 128 MB heap (budget ${budgetS} s)`);
  const scopes = process.env.BENCH_NATIONAL_SCOPES; // e.g. "DE": only these scopes, no queue (a quick memory measurement)
  const options = ["--scale", String(scale), "--budget-s", String(budgetS), "--cache-dir", cacheDir, ...(coverage ? ["--coverage", coverage] : []), ...(scopes ? ["--scopes", scopes] : []), ...(process.env.BENCH_CONSUMERS ? ["--consumers", process.env.BENCH_CONSUMERS] : [])];
  const child = spawnSync("node", ["--expose-gc", "--trace-gc", "--import", "tsx", "bench/national/run-national.ts", ...options], {
    cwd: root,
    env,
    encoding: "utf8",
    maxBuffer: 512 << 20,
  });
  if (child.status !== 0) log(`national run exited with ${child.status}: ${child.stderr?.slice(-2000)}`);
  const lines = child.stdout.split("\n");
  const gcLine = /^\[\d+:(0x[0-9a-f]+)\]\s+[\d.]+ ms: .*?([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/;
  let mainIsolate = null;
  let afterMain = false;
  // Consumer isolates: each one's address is that of the forced GC between its HELLO and READY
  // markers (consumers start one after another); a job's heap is its isolate's GC lines between
  // the job's BEGIN and END markers (consumers run at once, so their lines interleave).
  let starting = null;
  const isolateOf = new Map();
  const open = new Map();
  const segments = new Map();
  const results = [];
  let data = null;
  let load = null;
  let skipped = [];
  let drain = null;
  let plan = null;
  let waits = 0;
  for (const line of lines) {
    if (line === "@@MAIN") afterMain = true;
    else if (line.startsWith("@@HELLO ")) starting = line.slice(8);
    else if (line.startsWith("@@READY ")) starting = null;
    else if (line.startsWith("@@BEGIN ")) {
      const [consumer, ...label] = line.slice(8).split(" ");
      open.set(consumer, { label: label.join(" "), lines: [] });
    } else if (line.startsWith("@@END ")) {
      const consumer = line.slice(6).split(" ")[0];
      const segment = open.get(consumer);
      if (segment) segments.set(segment.label, segment.lines);
      open.delete(consumer);
    } else if (line.startsWith("@@RESULT ")) results.push(JSON.parse(line.slice(9)));
    else if (line.startsWith("@@DATA ")) data = JSON.parse(line.slice(7));
    else if (line.startsWith("@@LOAD ")) load = JSON.parse(line.slice(7));
    else if (line.startsWith("@@SKIPPED ")) skipped = JSON.parse(line.slice(10)).labels;
    else if (line.startsWith("@@DRAIN ")) drain = JSON.parse(line.slice(8));
    else if (line.startsWith("@@PLAN ")) plan = JSON.parse(line.slice(7));
    else if (line.startsWith("@@WAITING ")) waits++;
    else {
      const m = gcLine.exec(line);
      if (!m) continue;
      const isolate = m[1];
      if (afterMain && !mainIsolate) mainIsolate = isolate;
      // (An ended consumer's address may be reused by a new isolate; a running consumer's is not.)
      if (starting !== null && line.includes("testing") && isolate !== mainIsolate && ![...open.keys()].some((c) => isolateOf.get(c) === isolate)) {
        isolateOf.set(starting, isolate);
        starting = null;
      }
      for (const [consumer, segment] of open) {
        if (isolateOf.get(consumer) === isolate) segment.lines.push({ before: Number(m[2]), after: Number(m[4]) });
      }
    }
  }
  for (const r of results) {
    const mine = segments.get(r.label) ?? [];
    const heapMb = Math.max(...mine.map((l) => Math.max(l.before, l.after)), (r.usedAtEndBytes ?? 0) / 2 ** 20);
    r.peakHeapMB = mine.length ? heapMb : null;
    r.peakExternalMB = r.peakExternalBytes !== undefined ? r.peakExternalBytes / 2 ** 20 : null;
    r.peakTotalMB = r.peakHeapMB !== null && r.peakExternalMB !== null ? r.peakHeapMB + r.peakExternalMB : null;
    r.withinLimits = !r.error && r.peakTotalMB !== null && r.peakTotalMB <= 128 && r.cpuMs <= 30_000;
  }
  // The queue: the slowest message by CPU time and the largest by memory (DE:all is no message).
  const messages = results.filter((r) => r.label !== "DE:all");
  const worst = (key) => messages.reduce((a, b) => ((b[key] ?? -1) > (a?.[key] ?? -1) ? b : a), null);
  const byCpu = worst("cpuMs");
  const byMemory = worst("peakTotalMB");
  const outcomes = {};
  for (const r of messages) outcomes[r.outcome ?? "failed"] = (outcomes[r.outcome ?? "failed"] ?? 0) + 1;
  const queue = drain && {
    ...drain,
    handled: messages.length,
    waits,
    outcomes,
    slowest: byCpu && { label: byCpu.label, cpuMs: byCpu.cpuMs, wallMs: byCpu.wallMs, totalMB: byCpu.peakTotalMB },
    largest: byMemory && { label: byMemory.label, cpuMs: byMemory.cpuMs, totalMB: byMemory.peakTotalMB },
  };
  return { data, load, plan, queue, results, skipped, exitStatus: child.status, stderrTail: child.status !== 0 ? child.stderr?.slice(-3000) : undefined, heapLimitMB: 128, cpuLimitMs: 30_000 };
}

function printNational(section) {
  console.log(`\n## National scale: snapshots of the demo data (${section.data?.organisations ?? "?"} organisations) in a 128 MB worker isolate\n`);
  if (section.data) console.log(`data: ${section.data.organisations} organisations, ${section.data.cooperations} cooperations${section.load ? `; loaded into local D1 in ${(section.load.ms / 1000).toFixed(0)} s` : " (cached local D1)"}`);
  const show = (r) => [
    r.label,
    r.kind,
    r.nodes ?? "—",
    r.edges ?? "—",
    fmt(r.peakHeapMB, 1),
    fmt(r.peakExternalMB, 1),
    fmt(r.peakTotalMB, 1),
    fmt(r.cpuMs !== undefined ? r.cpuMs / 1000 : null, 2),
    fmt(r.wallMs !== undefined ? r.wallMs / 1000 : null, 1),
    r.error ? `FAILED: ${r.error.split("\n")[0].slice(0, 60)}` : r.withinLimits ? "yes" : "NO",
  ];
  const national = section.results.filter((r) => r.kind === "national");
  const states = section.results.filter((r) => r.kind === "state");
  const districts = section.results.filter((r) => r.kind === "district");
  const worst = (list, key) => list.reduce((a, b) => ((b[key] ?? 0) > (a?.[key] ?? -1) ? b : a), null);
  const rows = [...national.map(show)];
  for (const [name, list] of [["states", states], ["districts", districts]]) {
    if (!list.length) continue;
    const byMem = worst(list, "peakTotalMB");
    const byCpu = worst(list, "cpuMs");
    rows.push(show({ ...byMem, label: `${name}: max memory (${byMem.label})` }));
    if (byCpu !== byMem) rows.push(show({ ...byCpu, label: `${name}: max CPU (${byCpu.label})` }));
  }
  console.log(table(["scope:window", "kind", "nodes", "ties", "heap MB", "typed MB", "total MB", "CPU s", "wall s", "≤128 MB & ≤30 s"], rows));
  const all = section.results;
  console.log(
    `${all.filter((r) => r.withinLimits).length} of ${all.length} snapshots within 128 MB and 30 s CPU (national ${national.length}, states ${states.length}, districts ${districts.length}, districts first, grouped by state; ${section.skipped.length} not reached in the time budget).`,
  );
  const q = section.queue;
  if (q) {
    console.log(
      `\nRecomputation queue after loading the demo: ${q.messages} messages (one per stale scope of the 24-month window); ${q.handled} handled (${Object.entries(q.outcomes).map(([k, n]) => `${k} ${n}`).join(", ")}; ${q.waits} times a state or the country waited for its districts). ` +
        (q.drained ? `Every scope current ${fmt(q.ms / 1000, 1)} s after the first message, ${q.consumers} consumer${q.consumers === 1 ? "" : "s"} at once.` : `Not every scope current within the time budget: ${q.leftStale} stale snapshots left.`),
    );
    if (q.slowest) console.log(`Slowest message: ${q.slowest.label}, ${fmt(q.slowest.cpuMs / 1000, 2)} s CPU (${fmt(q.slowest.wallMs / 1000, 1)} s wall), ${fmt(q.slowest.totalMB, 1)} MB; largest: ${q.largest.label}, ${fmt(q.largest.totalMB, 1)} MB, ${fmt(q.largest.cpuMs / 1000, 2)} s CPU.`);
  }
  console.log("Method: worker code bundled with esbuild, run in a Node worker thread (own V8 isolate, old generation limited to 128 MB); D1 = Miniflare's local D1 bridged from the main thread. heap = peak V8 heap of that isolate from --trace-gc; typed = ArrayBuffer memory sampled at every D1 call; CPU = wall time minus time waiting for D1. The queue's messages are those the Cron Trigger sends (worker/jobs/recompute-queue.ts), handled by the consumer's own code in as many consumer isolates at once as this machine has cores (wrangler.toml allows 10 on Cloudflare, each with a CPU of its own), each taking the next message when done; a state waiting for its districts comes back after the consumer's delay (20 s), as the queue delivers it again. The drain is timed from the first message to the last scope current; consumers at once share this machine's cores with the local D1, so their CPU figures include waiting for a core.");
}

// ---------------------------------------------------------------------------------------------
// The application: read API on workerd and through wrangler dev, dashboard, bulk ingest

function printApi(section) {
  const where = `region ${section.region} (${section.regionName}, ${section.regionOrganisations} organisations) of the demo data (${section.organisations} organisations)`;
  const readTable = (rows) =>
    table(
      ["endpoint", "snapshot", "clients", "p50 ms", "p95 ms", "p99 ms", "req/s", "requests", "errors"],
      rows.map((r) => r.error ? [r.endpoint, `FAILED: ${r.error.slice(0, 60)}`, "", "", "", "", "", "", ""] : [r.endpoint, r.snapshot, r.pacedAt ? `${r.connections}, paced ${r.pacedAt}/s` : r.connections, fmt(r.p50, 1), fmt(r.p95, 1), fmt(r.p99, 1), fmt(r.rps, 0), r.requests, r.errors]),
    );
  if (section.read) {
    console.log(`\n## Read API on workerd (the bundled Worker, no dev proxy), loopback: ${where}\n`);
    console.log(readTable([...section.read, ...(section.readNoReuse ?? [])]));
    const { warm, floor } = readGoalRows(section);
    console.log(
      "Clients send their next request as soon as the last one is answered (saturation), except the paced rows (open loop: evenly spaced requests at a quarter and at half the saturated rate, latency from each request's scheduled time, after one unmeasured run at that rate). The first response of each connection is left out (opening 50 connections at once is not a steady state). warm: autocannon runs of a few seconds per row, percentiles of every response of a run, median of the runs; cold: a write makes the snapshot stale, then all clients ask at once (bursts repeated, percentiles over all their requests; concurrent readers of an isolate share one recomputation). floor: the same server answering an endpoint without D1. metrics reuse the figures an isolate has read for up to SNAPSHOT_REUSE_MS (1 s; never across a write through the isolate); 'reuse off' asks D1 on every read." +
        (warm ? ` Goal: metrics p99 < 50 ms with 50 clients, warm: ${fmt(warm.p99, 1)} ms (${warm.p99 < 50 ? "met" : "NOT met"}${floor ? `; floor ${fmt(floor.p99, 1)} ms` : ""}).` : ""),
    );
  }
  if (section.readDev) {
    console.log(`\n## Read API through wrangler dev (its proxy in front of the Worker), loopback: same region\n`);
    console.log(readTable(section.readDev));
  }
  if (section.dashboard) {
    console.log("\n## Dashboard (Chromium, loopback, demo data)\n");
    if (section.dashboard.skipped) console.log(`skipped: ${section.dashboard.skipped}`);
    else
      console.log(
        table(
          ["page", "JS gzip KB", "JS files", "map data gzip KB", "first chart ms (median)", "min–max ms", "loads"],
          section.dashboard.map((d) => [d.path, fmt(d.jsGzipBytes / 1024, 1), d.jsFiles, d.mapDataGzipBytes ? fmt(d.mapDataGzipBytes / 1024, 1) : "—", d.firstChartMs.median, `${d.firstChartMs.min}–${d.firstChartMs.max}`, d.firstChartMs.runs]),
        ),
      );
  }
  if (section.networkView) {
    const v = section.networkView;
    console.log(`\n## Network view (Chromium, ${v.drawnNodes} of ${v.nodes} generated organisations drawn, ${v.edges} ties)\n`);
    console.log(
      table(
        ["interaction", "frame ms (median)", "frame ms (p95)", "frames", "drawing ms (median)", "drawing ms (p95)", "drawings"],
        Object.entries(v.phases).map(([name, p]) => [name, fmt(p.frameMs.median, 1), fmt(p.frameMs.p95, 1), p.frameMs.frames, fmt(p.drawMs.median, 1), fmt(p.drawMs.p95, 1), p.drawMs.frames]),
      ),
    );
    console.log("Time between animation frames while the benchmark drags, wheels and focuses nodes (clicks and the keyboard list); 16.7 ms = 60 frames per second. Drawing: the view's own time per frame (moving and zooming reuse the last full drawing until the motion rests).");
  }
  if (section.ingest) {
    console.log(`\n## Bulk ingest through wrangler dev, loopback (5 000 records per request, into ${where})\n`);
    console.log(
      table(
        ["cooperations", "bulk API rows/s", "raw D1 insert rows/s", "API ÷ raw", "runs"],
        section.ingest.map((r) => [r.records, fmt(r.apiRowsPerS, 0), fmt(r.rawRowsPerS, 0), `${(r.share * 100).toFixed(0)} %`, r.repeated ? `${r.runs} (${r.repeated} repeated)` : r.runs]),
      ),
    );
    console.log("raw: a Worker that only runs the INSERT … SELECT FROM json_each statements for the same records in one D1 batch (no validation, reference checks, audit or revisions). Medians of alternating runs; a run cut off by wrangler dev replacing its runtime mid-request is repeated once (\"repeated\"). Goal: API ≥ 25 % of raw.");
  }
  if (section.ingestError) console.log(`\n## Bulk ingest: FAILED\n\n${section.ingestError.slice(0, 4000)}`);
}

// ---------------------------------------------------------------------------------------------
// Goals

/** The network endpoint beside the floor of the same server, per client count. */
function printNetwork(section) {
  console.log(`\n## Network throughput on workerd, loopback: region ${section.region} (${section.regionName}, ${section.regionOrganisations} organisations; JSON ${fmt(section.jsonBytes / 1024, 0)} KB, GEXF ${fmt(section.gexfBytes / 1024, 0)} KB per response)\n`);
  const floorOf = (r) => section.rows.find((f) => f.endpoint.startsWith("floor") && f.connections === r.connections && f.server === r.server);
  const errorsOf = (r) => (r.cold ? `${r.errors} (${r.bursts} bursts)` : r.errors);
  console.log(
    table(
      ["endpoint", "clients", "p50 ms", "p95 ms", "p99 ms", "req/s", "requests", "errors", "req/s ÷ floor", "p99 ÷ floor"],
      section.rows.map((r) => {
        const floor = r.endpoint.startsWith("floor") ? null : floorOf(r);
        return [r.endpoint, r.connections, fmt(r.p50, 1), fmt(r.p95, 1), fmt(r.p99, 1), fmt(r.rps, 0), r.requests, errorsOf(r), floor ? `${((r.rps / floor.rps) * 100).toFixed(0)} %` : "—", floor ? `${(r.p99 / floor.p99).toFixed(1)}×` : "—"];
      }),
    ),
  );
  console.log(
    "Saturating clients (each sends its next request when the last is answered), a few seconds per row, median of the runs; the first response of each connection left out. floor: /api/v1/me on the same server (authentication, no D1), measured right before the rows it is compared with. 'cache off' = NETWORK_CACHE=off on a second server on the same database: every request shaped and serialised from the snapshot, as before the Cache API. 'right after a write': a cooperation in the region, then all clients ask at once (bursts repeated; latency from the burst's start): one recomputation of the snapshot and one shaping of the body per isolate, the other requests wait for them.",
  );
}

/** The rows the read goal is judged by: region metrics, warm, 50 saturating clients, on workerd. */
function readGoalRows(api) {
  const at50 = (rows, pick) => rows?.find((r) => pick(r) && r.connections === 50 && !r.pacedAt && !r.error);
  return {
    warm: at50(api.read, (r) => r.endpoint === "metrics" && r.snapshot === "warm"),
    floor: at50(api.read, (r) => r.endpoint.startsWith("floor")),
    paced: (api.read ?? []).filter((r) => r.endpoint === "metrics" && r.pacedAt && !r.error),
    dev: at50(api.readDev, (r) => r.endpoint === "metrics"),
  };
}

/** The issue's goals against this run's figures, one line each. */
function printGoals(sections) {
  const lines = [];
  const { graph, national, api } = sections;
  if (national?.results) {
    const all = national.results;
    const ok = all.filter((r) => r.withinLimits).length;
    lines.push(`snapshots within 128 MB and 30 s CPU: ${ok} of ${all.length} run (${national.skipped.length} not reached) — ${all.length > 0 && ok === all.length ? "met" : "NOT met"}`);
    for (const [label, goal] of [["DE:24m", 64], ["DE:all", 96]]) {
      const r = all.find((x) => x.label === label);
      if (r) lines.push(`national snapshot ${label} within ${goal} MB (heap + typed arrays): ${r.error ? "failed — NOT met" : `${fmt(r.peakTotalMB, 1)} MB — ${r.peakTotalMB !== null && r.peakTotalMB <= goal ? "met" : "NOT met"}`}`);
    }
    const q = national.queue;
    if (q) {
      const fits = q.slowest && q.largest && q.slowest.cpuMs <= 30_000 && q.largest.totalMB <= 128;
      lines.push(
        `every scope of the country current within 5 minutes after the import (${q.messages} queue messages, ${q.consumers} consumers at once): ${q.drained ? `${fmt(q.ms / 1000, 0)} s — ${q.ms <= 300_000 ? "met" : "NOT met"}` : `NOT met (${q.leftStale} stale left when the budget ran out)`}; ` +
          `no message above 30 s CPU or 128 MB: slowest ${q.slowest ? `${q.slowest.label} ${fmt(q.slowest.cpuMs / 1000, 1)} s` : "—"}, largest ${q.largest ? `${q.largest.label} ${fmt(q.largest.totalMB, 1)} MB` : "—"} — ${fits ? "met" : "NOT met"}`,
      );
    }
  }
  if (graph?.sizes) {
    const misses = [];
    for (const size of graph.sizes) {
      for (const [key, label] of METRICS) {
        const m = size.metrics[key];
        if (!m) continue;
        if (m.vsNetworkx !== null && m.vsNetworkx < 5) misses.push(`${label} at ${size.nodes}: ${m.vsNetworkx.toFixed(1)}× networkx`);
        if (m.vsIgraph !== null && m.vsIgraph > 1.5) misses.push(`${label} at ${size.nodes}: ${m.vsIgraph.toFixed(2)}× igraph's time`);
      }
    }
    lines.push(`graph metrics ≥ 5× networkx and ≤ 1.5× igraph's time: ${misses.length ? `NOT met for ${misses.join("; ")}` : "met"}`);
    const exactRatios = graph.sizes.map((size) => [size.nodes, size.metrics.betweennessExact?.vsIgraph]).filter(([, r]) => typeof r === "number");
    if (exactRatios.length) {
      const ok = exactRatios.every(([, r]) => r <= 1);
      lines.push(`exact betweenness ≤ 1.0× igraph's time: ${exactRatios.map(([nodes, r]) => `${r.toFixed(2)}× at ${nodes}`).join(", ")} — ${ok ? "met" : "NOT met"}`);
    }
    const largest = graph.sizes[graph.sizes.length - 1];
    const production = largest?.metrics.betweennessProduction;
    if (production?.igraph?.spearman !== undefined) {
      const rho = production.igraph.spearman;
      lines.push(`betweenness at ${largest.nodes} organisations, snapshot setting: ρ ${rho.toFixed(3)} and top 50 ${production.igraph.top50Overlap}/50 against igraph's exact values — ${rho >= 0.98 ? "met" : "NOT met"} (goal ρ ≥ 0.98)`);
    }
  }
  const { warm, floor, paced, dev } = readGoalRows(api ?? {});
  if (warm) {
    lines.push(
      `region metrics p99 < 50 ms with 50 clients (workerd, warm, saturated): ${fmt(warm.p99, 1)} ms at ${fmt(warm.rps, 0)} requests/s — ${warm.p99 < 50 ? "met" : `NOT met (the server's floor without D1: ${fmt(floor?.p99, 1)} ms)`}` +
        paced.map((p) => `; 50 clients at ${p.pacedAt} requests/s (open loop): p99 ${fmt(p.p99, 1)} ms — ${p.p99 < 50 ? "met" : "NOT met"}`).join("") +
        (dev ? `; through wrangler dev's proxy: p99 ${fmt(dev.p99, 1)} ms at ${fmt(dev.rps, 0)} requests/s` : ""),
    );
  }
  const netRows = sections.network?.rows ?? [];
  const net = netRows.find((r) => r.endpoint === "network (json)" && r.connections === 50 && !r.server);
  const netFloor = netRows.find((r) => r.endpoint.startsWith("floor") && r.connections === 50 && !r.server);
  const offRow = netRows.find((r) => r.endpoint.startsWith("network (json)") && r.connections === 50 && r.server === "cache off");
  const netBefore = offRow && { ...offRow, floorRps: netRows.find((r) => r.endpoint.startsWith("floor") && r.connections === 50 && r.server === "cache off")?.rps };
  if (net && netFloor) {
    const share = net.rps / netFloor.rps;
    const p99Ratio = net.p99 / netFloor.p99;
    // Judged against the floor of the same run: 10× the 104 requests/s measured before the cache
    // was, on that run's server, 25 % of its floor (4 170 requests/s).
    lines.push(
      `network endpoint at 50 clients ≥ 25 % of the floor's requests/s (10× before the cache) and p99 ≤ 3× the floor's: ${fmt(net.rps, 0)} requests/s = ${(share * 100).toFixed(0)} % of ${fmt(netFloor.rps, 0)}, p99 ${fmt(net.p99, 1)} ms = ${p99Ratio.toFixed(1)}× ${fmt(netFloor.p99, 1)} ms — ${share >= 0.25 && p99Ratio <= 3 ? "met" : "NOT met"}` +
        (netBefore ? `; shaped per request (cache off, its own floor ${fmt(netBefore.floorRps, 0)} requests/s): ${fmt(netBefore.rps, 0)} requests/s, p99 ${fmt(netBefore.p99, 1)} ms` : ""),
    );
  }
  for (const r of api?.ingest ?? []) lines.push(`bulk ingest ≥ 25 % of raw D1 at ${r.records}: ${(r.share * 100).toFixed(0)} % — ${r.share >= 0.25 ? "met" : "NOT met"}`);
  if (lines.length) console.log(`\n## Goals\n\n${lines.map((l) => `- ${l}`).join("\n")}`);
}

// ---------------------------------------------------------------------------------------------

if (only.has("graph")) ensureReferenceLibraries();
out.machine = machine();
console.log(`Kooperationsatlas benchmarks — ${out.startedAt}`);
console.log(`machine: ${out.machine.cpu}, ${out.machine.cores} cores, ${out.machine.memoryGiB} GiB; ${out.machine.os}; Node ${out.machine.node}; Python ${out.machine.python}, networkx ${out.machine.networkx}, python-igraph ${out.machine.igraph}`);
/** Runs one section; a failure is printed and recorded, and the run goes on with the next. */
async function section(name, measure, print) {
  try {
    out.sections[name] = await measure();
    print(out.sections[name]);
  } catch (e) {
    out.sections[name] = { error: String(e?.stack ?? e) };
    console.log(`\n## ${name}: FAILED\n\n${String(e?.message ?? e).slice(0, 3000)}`);
    process.exitCode = 1;
  }
}

/**
 * What the smoke run fails on: a section that threw or was skipped, a snapshot that failed or none
 * at all, a read row that failed or got a non-200 answer, no ingest figures. Never a timing.
 */
function smokeFailures(sections) {
  const failures = [];
  for (const [name, s] of Object.entries(sections)) if (s?.error) failures.push(`${name}: ${s.error.split("\n")[0]}`);
  const { graph, national, api, network } = sections;
  for (const r of network?.rows ?? []) if (r.errors > 0) failures.push(`network ${r.endpoint} (${r.connections} clients): ${r.errors} failed requests`);
  if (only.has("network") && network && !network.error && !network.rows?.length) failures.push("network: no figures");
  if (only.has("graph") && graph?.skipped) failures.push(`graph: ${graph.skipped}`);
  if (only.has("national") && national && !national.error) {
    if (national.exitStatus !== 0) failures.push(`national: run-national exited with ${national.exitStatus}: ${national.stderrTail ?? ""}`);
    if (!national.results.length) failures.push("national: no snapshot computed");
    for (const r of national.results) {
      if (!r.error) continue;
      const lines = r.error.split("\n");
      failures.push(`national ${r.label}: ${[lines[0], ...lines.filter((l) => l.startsWith("cause:"))].join(" | ")}`);
    }
  }
  if (api && !api.error) {
    for (const r of [...(api.read ?? []), ...(api.readNoReuse ?? []), ...(api.readDev ?? [])]) {
      if (r.error) failures.push(`api ${r.endpoint}: ${r.error}`);
      else if (r.errors > 0) failures.push(`api ${r.endpoint} (${r.snapshot}, ${r.connections} clients): ${r.errors} failed requests`);
    }
    if (only.has("api") && !api.read?.length) failures.push("api: no read figures");
    if (only.has("dashboard") && (!Array.isArray(api.dashboard) || !api.dashboard.length)) failures.push(`dashboard: ${api.dashboard?.skipped ?? "no figures"}`);
    if (only.has("dashboard") && Array.isArray(api.dashboard) && !(api.networkView?.focused && api.networkView.phases?.pan?.frameMs.frames > 0)) failures.push("dashboard: the network view drew no frames or focused no node");
    if (only.has("ingest") && !api.ingest?.length) failures.push(`ingest: ${api.ingestError?.split("\n")[0] ?? "no figures"}`);
  }
  return failures;
}

// Small enough for `npm test` on two cores: one size, one run of everything, short load phases.
const SMOKE = {
  graph: { scales: [300], oursRuns: 1, referenceRuns: 1 },
  national: { budgetS: 45, scale: 2000, coverage: "national" },
  network: { seconds: 0.5, repeats: 1, connectionsList: [1, 5], coldRepeats: 1 },
  api: { readSeconds: 0.5, readRepeats: 1, coldRepeats: 1, connectionsList: [1, 5], ingestRepeats: 1, ingestTotals: [5000], dashboardRuns: 1, networkViewNodes: 300 },
};

try {
  if (only.has("graph")) {
    await section("graph", () => (smoke ? graphSection(SMOKE.graph.scales, SMOKE.graph) : graphSection((process.env.BENCH_GRAPH_SCALES ?? "2000,10000,50000").split(",").map(Number))), printGraph);
  }
  if (only.has("national")) {
    await section("national", () => (smoke ? nationalSection(SMOKE.national.budgetS, SMOKE.national) : nationalSection(Number(process.env.BENCH_NATIONAL_BUDGET_S ?? 480))), printNational);
  }
  if (only.has("network")) {
    await section("network", async () => (await import("./network/index.mjs")).networkSection({ log, ...(smoke ? SMOKE.network : {}) }), printNetwork);
  }
  if (only.has("api") || only.has("dashboard") || only.has("ingest")) {
    await section("api", async () => (await import("./api/index.mjs")).apiSection({ sections: only, log, ...(smoke ? SMOKE.api : {}) }), printApi);
  }
  if (smoke) {
    const failures = smokeFailures(out.sections);
    console.log(failures.length ? `\n## Smoke run: ${failures.length} failure(s)\n\n${failures.map((f) => `- ${f}`).join("\n")}` : "\n## Smoke run: every section ran without an error");
    if (failures.length) process.exitCode = 1;
  } else printGoals(out.sections);
} finally {
  out.finishedAt = new Date().toISOString();
  out.seconds = (Date.now() - started) / 1000;
  if (smoke) {
    rmSync(resultsDir, { recursive: true, force: true });
    console.log(`\nsmoke run: ${out.seconds.toFixed(0)} s in all`);
  } else {
    const file = join(resultsDir, `${out.startedAt.replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, JSON.stringify(out, null, 2));
    writeFileSync(join(resultsDir, "latest.json"), JSON.stringify(out, null, 2));
    console.log(`\nresults: bench/results/${file.split("/").pop()} (also latest.json); ${out.seconds.toFixed(0)} s in all`);
  }
}
