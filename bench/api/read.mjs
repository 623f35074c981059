// Read API: latency percentiles and requests/s of the region endpoints on a running server
// with 1, 10 and 50 concurrent clients (closed loop: each client sends its next request when the
// previous one is answered), on a warm snapshot (current, served from D1) and on a cold one (a
// write has just made it stale, so the first reader recomputes it).
//
// Also measured, for scale: a floor endpoint (authentication only, no D1) the same way, and the
// region metrics over 50 connections at a quarter and at half the rate they reached unpaced,
// requests evenly spaced (open loop, as many independent users would send them).
import http from "node:http";
import { median, percentile } from "../lib/stats.mjs";

/** A cold request not answered within this time counts as an error. */
const COLD_TIMEOUT_MS = 60_000;

/**
 * One autocannon run of `seconds` (closed loop): every response's latency (ms, autocannon's
 * hrtime), requests/s. The first response of each connection is left out: it carries opening
 * the connection, which 50 clients all do in the same instant (a burst of 50 slow requests is
 * exactly the slowest 1 % of a short run); browsers and Cloudflare's edge keep connections open.
 */
async function autocannonRun({ url, headers, connections, seconds, status: expected = 200 }) {
  const { default: autocannon } = await import("autocannon");
  const latencies = [];
  const opened = new Set();
  let errors = 0;
  const instance = autocannon({ url, headers, connections, duration: seconds, timeout: 30 }, () => undefined);
  instance.on("response", (client, status, _bytes, ms) => {
    if (status !== expected) errors++;
    if (!opened.has(client)) opened.add(client);
    else latencies.push(ms);
  });
  const result = await new Promise((resolve, reject) => {
    instance.once("done", resolve);
    instance.once("error", reject);
  });
  errors += result.errors + result.timeouts;
  return { latencies, errors, rps: result.requests.total / result.duration };
}

export const summarise = (latencies) => ({
  requests: latencies.length,
  p50: percentile(latencies, 50),
  p95: percentile(latencies, 95),
  p99: percentile(latencies, 99),
  max: percentile(latencies, 100),
});

/**
 * Open loop: requests sent at evenly spaced times (`rate` per second in all) over `connections`
 * kept-alive connections; a request's latency counts from its scheduled time, so time spent
 * waiting for a free connection is included (no coordinated omission). autocannon's own rate
 * limit sends each second's requests in a burst at the start of the second, which is not this.
 */
async function pacedRun({ url, headers, connections, seconds, rate }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  // The connections are opened before the clock starts (see autocannonRun).
  await Promise.all(
    Array.from({ length: connections }, () => new Promise((resolve) => http.get(url, { agent, headers }, (r) => r.resume().on("end", resolve)).on("error", resolve))),
  );
  const total = Math.max(1, Math.round(rate * seconds));
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  const pending = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      new Promise((resolve) => {
        const request = http.get(url, { agent, headers }, (response) => {
          response.resume();
          response.on("end", () => {
            if (response.statusCode !== 200) errors++;
            latencies.push(performance.now() - due);
            resolve();
          });
        });
        request.setTimeout(30_000, () => request.destroy(new Error("timeout")));
        request.on("error", () => {
          errors++;
          latencies.push(performance.now() - due);
          resolve();
        });
      }),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  return { latencies, errors, rps: total / ((performance.now() - started) / 1000) };
}

/**
 * `repeats` runs; percentiles per run, the median of the runs quoted. `rate`: open loop at that rate.
 * `status`: the answer every request should get (200; 304 for a revalidation).
 */
export async function warmRows({ url, headers, connections, seconds, repeats, rate, status }) {
  // At a paced rate, one unmeasured run first: the measured ones show the steady state at that
  // rate, not the server catching up (garbage collection) after the saturated rows before them.
  if (rate) await pacedRun({ url, headers, connections, seconds, rate });
  const runs = [];
  for (let i = 0; i < repeats; i++) {
    const run = rate ? await pacedRun({ url, headers, connections, seconds, rate }) : await autocannonRun({ url, headers, connections, seconds, status });
    runs.push({ ...summarise(run.latencies), rps: run.rps, errors: run.errors });
  }
  const pick = (key) => median(runs.map((r) => r[key]));
  return {
    p50: pick("p50"),
    p95: pick("p95"),
    p99: pick("p99"),
    rps: pick("rps"),
    requests: runs.reduce((s, r) => s + r.requests, 0),
    errors: runs.reduce((s, r) => s + r.errors, 0),
    runs,
  };
}

/**
 * `endpoints`: [{ name, path, cold }]. `restart()` starts the server afresh (same database) and
 * returns its base URL: each endpoint meets a fresh `wrangler dev`, whose own processes grow with
 * every request served. `invalidate()` writes in the region (makes its snapshots stale).
 */
export async function benchReads({ restart, headers, endpoints, invalidate, connectionsList = [1, 10, 50], seconds = 3, repeats = 3, coldRepeats = 5, log = () => undefined }) {
  const rows = [];
  for (const endpoint of endpoints) {
    try {
      await benchEndpoint({ ...endpoint, rows, restart, headers, invalidate, connectionsList, seconds, repeats, coldRepeats, log });
    } catch (e) {
      // One endpoint's failure (e.g. the dev server gone) is reported; the next meets a new server.
      log(`read API: ${endpoint.name}: ${e.message.split("\n")[0]}`);
      rows.push({ endpoint: endpoint.name, path: endpoint.path, error: e.message.split("\n")[0] });
    }
  }
  return rows;
}

async function benchEndpoint({ name, path, cold, paced, rows, restart, headers, invalidate, connectionsList, seconds, repeats, coldRepeats, log }) {
  const base = await restart();
  const url = base + path;
  const first = await fetch(url, { headers });
  await first.arrayBuffer();
  if (first.status !== 200) throw new Error(`${path}: ${first.status}`);
  for (const connections of connectionsList) {
    log(`read API: ${name}, ${connections} client(s)${cold ? ", warm snapshot" : ""}`);
    // A few requests of warm-up after the cold bursts of the previous row.
    await autocannonRun({ url, headers, connections, seconds: 0.5 });
    rows.push({ endpoint: name, path, snapshot: cold ? "warm" : "—", connections, ...(await warmRows({ url, headers, connections, seconds, repeats })) });
    if (!cold) continue;

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
          try {
            const r = await fetch(url, { headers, signal: AbortSignal.timeout(COLD_TIMEOUT_MS) });
            await r.arrayBuffer();
            if (r.status !== 200) errors++;
          } catch {
            errors++; // counted with the time waited
          }
          return performance.now() - s;
        }),
      );
      wall += performance.now() - started;
      latencies.push(...times);
    }
    rows.push({ endpoint: name, path, snapshot: "cold", connections, ...summarise(latencies), rps: latencies.length / (wall / 1000), errors, bursts: coldRepeats });
  }
  // Open loop: 50 connections carrying evenly spaced requests at fractions of the rate the same
  // clients reached unpaced (`paced`, e.g. [0.25, 0.5]).
  for (const fraction of paced ?? []) {
    const connections = connectionsList[connectionsList.length - 1];
    const saturated = rows.find((r) => r.endpoint === name && r.snapshot === "warm" && r.connections === connections && !r.pacedAt);
    const rate = Math.max(1, Math.round(saturated.rps * fraction));
    log(`read API: ${name}, ${connections} clients paced at ${rate} requests/s, warm snapshot`);
    rows.push({ endpoint: name, path, snapshot: "warm", connections, pacedAt: rate, ...(await warmRows({ url, headers, connections, seconds, repeats, rate })) });
  }
}
