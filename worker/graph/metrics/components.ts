/**
 * @module
 * Connected components of the cooperation graph, the share of organisations in the largest one
 * and the share of isolates (organisations without any partner) — how fragmented a region's
 * network is (docs/metrics.md).
 */
import type { CompactGraph } from "../compact-graph";

export interface ComponentsResult {
  /** Number of connected components (an isolate is a component of its own). */
  count: number;
  /** Component of node `i` (indexed like `cg.nodeIds`), numbered by their lowest node index. */
  membership: Int32Array;
  /** Size of each component, indexed by component number. */
  sizes: Int32Array;
  /** Size of the largest component ÷ number of nodes (0 for an empty graph). */
  largestShare: number;
  /** Number of isolated nodes. */
  isolates: number;
  /** Isolated nodes ÷ number of nodes (0 for an empty graph). */
  isolatesShare: number;
}

/**
 * Connected components by breadth-first search (networkx `connected_components`).
 *
 * Time O(n + m); memory two n-sized typed arrays.
 *
 * @example
 * const { count, largestShare, isolatesShare } = connectedComponents(cg);
 */
export function connectedComponents(cg: CompactGraph): ComponentsResult {
  const { order: n, offsets, neighbours } = cg;
  const membership = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const sizes: number[] = [];
  let isolates = 0;
  for (let s = 0; s < n; s++) {
    if (offsets[s + 1] === offsets[s]) isolates++;
    if (membership[s] >= 0) continue;
    const component = sizes.length;
    membership[s] = component;
    queue[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = queue[head++];
      for (let p = offsets[v]; p < offsets[v + 1]; p++) {
        const w = neighbours[p];
        if (membership[w] < 0) {
          membership[w] = component;
          queue[tail++] = w;
        }
      }
    }
    sizes.push(tail);
  }
  let largest = 0;
  for (const size of sizes) if (size > largest) largest = size;
  return {
    count: sizes.length,
    membership,
    sizes: Int32Array.from(sizes),
    largestShare: n === 0 ? 0 : largest / n,
    isolates,
    isolatesShare: n === 0 ? 0 : isolates / n,
  };
}
