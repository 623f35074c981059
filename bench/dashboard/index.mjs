// Dashboard budgets: JavaScript shipped to each page (gzip bytes of every script the page loads,
// lazy chunks included), the map data, and the time to the first chart on the demo data
// (performance mark "ka:first-chart", median of several loads; reported, not asserted), and the
// network view's frame times at 2 000 organisations (network-view.mjs).
//
//   node bench/dashboard/index.mjs            starts its own Worker with the demo data
//   BASE_URL=http://127.0.0.1:8787 node bench/dashboard/index.mjs   measures a running one
//
// `benchDashboard({ base, runs })` returns the figures for the benchmark suite.
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, root, startWorker } from "../../test/e2e/lib/server.mjs";

const PAGES = [
  { name: "overview", path: "/" },
  { name: "region", path: "/regions/05113" },
  { name: "embed-map", path: "/embed/map" },
  { name: "embed-trend", path: "/embed/trend?region=05113" },
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};

/** Measures the pages of a running Worker at `base`. */
export async function benchDashboard({ base, runs = 5, token = null } = {}) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const results = [];
  try {
    for (const p of PAGES) {
      const times = [];
      let js = null;
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        if (token) await context.addInitScript((t) => localStorage.setItem("ka.token", t), token);
        const page = await context.newPage();
        const scripts = new Set();
        let geoBytes = 0;
        page.on("response", async (r) => {
          const url = new URL(r.url());
          if (url.pathname.endsWith(".js")) scripts.add(url.pathname);
          // The body may still be on its way when the run closes the page: then it was not needed.
          if (url.pathname.endsWith(".topo.json")) geoBytes = await r.body().then((b) => gzipSync(b).length, () => geoBytes);
        });
        await page.goto(base + p.path, { waitUntil: "load" });
        const firstChart = await page
          .waitForFunction(() => performance.getEntriesByName("ka:first-chart")[0]?.startTime, null, { timeout: 60_000, polling: 20 })
          .then((h) => h.jsonValue());
        await page.waitForLoadState("networkidle");
        times.push(firstChart);
        if (i === 0) {
          const files = [...scripts].map((s) => join(root, "dist/dashboard", s));
          const bytes = files.filter(existsSync).map((f) => gzipSync(readFileSync(f)).length);
          js = { files: files.length, gzipBytes: bytes.reduce((a, b) => a + b, 0), geoGzipBytes: geoBytes };
        }
        await context.close();
      }
      results.push({ page: p.name, path: p.path, jsGzipBytes: js.gzipBytes, jsFiles: js.files, mapDataGzipBytes: js.geoGzipBytes, firstChartMs: { median: Math.round(median(times)), min: Math.round(Math.min(...times)), max: Math.round(Math.max(...times)), runs } });
    }
  } finally {
    await browser.close();
  }
  return results;
}

export function printResults(results) {
  for (const r of results) {
    console.log(
      `dashboard ${r.page.padEnd(12)} JS ${(r.jsGzipBytes / 1024).toFixed(1).padStart(6)} KB gzip in ${r.jsFiles} files` +
        (r.mapDataGzipBytes ? `, map data ${(r.mapDataGzipBytes / 1024).toFixed(1)} KB gzip` : "") +
        `; first chart ${r.firstChartMs.median} ms (median of ${r.firstChartMs.runs}, ${r.firstChartMs.min}–${r.firstChartMs.max})`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  let server = null;
  try {
    let base = process.env.BASE_URL;
    if (!base) {
      server = await startWorker({ log: (m) => console.log(`bench: ${m}`) });
      base = server.base;
      // Compute the snapshots once, as a running installation has them.
      await fetch(`${base}/api/v1/metrics`).then((r) => r.text());
    }
    const results = await benchDashboard({ base, runs: Number(process.env.RUNS ?? 5) });
    printResults(results);
    console.log(JSON.stringify({ benchmark: "dashboard", results }));
    const { benchNetworkView, printNetworkView } = await import("./network-view.mjs");
    const networkView = await benchNetworkView({ base, token: server?.adminToken ?? process.env.TOKEN });
    printNetworkView(networkView);
    console.log(JSON.stringify({ benchmark: "dashboard-network-view", result: networkView }));
  } finally {
    await server?.stop();
  }
}
