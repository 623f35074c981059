// Read API: latency percentiles and requests/s of the region endpoints through `wrangler dev`,
// with 1, 10 and 50 concurrent clients, on a warm snapshot (current; served from D1) and on a
// cold one (a write has just made it stale, so the first request(s) recompute it).
import { percentile } from "../lib/stats.mjs";

/** One autocannon run of `seconds`; every response's latency (ms, from autocannon's hrtime). */
async function autocannonRun({ url, headers, connections, seconds }) {
  const { default: autocannon } = await import("autocannon");
  const latencies = [];
  let errors = 0;
  const instance = autocannon({ url, headers, connections, duration: seconds, timeout: 60 }, () => undefined);
  instance.on("response", (_client, status, _bytes, ms) => {
    if (status !== 200) errors++;
    latencies.push(ms);
  });
  const result = await new Promise((resolve, reject) => {
    instance.once("done", resolve);
    instance.once("error", reject);
  });
  errors += result.errors + result.timeouts;
  return { latencies, errors, rps: result.requests.total / result.duration, seconds: result.duration };
}

const summarise = (latencies) => ({
  requests: latencies.length,
  p50: percentile(latencies, 50),
  p95: percentile(latencies, 95),
  p99: percentile(latencies, 99),
  max: percentile(latencies, 100),
});

/**
 * Warm: `repeats` autocannon runs of `seconds` each; percentiles per run, the median run's figures
 * quoted. Cold: `coldRepeats` times, a write in the region, then `connections` clients ask at once;
 * percentiles over all those requests.
 */
export async function benchReads({ base, headers, endpoints, invalidate, connectionsList = [1, 10, 50], seconds = 3, repeats = 3, coldRepeats = 5, log = () => undefined }) {
  const { median } = await import("../lib/stats.mjs");
  const rows = [];
  for (const [name, path] of endpoints) {
    const url = base + path;
    await fetch(url, { headers }).then((r) => r.arrayBuffer()); // the snapshot is current from here on
    for (const connections of connectionsList) {
      log(`read API: ${name}, ${connections} client(s), warm snapshot`);
      const runs = [];
      for (let i = 0; i < repeats; i++) {
        const run = await autocannonRun({ url, headers, connections, seconds });
        runs.push({ ...summarise(run.latencies), rps: run.rps, errors: run.errors });
      }
      const pick = (key) => median(runs.map((r) => r[key]));
      rows.push({
        endpoint: name,
        path,
        snapshot: "warm",
        connections,
        p50: pick("p50"),
        p95: pick("p95"),
        p99: pick("p99"),
        rps: pick("rps"),
        requests: runs.reduce((s, r) => s + r.requests, 0),
        errors: runs.reduce((s, r) => s + r.errors, 0),
        runs: runs.map((r) => ({ p50: r.p50, p95: r.p95, p99: r.p99, max: r.max, rps: r.rps, requests: r.requests, errors: r.errors })),
      });

      log(`read API: ${name}, ${connections} client(s), cold snapshot`);
      const latencies = [];
      let wall = 0;
      let errors = 0;
      for (let i = 0; i < coldRepeats; i++) {
        await invalidate();
        const started = performance.now();
        const times = await Promise.all(
          Array.from({ length: connections }, async () => {
            const s = performance.now();
            const r = await fetch(url, { headers });
            await r.arrayBuffer();
            if (r.status !== 200) errors++;
            return performance.now() - s;
          }),
        );
        wall += performance.now() - started;
        latencies.push(...times);
      }
      rows.push({ endpoint: name, path, snapshot: "cold", connections, ...summarise(latencies), rps: latencies.length / (wall / 1000), errors, bursts: coldRepeats });
    }
  }
  return rows;
}
