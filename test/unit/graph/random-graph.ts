/**
 * @module
 * Seeded random test graphs: preferential attachment with extra random ties, so that degrees (and
 * betweenness) are skewed like a real cooperation network and the graph is connected.
 */
import { buildCompactGraph, type CompactEdgeInput, type CompactGraph } from "../../../worker/graph/compact-graph";
import { createRng } from "../../../worker/graph/random";

export function randomGraph(n: number, tiesPerNode: number, seed: number): CompactGraph {
  const rng = createRng(seed);
  const edges: CompactEdgeInput[] = [];
  const endpoints: number[] = []; // every edge end once: sampling from it is degree-proportional
  for (let v = 1; v < n; v++) {
    const ties = Math.min(v, tiesPerNode);
    for (let t = 0; t < ties; t++) {
      const u = endpoints.length > 0 && rng() < 0.7 ? endpoints[Math.floor(rng() * endpoints.length)] : Math.floor(rng() * v);
      edges.push({ a: u, b: v, weight: 1 + Math.floor(rng() * 3) });
      endpoints.push(u, v);
    }
  }
  return buildCompactGraph({
    nodes: Array.from({ length: n }, (_, id) => ({ id, kind: id % 2 === 0 ? "company" : "nonprofit" })),
    edges,
  });
}
