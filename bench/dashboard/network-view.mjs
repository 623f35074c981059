// Frame times of the region page's network view with a large network (2 000 organisations by
// default): the page's network request is answered with a generated network of that size in the
// API's shape (communities laid out as clusters, heavy-tailed degrees, metrics computed here), then
// the benchmark pans (mouse drag), zooms (wheel) and focuses nodes (clicks and the keyboard list)
// while the page records every animation frame's timestamp. Reported per phase: median and 95th
// percentile of the time between frames (what a viewer sees; 16.7 ms = 60 frames per second) and
// of the view's own drawing time per frame (`data-draw-ms`).
//
//   node bench/dashboard/network-view.mjs           starts its own Worker with the demo data
//   BASE_URL=… TOKEN=… node bench/dashboard/network-view.mjs
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, startWorker } from "../../test/e2e/lib/server.mjs";

const REGION = "05113";

/** A seeded random generator (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A network response of `n` organisations in the shape of GET /regions/{code}/network. */
export function syntheticNetwork(n = 2000, seed = 7) {
  const r = rng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(r() || 1e-9)) * Math.cos(2 * Math.PI * r());
  const communities = Math.max(2, Math.round(n / 100));
  const centres = Array.from({ length: communities }, (_, c) => {
    const a = (2 * Math.PI * c) / communities;
    const d = 30 + 50 * r();
    return { x: Math.cos(a) * d, y: Math.sin(a) * d };
  });
  const kinds = ["company", "nonprofit", "nonprofit", "company", "public", "nonprofit", "intermediary", "company", "nonprofit", "public"];
  const syllables = ["Müller", "Schäfer", "Öko", "Straßen", "Bürger", "Kinder", "Jugend", "Werk", "Haus", "Hilfe", "Bau", "Tafel", "Sport", "Kultur", "Grün", "Nord", "Süd", "Rhein", "Ruhr"];
  const nodes = [];
  const community = [];
  for (let i = 0; i < n; i++) {
    const c = Math.floor(r() * communities);
    community.push(c);
    const kind = kinds[Math.floor(r() * kinds.length)];
    const name = `${syllables[Math.floor(r() * syllables.length)]}${syllables[Math.floor(r() * syllables.length)].toLowerCase()} ${kind === "company" ? "GmbH" : "e.V."} ${i + 1}`;
    nodes.push({ id: 100_000 + i, organisationId: 100_000 + i, name, kind, regionCode: REGION, isPublic: true, inScope: true, x: centres[c].x + gauss() * 7, y: centres[c].y + gauss() * 7, community: c });
  }
  // Ties: each node links to 1–4 others, mostly in its own community, preferring popular ones.
  const popularity = nodes.map(() => Math.pow(r(), 3));
  const byCommunity = centres.map(() => []);
  nodes.forEach((_, i) => byCommunity[community[i]].push(i));
  const seen = new Set();
  const edges = [];
  const adjacency = nodes.map(() => []);
  for (let i = 0; i < n; i++) {
    const k = 1 + Math.floor(r() * 4);
    for (let e = 0; e < k; e++) {
      const pool = r() < 0.85 ? byCommunity[community[i]] : byCommunity[Math.floor(r() * communities)];
      let j = pool[Math.floor(r() * pool.length)];
      for (let tries = 0; tries < 3; tries++) {
        const cand = pool[Math.floor(r() * pool.length)];
        if (popularity[cand] > popularity[j]) j = cand;
      }
      const key = i < j ? `${i}-${j}` : `${j}-${i}`;
      if (j === i || seen.has(key)) continue;
      seen.add(key);
      adjacency[i].push(j);
      adjacency[j].push(i);
      edges.push({ source: nodes[i].id, target: nodes[j].id, weight: 1 + Math.floor(r() * 3), hours: 10, valueEur: 100, firstDate: "2025-03-01", lastDate: "2026-06-01" });
    }
  }
  // Metrics: degree and two-step reach exactly, PageRank by power iteration, betweenness from 64 sampled sources.
  const pagerank = new Float64Array(n).fill(1 / n);
  for (let it = 0; it < 40; it++) {
    const next = new Float64Array(n).fill(0.15 / n);
    for (let i = 0; i < n; i++) for (const j of adjacency[i]) next[j] += (0.85 * pagerank[i]) / adjacency[i].length;
    pagerank.set(next);
  }
  const betweenness = new Float64Array(n);
  const sources = 64;
  for (let s0 = 0; s0 < sources; s0++) {
    const s = Math.floor(r() * n);
    const stack = [];
    const pred = nodes.map(() => []);
    const sigma = new Float64Array(n);
    const dist = new Int32Array(n).fill(-1);
    sigma[s] = 1;
    dist[s] = 0;
    const queue = [s];
    for (let q = 0; q < queue.length; q++) {
      const v = queue[q];
      stack.push(v);
      for (const w of adjacency[v]) {
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          queue.push(w);
        }
        if (dist[w] === dist[v] + 1) {
          sigma[w] += sigma[v];
          pred[w].push(v);
        }
      }
    }
    const delta = new Float64Array(n);
    while (stack.length) {
      const w = stack.pop();
      for (const v of pred[w]) delta[v] += (sigma[v] / sigma[w]) * (1 + delta[w]);
      if (w !== s) betweenness[w] += delta[w];
    }
  }
  const norm = n > 2 ? (n / sources) / ((n - 1) * (n - 2)) : 0;
  nodes.forEach((node, i) => {
    const two = new Set(adjacency[i]);
    for (const j of adjacency[i]) for (const k of adjacency[j]) if (k !== i) two.add(k);
    const degree = new Set(adjacency[i]).size;
    Object.assign(node, {
      degree,
      strength: degree,
      twoStepReach: two.size,
      pagerank: pagerank[i],
      betweenness: betweenness[i] * norm,
      status: degree === 0 ? "isolated" : degree === 1 ? "peripheral" : "connected",
    });
  });
  return {
    region: REGION,
    revision: 1,
    computedAt: new Date().toISOString(),
    stale: false,
    window: { from: "2024-12-01", to: "2026-11-30" },
    metrics: { nodes: n, edges: edges.length },
    nodes,
    edges,
  };
}

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))] : null;
};
const stats = (xs) => ({ median: percentile(xs, 0.5), p95: percentile(xs, 0.95), frames: xs.length });

/** Opens the region page with a generated network of `nodes` organisations and measures frames. */
export async function benchNetworkView({ base, token, nodes = 2000 }) {
  const network = syntheticNetwork(nodes);
  const body = JSON.stringify(network);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "de-DE" });
    await context.addInitScript((t) => localStorage.setItem("ka.token", t), token);
    const page = await context.newPage();
    await page.route(`**/api/v1/regions/${REGION}/network*`, (route) => route.fulfill({ status: 200, contentType: "application/json", body }));
    await page.goto(`${base}/regions/${REGION}`, { waitUntil: "networkidle" });
    const view = page.locator(".netview");
    await view.waitFor({ timeout: 60_000 });
    const drawn = Number(await view.getAttribute("data-shown"));
    const edges = network.edges.length;
    const canvas = page.locator(".nv-canvas");
    await canvas.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    const box = await canvas.boundingBox();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;

    const record = () =>
      page.evaluate(() => {
        const root = document.querySelector(".netview");
        const rec = { frames: [], draws: [], last: root.dataset.draws, running: true };
        window.__kaFrames = rec;
        const tick = (ts) => {
          if (!rec.running) return;
          rec.frames.push(ts);
          // A new drawing since the last frame: its time counts.
          const d = root.dataset.draws;
          if (d !== rec.last) rec.draws.push(Number(root.dataset.drawMs));
          rec.last = d;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    const stop = () =>
      page.evaluate(() => {
        const rec = window.__kaFrames;
        rec.running = false;
        const gaps = rec.frames.slice(1).map((t, i) => t - rec.frames[i]);
        return { gaps, draws: rec.draws };
      });

    const phases = {};
    // Pan: drag across the drawing and back.
    await record();
    for (let round = 0; round < 3; round++) {
      await page.mouse.move(cx - 150, cy);
      await page.mouse.down();
      await page.mouse.move(cx + 150, cy + 60, { steps: 40 });
      await page.mouse.move(cx - 150, cy, { steps: 40 });
      await page.mouse.up();
    }
    phases.pan = await stop();
    // Zoom: wheel in and out about different points.
    await record();
    for (let i = 0; i < 60; i++) {
      await page.mouse.move(cx + ((i * 37) % 200) - 100, cy + ((i * 53) % 160) - 80);
      await page.mouse.wheel(0, i % 20 < 10 ? -120 : 120);
    }
    phases.zoom = await stop();
    await page.getByRole("button", { name: /Ganzes Netzwerk|whole network/ }).click();
    // Focus: click 15 nodes by their position, then walk the keyboard list and focus with Enter.
    await record();
    const ids = network.nodes.filter((_, i) => i % 131 === 0).map((n) => n.id).slice(0, 15);
    for (const id of ids) {
      const p = await view.evaluate((e, id) => e.networkView.positionOf(id), id);
      if (p && p.x > 0 && p.y > 0 && p.x < box.width && p.y < box.height) await canvas.click({ position: p });
    }
    await page.locator(".nv-list").focus();
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
    }
    phases.focus = await stop();
    const focused = await view.getAttribute("data-focus");
    await context.close();
    const out = { nodes: network.nodes.length, drawnNodes: drawn, edges, focused: focused !== "", phases: {} };
    for (const [name, p] of Object.entries(phases)) out.phases[name] = { frameMs: stats(p.gaps), drawMs: stats(p.draws) };
    return out;
  } finally {
    await browser.close();
  }
}

export function printNetworkView(r) {
  const f = (v) => (v === null ? "–" : v.toFixed(1));
  console.log(`dashboard network view: ${r.drawnNodes} of ${r.nodes} organisations drawn, ${r.edges} ties (generated; Chromium, 1280×900)`);
  for (const [name, p] of Object.entries(r.phases)) {
    console.log(
      `  ${name.padEnd(6)} frame time median ${f(p.frameMs.median)} ms, p95 ${f(p.frameMs.p95)} ms over ${p.frameMs.frames} frames; drawing median ${f(p.drawMs.median)} ms, p95 ${f(p.drawMs.p95)} ms over ${p.drawMs.frames} drawings`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  let server = null;
  try {
    let base = process.env.BASE_URL;
    let token = process.env.TOKEN;
    if (!base) {
      server = await startWorker({ log: (m) => console.log(`bench: ${m}`) });
      base = server.base;
      token = server.adminToken;
    }
    const result = await benchNetworkView({ base, token, nodes: Number(process.env.NODES ?? 2000) });
    printNetworkView(result);
    console.log(JSON.stringify({ benchmark: "dashboard-network-view", result }));
  } finally {
    await server?.stop();
  }
}
