/**
 * @module
 * Identical edge lists for the metric comparison: the demo generator's data at a given scale,
 * aggregated like a snapshot (one tie per partner pair with a non-cancelled cooperation in the
 * default 24-month window, weighted by cooperations), every organisation a node. Written as JSON
 * `{ nodes: id[], edges: [a, b, weight][], sources: index[] }`; `sources` are the sampled source
 * nodes (the worker's own seeded draw) that every implementation uses for the sampled metrics.
 *
 * Usage: tsx bench/graph/edge-lists.ts <scale> <out.json> [samples]
 */
import { writeFileSync } from "node:fs";
import { DEFAULT_AS_OF, streamDemoData } from "../../scripts/demo/generate";
import { createRng, sampleWithoutReplacement } from "../../worker/graph/random";
import { windowEndingOn } from "../../worker/network/window";

const [scaleArg, out, samplesArg] = process.argv.slice(2);
const scale = Number(scaleArg);
const samples = Number(samplesArg ?? 100);
const window = windowEndingOn(DEFAULT_AS_OF, 24);
const nodes: number[] = [];
const tie = new Set<number>();
const cooperationPartners = new Map<number, number[]>();
for (const batch of streamDemoData({ scale })) {
  if (batch.table === "organisations") for (const row of batch.rows) nodes.push(row.id);
  if (batch.table === "cooperations") {
    for (const row of batch.rows) {
      if (row.dateAgreed >= window.from && row.dateAgreed <= window.to && row.status !== "cancelled" && row.status !== "not_feasible") tie.add(row.id);
    }
  }
  if (batch.table === "cooperationPartners") {
    for (const row of batch.rows) {
      if (!tie.has(row.cooperationId)) continue;
      const list = cooperationPartners.get(row.cooperationId);
      if (list) list.push(row.organisationId);
      else cooperationPartners.set(row.cooperationId, [row.organisationId]);
    }
  }
}
const weights = new Map<string, number>();
for (const partners of cooperationPartners.values()) {
  for (let i = 0; i < partners.length; i++) {
    for (let j = i + 1; j < partners.length; j++) {
      const a = Math.min(partners[i], partners[j]);
      const b = Math.max(partners[i], partners[j]);
      const key = `${a} ${b}`;
      weights.set(key, (weights.get(key) ?? 0) + 1);
    }
  }
}
const edges = [...weights].map(([key, w]) => [...key.split(" ").map(Number), w]);
const sources = Array.from(sampleWithoutReplacement(nodes.length, Math.min(samples, nodes.length), createRng(1)));
writeFileSync(out, JSON.stringify({ scale, window, nodes, edges, sources }));
console.log(JSON.stringify({ scale, nodes: nodes.length, edges: edges.length }));
