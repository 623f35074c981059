/**
 * @module
 * Two-step reach: the number of distinct other organisations within distance 2 — the access an
 * organisation gains through its partners' networks (docs/metrics.md). Equals networkx
 * `len(nx.single_source_shortest_path_length(G, v, cutoff=2)) - 1`.
 */
import type { CompactGraph } from "../compact-graph";

/**
 * Distinct nodes at distance 1 or 2 per node, indexed like `cg.nodeIds`.
 *
 * Time O(Σ deg(v)²), memory one stamp array of n integers reused for every node.
 *
 * @example
 * twoStepReach(cg)[cg.index.get(42)!]; // organisations within two steps of 42
 */
export function twoStepReach(cg: CompactGraph): Int32Array {
  const { order: n, offsets, neighbours } = cg;
  const result = new Int32Array(n);
  // stamp[w] === v marks w as already counted for source v.
  const stamp = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    stamp[v] = v;
    let reached = 0;
    for (let p = offsets[v]; p < offsets[v + 1]; p++) {
      const u = neighbours[p];
      if (stamp[u] !== v) {
        stamp[u] = v;
        reached++;
      }
    }
    for (let p = offsets[v]; p < offsets[v + 1]; p++) {
      const u = neighbours[p];
      for (let q = offsets[u]; q < offsets[u + 1]; q++) {
        const w = neighbours[q];
        if (stamp[w] !== v) {
          stamp[w] = v;
          reached++;
        }
      }
    }
    result[v] = reached;
  }
  return result;
}
