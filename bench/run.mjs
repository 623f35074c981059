// `npm run bench`: every benchmark of the performance issue, one table each, with the machine's
// details; results also go to bench/results/<timestamp>.json (git-ignored) so runs can be compared.
//
//   npm run bench                         everything (≈ 10–15 min)
//   npm run bench -- --only graph,national   some sections: graph, national, api, dashboard
//
// Every figure is the median of several runs in this run; ratios compare figures of this run only.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fmt, median, ratio, table } from "./lib/stats.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const resultsDir = join(root, "bench", "results");
const cacheDir = join(resultsDir, ".cache");
mkdirSync(cacheDir, { recursive: true });
const argv = process.argv.slice(2);
const onlyArg = argv.includes("--only") ? argv[argv.indexOf("--only") + 1] : null;
const only = new Set((onlyArg ?? "graph,national,api,dashboard").split(","));
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
  ["betweennessProduction", "betweenness, 500 sources vs exact"],
  ["harmonicExact", "harmonic closeness, exact"],
  ["harmonicSampled", "harmonic closeness, same sampled sources"],
  ["pagerank", "PageRank (weighted)"],
  ["louvain", "Louvain (weighted)"],
  ["constraint", "Burt's constraint"],
  ["effectiveSize", "Burt's effective size"],
  ["components", "connected components"],
];

function graphSection(scales) {
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
    execFileSync("npx", ["tsx", "bench/graph/ours.ts", edges, oursFile, "5"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
    const reference = JSON.parse(execFileSync(PYTHON, ["bench/graph/reference.py", edges, oursFile, "15"], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 }));
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
    if (r.modularityOfOursRelError !== undefined) parts.push(`Q(nx of ours) ${r.modularityOfOursRelError.toExponential(0)}`);
    if (r.referenceModularity !== undefined) parts.push(`Q ${impl === "networkx" ? "nx" : "ig"} ${r.referenceModularity.toFixed(4)}`);
    if (r.equal !== undefined) parts.push(`${impl === "networkx" ? "nx" : "ig"} ${r.equal ? "equal" : "DIFFERENT"}`);
  }
  if (m.extra?.modularity !== undefined) parts.push(`Q ours ${m.extra.modularity.toFixed(4)}`);
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
  console.log("Goal: nx ÷ ours ≥ 5×, ours ÷ igraph ≤ 2×. Sampled metrics use the same 100 sources in every implementation; igraph has no source-sampled betweenness.");
}

// ---------------------------------------------------------------------------------------------
// National scale

function nationalSection(budgetS) {
  log(`national scale: demo data at 50 000 organisations, snapshots under a 128 MB heap (budget ${budgetS} s)`);
  const child = spawnSync("node", ["--expose-gc", "--trace-gc", "--import", "tsx", "bench/national/run-national.ts", "--scale", "50000", "--budget-s", String(budgetS)], {
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
  let current = null;
  const segments = new Map();
  const results = [];
  let data = null;
  let load = null;
  let skipped = [];
  for (const line of lines) {
    if (line === "@@MAIN") afterMain = true;
    else if (line.startsWith("@@BEGIN ")) current = { label: line.slice(8), lines: [] };
    else if (line.startsWith("@@END ")) {
      if (current) segments.set(current.label, current.lines);
      current = null;
    } else if (line.startsWith("@@RESULT ")) results.push(JSON.parse(line.slice(9)));
    else if (line.startsWith("@@DATA ")) data = JSON.parse(line.slice(7));
    else if (line.startsWith("@@LOAD ")) load = JSON.parse(line.slice(7));
    else if (line.startsWith("@@SKIPPED ")) skipped = JSON.parse(line.slice(10)).labels;
    else {
      const m = gcLine.exec(line);
      if (!m) continue;
      if (afterMain && !mainIsolate) mainIsolate = m[1];
      if (current) current.lines.push({ isolate: m[1], before: Number(m[2]), after: Number(m[4]), testing: line.includes("testing") });
    }
  }
  for (const r of results) {
    const seg = (segments.get(r.label) ?? []).filter((l) => l.isolate !== mainIsolate);
    // The worker's isolate: the one whose forced GC (gc(), "testing") opens the segment.
    const own = seg.find((l) => l.testing)?.isolate;
    const mine = seg.filter((l) => l.isolate === own);
    const heapMb = Math.max(...mine.map((l) => Math.max(l.before, l.after)), (r.usedAtEndBytes ?? 0) / 2 ** 20);
    r.peakHeapMB = mine.length ? heapMb : null;
    r.peakExternalMB = r.peakExternalBytes !== undefined ? r.peakExternalBytes / 2 ** 20 : null;
    r.peakTotalMB = r.peakHeapMB !== null && r.peakExternalMB !== null ? r.peakHeapMB + r.peakExternalMB : null;
    r.withinLimits = !r.error && r.peakTotalMB !== null && r.peakTotalMB <= 128 && r.cpuMs <= 30_000;
  }
  return { data, load, results, skipped, heapLimitMB: 128, cpuLimitMs: 30_000 };
}

function printNational(section) {
  console.log("\n## National scale: snapshots of the demo data (50 000 organisations) in a 128 MB worker isolate\n");
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
    `${all.filter((r) => r.withinLimits).length} of ${all.length} snapshots within 128 MB and 30 s CPU (national ${national.length}, states ${states.length}, districts ${districts.length}, largest first; ${section.skipped.length} smaller districts not reached in the time budget).`,
  );
  console.log("Method: worker code bundled with esbuild, run in a Node worker thread (own V8 isolate, old generation limited to 128 MB); D1 = Miniflare's local D1 bridged from the main thread. heap = peak V8 heap of that isolate from --trace-gc; typed = ArrayBuffer memory sampled at every D1 call; CPU = wall time minus time waiting for D1.");
}

// ---------------------------------------------------------------------------------------------
// API through wrangler dev: read latency (warm and cold snapshots) and bulk ingest

async function autocannonRun(opts) {
  const { default: autocannon } = await import("autocannon");
  return new Promise((resolve, reject) => autocannon(opts, (e, r) => (e ? reject(e) : resolve(r))));
}

async function apiSection({ readSeconds, repeats }) {
  const { startWorker, freePort, waitFor } = await import("../test/e2e/lib/server.mjs");
  log("api: starting the application (wrangler dev, demo data)");
  const app = await startWorker({ build: true, log });
  const auth = { authorization: `Bearer ${app.adminToken}`, "content-type": "application/json" };
  const result = { read: [], ingest: [] };
  let raw = null;
  try {
    // The district with most organisations in the demo data.
    const organisations = [];
    for (let cursor = null, first = true; first || cursor; first = false) {
      const r = await fetch(`${app.base}/api/v1/organisations?limit=200${cursor ? `&cursor=${cursor}` : ""}`, { headers: auth }).then((x) => x.json());
      organisations.push(...r.data);
      cursor = r.nextCursor;
    }
    const counts = new Map();
    for (const o of organisations) counts.set(o.regionCode, (counts.get(o.regionCode) ?? 0) + 1);
    const region = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    result.region = region;
    result.organisations = organisations.length;
    const endpoints = [
      ["metrics", `/api/v1/regions/${region}/metrics`],
      ["network", `/api/v1/regions/${region}/network`],
      ["isolated", `/api/v1/regions/${region}/isolated`],
    ];
    const companies = organisations.filter((o) => o.kind === "company" && o.regionCode === region);
    const nonprofits = organisations.filter((o) => o.kind === "nonprofit" && o.regionCode === region);
    let touch = 0;
    const invalidate = async () => {
      // A write in the region bumps its revision: the next read finds the snapshot stale.
      const res = await fetch(`${app.base}/api/v1/cooperations`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ partnerIds: [companies[touch % companies.length].id, nonprofits[touch++ % nonprofits.length].id], dateAgreed: "2026-06-01", status: "agreed" }),
      });
      if (res.status !== 201) throw new Error(`invalidate: ${res.status} ${await res.text()}`);
    };
    for (const [name, path] of endpoints) {
      await fetch(app.base + path, { headers: auth }).then((r) => r.text()); // compute the snapshot once
      for (const connections of [1, 10, 50]) {
        log(`api read: ${name}, ${connections} clients, warm`);
        const runs = [];
        for (let i = 0; i < repeats; i++) {
          const r = await autocannonRun({ url: app.base + path, headers: auth, connections, duration: readSeconds, timeout: 60 });
          runs.push({ p50: r.latency.p50, p90: r.latency.p90, p97_5: r.latency.p97_5, p99: r.latency.p99, rps: r.requests.average, errors: r.errors + r.non2xx });
        }
        result.read.push({ endpoint: name, snapshot: "warm", connections, p50: median(runs.map((r) => r.p50)), p95: null, p97_5: median(runs.map((r) => r.p97_5)), p99: median(runs.map((r) => r.p99)), rps: median(runs.map((r) => r.rps)), errors: runs.reduce((s, r) => s + r.errors, 0), runs: runs.length });
        // Cold: a write makes the snapshot stale, then `connections` clients ask at once.
        log(`api read: ${name}, ${connections} clients, cold`);
        const latencies = [];
        const walls = [];
        for (let i = 0; i < repeats; i++) {
          await invalidate();
          const t0 = performance.now();
          const times = await Promise.all(
            Array.from({ length: connections }, async () => {
              const s = performance.now();
              const r = await fetch(app.base + path, { headers: auth });
              await r.arrayBuffer();
              return performance.now() - s;
            }),
          );
          walls.push(performance.now() - t0);
          latencies.push(...times);
        }
        const sorted = latencies.sort((a, b) => a - b);
        const pct = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
        result.read.push({ endpoint: name, snapshot: "cold", connections, p50: pct(50), p95: pct(95), p99: pct(99), rps: (connections * repeats) / (walls.reduce((a, b) => a + b, 0) / 1000), errors: 0, runs: repeats });
      }
    }

    // Ingest: the same records through the bulk API and through a raw D1 insert Worker.
    log("api ingest: starting the raw-insert worker");
    const rawState = join(cacheDir, `raw-${Date.now()}`);
    mkdirSync(rawState, { recursive: true });
    const wrangler = (args) => execFileSync("npx", ["wrangler", ...args, "-c", "bench/ingest/wrangler.toml", "--persist-to", rawState], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
    wrangler(["d1", "migrations", "apply", "DB", "--local"]);
    const demo = join(rawState, "demo.sql");
    execFileSync("npx", ["tsx", "scripts/demo/generate.ts", "--out", demo], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
    wrangler(["d1", "execute", "DB", "--local", "--file", demo]);
    const port = await freePort();
    raw = spawn("npx", ["wrangler", "dev", "-c", "bench/ingest/wrangler.toml", "--port", String(port), "--ip", "127.0.0.1", "--persist-to", rawState], { cwd: root, env, stdio: "ignore", detached: true });
    const rawBase = `http://127.0.0.1:${port}`;
    await waitFor(rawBase, 90_000);
    let serial = 0;
    const records = (count) =>
      Array.from({ length: count }, (_, i) => {
        const c = companies[(serial + i) % companies.length];
        const n = nonprofits[(serial * 7 + i * 13) % nonprofits.length];
        return { partnerIds: [c.id, n.id], regionCode: region, dateAgreed: `2026-0${1 + (i % 9)}-1${i % 10}`, status: "done", contributionTypes: ["time"], volunteers: 2, hours: 8, valueEur: 400, peopleReached: 20 };
      });
    const send = async (base, path, headers, total) => {
      const t0 = performance.now();
      for (let sent = 0; sent < total; sent += 5000) {
        const body = JSON.stringify({ records: records(Math.min(5000, total - sent)) });
        serial += 5000;
        const r = await fetch(base + path, { method: "POST", headers, body });
        if (r.status !== 200) throw new Error(`${path}: ${r.status} ${(await r.text()).slice(0, 300)}`);
        await r.arrayBuffer();
      }
      return total / ((performance.now() - t0) / 1000);
    };
    for (const total of [10_000, 100_000]) {
      const api = [];
      const ceiling = [];
      for (let i = 0; i < repeats; i++) {
        log(`api ingest: ${total} cooperations, run ${i + 1}`);
        ceiling.push(await send(rawBase, "/", { "content-type": "application/json" }, total));
        api.push(await send(app.base, "/api/v1/cooperations/bulk", auth, total));
      }
      result.ingest.push({ records: total, apiRowsPerS: median(api), rawRowsPerS: median(ceiling), share: ratio(median(api), median(ceiling)), runs: repeats });
    }
    if (only.has("dashboard") && existsSync(join(root, "bench", "dashboard", "index.mjs"))) {
      log("dashboard: JS bytes and time to first chart");
      const { benchDashboard } = await import("./dashboard/index.mjs");
      result.dashboard = await benchDashboard({ base: app.base, runs: 3, token: app.adminToken });
    }
  } finally {
    if (raw) {
      try {
        process.kill(-raw.pid, "SIGTERM");
      } catch {
        /* gone */
      }
    }
    await app.stop();
  }
  return result;
}

function printApi(section) {
  console.log(`\n## Read API through wrangler dev (loopback, region ${section.region} of the demo data, ${section.organisations} organisations)\n`);
  console.log(
    table(
      ["endpoint", "snapshot", "clients", "p50 ms", "p97.5/p95 ms", "p99 ms", "req/s", "errors"],
      section.read.map((r) => [r.endpoint, r.snapshot, r.connections, fmt(r.p50, 1), fmt(r.snapshot === "warm" ? r.p97_5 : r.p95, 1), fmt(r.p99, 1), fmt(r.rps, 1), r.errors]),
    ),
  );
  console.log("warm: autocannon, medians of the runs' percentiles (autocannon reports p97.5, not p95); cold: a write makes the snapshot stale, then all clients ask at once (percentiles over all runs' requests). Goal: metrics p99 < 50 ms with 50 clients, warm.");
  console.log("\n## Bulk ingest through wrangler dev (5 000 records per request)\n");
  console.log(
    table(
      ["cooperations", "bulk API rows/s", "raw D1 insert rows/s", "API ÷ raw"],
      section.ingest.map((r) => [r.records, fmt(r.apiRowsPerS, 0), fmt(r.rawRowsPerS, 0), r.share ? `${(r.share * 100).toFixed(0)} %` : "—"]),
    ),
  );
  console.log("raw: a Worker that only runs the INSERT … SELECT FROM json_each statements in one batch (no validation, references, audit). Goal: API ≥ 25 % of raw.");
  if (section.dashboard) {
    console.log("\n## Dashboard\n");
    console.log(table(["page", "JS gzip KB", "files", "first chart ms (median)"], section.dashboard.map((d) => [d.page, fmt(d.jsGzipBytes / 1024, 1), d.jsFiles, d.firstChartMs.median])));
  }
}

// ---------------------------------------------------------------------------------------------

out.machine = machine();
console.log(`Kooperationsatlas benchmarks — ${out.startedAt}`);
console.log(`machine: ${out.machine.cpu}, ${out.machine.cores} cores, ${out.machine.memoryGiB} GiB; ${out.machine.os}; Node ${out.machine.node}; Python ${out.machine.python}, networkx ${out.machine.networkx}, python-igraph ${out.machine.igraph}`);
try {
  if (only.has("graph")) printGraph((out.sections.graph = graphSection([2000, 10000, 50000])));
  if (only.has("national")) printNational((out.sections.national = nationalSection(Number(process.env.BENCH_NATIONAL_BUDGET_S ?? 240))));
  if (only.has("api") || only.has("dashboard")) printApi((out.sections.api = await apiSection({ readSeconds: 3, repeats: 3 })));
} finally {
  out.finishedAt = new Date().toISOString();
  out.seconds = (Date.now() - started) / 1000;
  const file = join(resultsDir, `${out.startedAt.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(out, null, 2));
  writeFileSync(join(resultsDir, "latest.json"), JSON.stringify(out, null, 2));
  console.log(`\nresults: bench/results/${file.split("/").pop()} (also latest.json); ${out.seconds.toFixed(0)} s in all`);
}
