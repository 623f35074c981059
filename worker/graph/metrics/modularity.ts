/**
 * @module
 * Newman modularity of a given partition, weighted by cooperations:
 *
 *   Q = Σ_c [ L_c / m − γ · (K_c / 2m)² ]
 *
 * with m the total edge weight, L_c the weight of edges inside community c, K_c the summed
 * strength of its nodes and γ the resolution. Matches networkx
 * `community.modularity(G, parts, weight="weight", resolution=γ)`.
 */
import type { CompactGraph } from "../compact-graph";

export interface ModularityOptions {
  /** Use cooperation counts as weights (default `true`); `false` is networkx `weight=None`. */
  weighted?: boolean;
  /** Resolution γ (default 1). */
  resolution?: number;
}

/**
 * Modularity of the partition that puts node `i` into community `communities[i]` (any integer
 * labels; every node belongs to exactly one community by construction).
 *
 * @returns null for a graph without edges, where modularity is undefined (networkx divides by
 * zero).
 *
 * @example
 * modularity(cg, louvain(cg).communities);
 */
export function modularity(
  cg: CompactGraph,
  communities: ArrayLike<number>,
  options: ModularityOptions = {},
): number | null {
  const { weighted = true, resolution = 1 } = options;
  const { order: n, offsets, neighbours, weights } = cg;
  if (communities.length !== n) throw new Error("modularity: communities must have one entry per node");

  // Dense community numbers, so that the sums fit typed arrays.
  const dense = new Int32Array(n);
  const labels = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const label = communities[i];
    if (!Number.isInteger(label)) throw new Error(`modularity: community of node ${i} is not an integer`);
    let c = labels.get(label);
    if (c === undefined) {
      c = labels.size;
      labels.set(label, c);
    }
    dense[i] = c;
  }

  const inside = new Float64Array(labels.size); // L_c
  const total = new Float64Array(labels.size); // K_c
  let degreeSum = 0; // 2m
  for (let i = 0; i < n; i++) {
    const c = dense[i];
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const w = weighted ? weights[p] : 1;
      degreeSum += w;
      total[c] += w;
      const j = neighbours[p];
      if (j > i && dense[j] === c) inside[c] += w;
    }
  }
  if (degreeSum === 0) return null;

  const m = degreeSum / 2;
  let q = 0;
  for (let c = 0; c < labels.size; c++) {
    q += inside[c] / m - (resolution * total[c] * total[c]) / (degreeSum * degreeSum);
  }
  return q;
}
