/**
 * @module
 * Harmonic closeness: the sum of 1/d(v, u) over all other nodes u reachable from v, on hop
 * distance (networkx `harmonic_centrality(G)`). Unlike classic closeness it is well defined on
 * disconnected graphs, which cooperation networks always are.
 */
import type { CompactGraph } from "../compact-graph";

export interface HarmonicClosenessOptions {
  /**
   * Divide by n − 1, so that 1 means "adjacent to everybody" (default `false`: the raw networkx
   * value). Graphs of fewer than two nodes give 0.
   */
  normalized?: boolean;
}

/**
 * Harmonic closeness per node, indexed like `cg.nodeIds`.
 *
 * Time O(n · m); memory two n-sized typed arrays reused for every source.
 *
 * @example
 * harmonicCloseness(cg, { normalized: true }); // 1 = adjacent to everybody
 */
export function harmonicCloseness(cg: CompactGraph, options: HarmonicClosenessOptions = {}): Float64Array {
  const { normalized = false } = options;
  const { order: n, offsets, neighbours } = cg;
  const result = new Float64Array(n);
  const distance = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);

  for (let s = 0; s < n; s++) {
    distance[s] = 0;
    queue[0] = s;
    let head = 0;
    let tail = 1;
    let sum = 0;
    while (head < tail) {
      const v = queue[head++];
      const next = distance[v] + 1;
      for (let p = offsets[v]; p < offsets[v + 1]; p++) {
        const w = neighbours[p];
        if (distance[w] < 0) {
          distance[w] = next;
          queue[tail++] = w;
          sum += 1 / next;
        }
      }
    }
    for (let i = 0; i < tail; i++) distance[queue[i]] = -1;
    result[s] = normalized ? (n > 1 ? sum / (n - 1) : 0) : sum;
  }
  return result;
}
