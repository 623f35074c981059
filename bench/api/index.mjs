// The application with the demo data (fresh local D1): read API latencies (on workerd as deployed,
// and through `wrangler dev`),
// the dashboard's figures (bench/dashboard, if present) and bulk ingest, in that order — ingest
// last, as it grows the database.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { benchIngest } from "../ingest/ingest.mjs";
import { prepareState, removeState, root, run, startDev, startWorkerd } from "../lib/server.mjs";
import { benchReads } from "./read.mjs";

/** All organisations of a region, through the API. */
async function organisationsOf(base, headers, region) {
  const out = [];
  for (let cursor = null, first = true; first || cursor; first = false) {
    const r = await fetch(`${base}/api/v1/organisations?limit=200&region=${region}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { headers });
    if (r.status !== 200) throw new Error(`organisations: ${r.status} ${(await r.text()).slice(0, 300)}`);
    const page = await r.json();
    out.push(...page.data);
    cursor = page.nextCursor;
  }
  return out;
}

/** The server's last lines, without the queue consumer's one-line reports that would drown them. */
const serverTail = (app) =>
  app
    .log()
    .split("\n")
    .filter((line) => !/QUEUE kooperationsatlas-recompute|^recompute .*: (superseded|current|recomputed|waiting) in/.test(line))
    .slice(-40)
    .join("\n");

export async function apiSection({ sections, readSeconds = 2, readRepeats = 3, coldRepeats = 5, connectionsList = [1, 10, 50], ingestRepeats = 5, ingestTotals = [10_000, 100_000], dashboardRuns = 3, networkViewNodes = 2000, log = () => undefined }) {
  log("api: building the dashboard assets");
  await run("node", ["scripts/build-dashboard.mjs"]);
  const state = await prepareState({ log });
  let app = null;
  const result = {};
  try {
    app = await startDev({ state, log });
    const adminToken = app.adminToken;
    const headers = { authorization: `Bearer ${adminToken}` };
    // The district with most organisations, from the overview's region figures.
    const overview = await fetch(`${app.base}/api/v1/metrics?kind=district`, { headers }).then((r) => r.json());
    const largest = [...overview.regions].sort((a, b) => b.organisations - a.organisations)[0];
    const region = largest.code;
    const organisations = await organisationsOf(app.base, headers, region);
    const companies = organisations.filter((o) => o.kind === "company");
    const nonprofits = organisations.filter((o) => o.kind === "nonprofit");
    const totalOrganisations = overview.national?.organisations?.total ?? null;
    Object.assign(result, { region, regionName: largest.name, regionOrganisations: organisations.length, organisations: totalOrganisations });

    if (sections.has("api")) {
      let touch = 0;
      // A write in the region bumps its revision: the next read finds the snapshot stale.
      const invalidate = async () => {
        const k = touch++;
        const res = await fetch(`${app.base}/api/v1/cooperations`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify({ partnerIds: [companies[k % companies.length].id, nonprofits[k % nonprofits.length].id], regionCode: region, dateAgreed: "2026-06-01", status: "agreed" }),
        });
        if (res.status !== 201) throw new Error(`invalidate: ${res.status} ${await res.text()}`);
      };
      // Each endpoint meets a freshly started server (on the same database).
      const restartWith = (start) => async () => {
        await app.stop();
        app = null;
        app = await start({ state, adminToken, log });
        return app.base;
      };
      // The production request path: workerd with the bundled Worker, no dev proxy in front.
      result.read = await benchReads({
        restart: restartWith(startWorkerd),
        headers,
        endpoints: [
          { name: "floor: /api/v1/me", path: "/api/v1/me", cold: false },
          { name: "metrics", path: `/api/v1/regions/${region}/metrics`, cold: true, paced: [0.25, 0.5] },
          // The network endpoint has a section of its own (bench/network).
          // The first page, as the region page of the dashboard asks for it.
          { name: "isolated", path: `/api/v1/regions/${region}/isolated?limit=25`, cold: true },
        ],
        invalidate,
        seconds: readSeconds,
        repeats: readRepeats,
        coldRepeats,
        connectionsList,
        log,
      });
      /** One endpoint, warm, on workerd with a setting that turns one of the Worker's savings off. */
      const without = (name, path, vars) =>
        benchReads({ restart: restartWith((o) => startWorkerd({ ...o, vars })), headers, endpoints: [{ name, path, cold: false }], invalidate, seconds: readSeconds, repeats: readRepeats, coldRepeats, connectionsList, log });
      // What the reuse of just-read figures saves: every read asks D1.
      result.readNoReuse = await without("metrics, reuse off", `/api/v1/regions/${region}/metrics`, { SNAPSHOT_REUSE_MS: "0" });
      // The developer's server: wrangler dev puts a proxy (a second workerd) in front of the Worker.
      result.readDev = await benchReads({
        restart: restartWith(startDev),
        headers,
        endpoints: [
          { name: "floor: /api/v1/me", path: "/api/v1/me", cold: false },
          { name: "metrics", path: `/api/v1/regions/${region}/metrics`, cold: false },
        ],
        invalidate,
        seconds: readSeconds,
        repeats: readRepeats,
        coldRepeats,
        connectionsList,
        log,
      });
      // The rest meets a fresh server too.
      await restartWith(startDev)();
    }

    if (sections.has("dashboard")) {
      const module = join(root, "bench", "dashboard", "index.mjs");
      if (!existsSync(module)) result.dashboard = { skipped: "bench/dashboard/ not present" };
      else {
        try {
          log("dashboard: JavaScript bytes and time to first chart");
          // Current snapshots everywhere, as in a running installation.
          await fetch(`${app.base}/api/v1/metrics`, { headers }).then((r) => r.arrayBuffer());
          const { benchDashboard } = await import(module);
          result.dashboard = await benchDashboard({ base: app.base, runs: dashboardRuns, token: app.adminToken });
          log(`dashboard: network view frame times at ${networkViewNodes} organisations`);
          const { benchNetworkView } = await import(join(root, "bench", "dashboard", "network-view.mjs"));
          result.networkView = await benchNetworkView({ base: app.base, token: app.adminToken, nodes: networkViewNodes });
        } catch (e) {
          log(`dashboard: ${e.message}`);
          result.dashboard = { skipped: String(e.message).split("\n")[0] };
        }
      }
    }

    if (sections.has("ingest")) {
      try {
        result.ingest = await benchIngest({ app, data: { region, companies, nonprofits }, totals: ingestTotals, repeats: ingestRepeats, log });
      } catch (e) {
        // The read API's and the dashboard's figures stand; ingest's failure is reported with them.
        result.ingestError = `${e.message}\n--- wrangler dev (last lines) ---\n${serverTail(app)}`;
        log(`ingest: ${e.message.split("\n")[0]}`);
      }
    }
  } catch (e) {
    // The server's last words belong with the error.
    if (app) e.message += `\n--- wrangler dev (last lines) ---\n${serverTail(app)}`;
    throw e;
  } finally {
    await app?.stop();
    removeState(state);
  }
  return result;
}
