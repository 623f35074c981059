// Bulk ingest: the same cooperation records through the application's bulk API and through the
// raw-insert Worker (raw-insert-worker.ts: nothing but the INSERT … SELECT FROM json_each
// statements in one D1 batch — the platform's ceiling), both under `wrangler dev` on loopback,
// 5 000 records per request, requests one after another. Rows/s = records ÷ wall time of all
// requests; the two are measured alternately in the same run and compared as a ratio of medians.
import { median } from "../lib/stats.mjs";
import { prepareState, removeState, startDev } from "../lib/server.mjs";

const PER_REQUEST = 5000;

/** Request bodies of `total` records between the given companies and non-profits (deterministic). */
function bodies(total, { region, companies, nonprofits }, offset) {
  const out = [];
  for (let sent = 0; sent < total; sent += PER_REQUEST) {
    const records = [];
    for (let i = sent; i < Math.min(total, sent + PER_REQUEST); i++) {
      const k = offset + i;
      records.push({
        partnerIds: [companies[k % companies.length].id, nonprofits[Math.floor(k / companies.length) % nonprofits.length].id],
        regionCode: region,
        dateAgreed: `2025-${String(1 + (k % 12)).padStart(2, "0")}-${String(1 + (k % 28)).padStart(2, "0")}`,
        status: "done",
        contributionTypes: ["time", "know_how"],
        volunteers: 1 + (k % 5),
        hours: 4 + (k % 40),
        valueEur: 100 * (k % 30),
        peopleReached: k % 200,
      });
    }
    out.push(JSON.stringify({ records }));
  }
  return out;
}

async function send(url, headers, payloads) {
  const started = performance.now();
  for (const body of payloads) {
    const r = await fetch(url, { method: "POST", headers, body });
    const text = await r.text();
    if (r.status !== 200) throw Object.assign(new Error(`${url}: ${r.status} ${text.slice(0, 300)}`), { restarted: r.status === 503 && /restarted mid-request/.test(text) });
  }
  return performance.now() - started;
}

/**
 * `app`: the running application ({ base, adminToken }); `data`: { region, companies, nonprofits }
 * of its database. Starts the raw-insert Worker on a fresh local D1 with the same demo data.
 */
export async function benchIngest({ app, data, totals = [10_000, 100_000], repeats = 5, log = () => undefined }) {
  const state = await prepareState({ config: "bench/ingest/wrangler.toml", log });
  let raw = null;
  try {
    raw = await startDev({ config: "bench/ingest/wrangler.toml", state, log });
    const appHeaders = { authorization: `Bearer ${app.adminToken}`, "content-type": "application/json" };
    const rawHeaders = { "content-type": "application/json" };
    // Warm-up: both Workers compiled and their D1 opened.
    const warm = bodies(PER_REQUEST, data, 0);
    await send(raw.base, rawHeaders, warm);
    await send(`${app.base}/api/v1/cooperations/bulk`, appHeaders, warm);
    const rows = [];
    const restarts = [];
    let offset = PER_REQUEST;
    for (const total of totals) {
      const api = [];
      const ceiling = [];
      for (let i = 0; i < repeats; i++) {
        log(`ingest: ${total} cooperations, run ${i + 1} of ${repeats}`);
        const payloads = bodies(total, data, offset);
        offset += total;
        // Alternate the order so that neither side always meets the other's freshly grown database.
        const order = i % 2 === 0 ? ["raw", "api"] : ["api", "raw"];
        for (const side of order) {
          const measure = async () => (side === "raw" ? send(raw.base, rawHeaders, payloads) : send(`${app.base}/api/v1/cooperations/bulk`, appHeaders, payloads));
          let ms;
          try {
            ms = await measure();
          } catch (e) {
            // wrangler dev replaced its runtime under a request (a local dev-server event, not the
            // Worker's answer): the run is repeated once, and counted.
            if (!e.restarted) throw e;
            log(`ingest: ${side} run ${i + 1} repeated: ${e.message.split("\n")[0]}`);
            restarts.push({ side, total, run: i + 1 });
            ms = await measure();
          }
          (side === "raw" ? ceiling : api).push(total / (ms / 1000));
        }
      }
      const apiRowsPerS = median(api);
      const rawRowsPerS = median(ceiling);
      rows.push({ records: total, perRequest: PER_REQUEST, apiRowsPerS, rawRowsPerS, share: apiRowsPerS / rawRowsPerS, runs: repeats, api, raw: ceiling, repeated: restarts.filter((r) => r.total === total).length });
    }
    return rows;
  } finally {
    await raw?.stop();
    removeState(state);
  }
}
