// Network throughput: the region network endpoint against the floor endpoint (authentication
// only, no D1) on the same workerd server in the same run, at 1, 10 and 50 saturating clients;
// then, at the largest client count, a revalidation (If-None-Match → 304), the GEXF format, and
// the endpoint with its cache turned off (NETWORK_CACHE=off: shaped and serialised per request,
// as before the Cache API). Every figure is compared with the floor of this run only.
import { prepareState, removeState, run, startWorkerd } from "../lib/server.mjs";
import { summarise, warmRows } from "../api/read.mjs";

/** Asks until the network cache answers the request (the body is stored after the first answer). */
async function untilCached(url, headers) {
  for (let i = 0; i < 200; i++) {
    const r = await fetch(url, { headers });
    const body = await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${new TextDecoder().decode(body).slice(0, 300)}`);
    if (r.headers.get("X-Network-Cache") === "hit") return { etag: r.headers.get("ETag"), bytes: body.byteLength };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url}: never answered from the network cache`);
}

/**
 * Cold: a write in the region makes its snapshot stale, then `connections` clients ask at once
 * (`bursts` times); every request's latency from the burst's start. They share one recomputation
 * and one shaping of the body per isolate.
 */
async function coldBursts({ url, headers, connections, bursts, invalidate }) {
  const latencies = [];
  let wall = 0;
  let errors = 0;
  for (let i = 0; i < bursts; i++) {
    await invalidate();
    const started = performance.now();
    const times = await Promise.all(
      Array.from({ length: connections }, async () => {
        const r = await fetch(url, { headers, signal: AbortSignal.timeout(60_000) }).catch(() => null);
        if (!r || r.status !== 200) errors++;
        await r?.arrayBuffer().catch(() => undefined);
        return performance.now() - started;
      }),
    );
    wall += performance.now() - started;
    latencies.push(...times);
  }
  return { ...summarise(latencies), rps: latencies.length / (wall / 1000), requests: latencies.length, errors, bursts };
}

export async function networkSection({ seconds = 2, repeats = 3, connectionsList = [1, 10, 50], coldRepeats = 5, log = () => undefined }) {
  // wrangler's dry-run bundle wants the assets folder to exist.
  await run("node", ["scripts/build-dashboard.mjs"]);
  const state = await prepareState({ log });
  let app = null;
  try {
    app = await startWorkerd({ state, adminToken: "ka_bench_network_" + Math.random().toString(16).slice(2), log });
    const headers = { authorization: `Bearer ${app.adminToken}` };
    const overview = await fetch(`${app.base}/api/v1/metrics?kind=district`, { headers }).then((r) => r.json());
    const largest = [...overview.regions].sort((a, b) => b.organisations - a.organisations)[0];
    const path = `/api/v1/regions/${largest.code}/network`;
    const result = { region: largest.code, regionName: largest.name, regionOrganisations: largest.organisations, rows: [] };

    const json = await untilCached(app.base + path, headers);
    const gexf = await untilCached(`${app.base}${path}?format=gexf`, headers);
    Object.assign(result, { jsonBytes: json.bytes, gexfBytes: gexf.bytes });
    let server; // undefined: the server with the cache; "cache off" later
    const measure = async (name, url, connections, extra = {}, status = 200, runSeconds = seconds) => {
      log(`network: ${name}${server ? ` (${server})` : ""}, ${connections} client(s)`);
      const h = { ...headers, ...extra };
      await warmRows({ url, headers: h, connections, seconds: Math.min(0.5, seconds), repeats: 1, status }); // warm-up
      result.rows.push({ endpoint: server ? `${name}, ${server}` : name, server, connections, ...(await warmRows({ url, headers: h, connections, seconds: runSeconds, repeats, status })) });
    };
    for (const connections of connectionsList) {
      await measure("floor: /api/v1/me", `${app.base}/api/v1/me`, connections);
      await measure("network (json)", app.base + path, connections);
    }
    const most = connectionsList[connectionsList.length - 1];
    await measure("network, If-None-Match (304)", app.base + path, most, { "If-None-Match": json.etag }, 304);
    await measure("network (gexf)", `${app.base}${path}?format=gexf`, most);
    // A write between organisations of the region: its snapshot and every cached body of it are stale.
    const members = await fetch(`${app.base}/api/v1/organisations?limit=200&region=${largest.code}`, { headers }).then((r) => r.json());
    const company = members.data.find((o) => o.kind === "company");
    const nonprofit = members.data.find((o) => o.kind === "nonprofit");
    const invalidate = async () => {
      const res = await fetch(`${app.base}/api/v1/cooperations`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({ partnerIds: [company.id, nonprofit.id], dateAgreed: "2026-06-01", status: "agreed" }),
      });
      if (res.status !== 201) throw new Error(`invalidate: ${res.status} ${await res.text()}`);
    };
    log(`network: network (json) after a write, ${most} clients at once`);
    result.rows.push({ endpoint: "network (json) right after a write", cold: true, connections: most, ...(await coldBursts({ url: app.base + path, headers, connections: most, bursts: coldRepeats, invalidate })) });
    // Before the cache: the same build on the same database, shaping every request.
    await app.stop();
    app = null;
    app = await startWorkerd({ state, adminToken: headers.authorization.slice(7), vars: { NETWORK_CACHE: "off" }, log });
    await fetch(app.base + path, { headers }).then((r) => r.arrayBuffer());
    server = "cache off";
    await measure("floor: /api/v1/me", `${app.base}/api/v1/me`, most);
    // Shaping takes long enough that 50 clients finish only a few hundred requests in a short run.
    await measure("network (json)", app.base + path, most, {}, 200, seconds * 2);
    return result;
  } finally {
    await app?.stop();
    removeState(state);
  }
}
