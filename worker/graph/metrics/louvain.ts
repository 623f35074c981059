/**
 * @module
 * Louvain communities (Blondel et al. 2008) computed directly on the compact graph's typed arrays:
 * local moving of nodes to the neighbouring community with the best modularity gain, then
 * aggregation of each community into one node, repeated until no node moves. A seeded random
 * node order makes the result reproducible — the same data and seed give the same communities in
 * every snapshot.
 *
 * Memory: the first level works on the input arrays; every aggregated level allocates CSR arrays
 * no larger than the input's, so the national graph (≈ 300 000 ties) needs a few MB, where a
 * graphology copy would need ≈ 0.3 KB per edge. The modularity reported is {@link modularity} of
 * the partition found, i.e. networkx `community.modularity` of it.
 */
import type { CompactGraph } from "../compact-graph";
import { createRng } from "../random";
import { modularity } from "./modularity";

export interface LouvainOptions {
  /** Seed of the random node order (default 1). */
  seed?: number;
  /** Resolution γ (default 1). */
  resolution?: number;
  /** Use cooperation counts as weights (default `true`). */
  weighted?: boolean;
  /**
   * Smallest modularity gain of a level worth another level (default 1e-7, networkx's
   * `threshold`); also the smallest gain for which a node changes community.
   */
  threshold?: number;
}

export interface LouvainResult {
  /** Community of node `i` (indexed like `cg.nodeIds`), numbered 0 … count − 1 by first node. */
  communities: Int32Array;
  /** Number of communities. */
  count: number;
  /** Modularity of the result ({@link modularity}); null for a graph without edges. */
  modularity: number | null;
}

/** One level's graph: CSR without self loops; `strength` includes the weight inside each node. */
interface LevelGraph {
  n: number;
  offsets: Int32Array;
  neighbours: Int32Array;
  weights: Float64Array;
  strength: Float64Array;
}

/**
 * Moves nodes between communities until no move gains modularity (by more than `threshold`).
 * `community` receives the result, numbered densely 0 … count − 1; returns count and whether any
 * node moved.
 */
function localMoving(
  g: LevelGraph,
  totalWeight2: number,
  resolution: number,
  threshold: number,
  rng: () => number,
  community: Int32Array,
): { count: number; moved: boolean } {
  const { n, offsets, neighbours, weights, strength } = g;
  const total = new Float64Array(n); // Σ strength of each community's nodes
  for (let i = 0; i < n; i++) {
    community[i] = i;
    total[i] = strength[i];
  }
  // Random visiting order (Fisher–Yates), fixed for the level.
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const swap = order[i];
    order[i] = order[j];
    order[j] = swap;
  }
  const linkWeight = new Float64Array(n); // weight from the current node to each community
  const touched = new Int32Array(n);
  let moved = false;
  const scale = resolution / totalWeight2;
  for (;;) {
    let moves = 0;
    for (let t = 0; t < n; t++) {
      const i = order[t];
      const start = offsets[i];
      const end = offsets[i + 1];
      if (start === end) continue;
      const own = community[i];
      const ki = strength[i];
      let count = 0;
      for (let p = start; p < end; p++) {
        const c = community[neighbours[p]];
        if (linkWeight[c] === 0) touched[count++] = c;
        linkWeight[c] += weights[p];
      }
      total[own] -= ki;
      // Gain of joining c, up to the constant of leaving `own`: w_ic − γ · Σ_c · k_i / 2m.
      let best = own;
      let bestGain = linkWeight[own] - total[own] * ki * scale;
      for (let k = 0; k < count; k++) {
        const c = touched[k];
        const gain = linkWeight[c] - total[c] * ki * scale;
        if (gain > bestGain + threshold) {
          best = c;
          bestGain = gain;
        }
      }
      total[best] += ki;
      for (let k = 0; k < count; k++) linkWeight[touched[k]] = 0;
      linkWeight[own] = 0;
      if (best !== own) {
        community[i] = best;
        moves++;
      }
    }
    if (moves === 0) break;
    moved = true;
  }
  // Dense renumbering in order of first node.
  const dense = new Int32Array(n).fill(-1);
  let next = 0;
  for (let i = 0; i < n; i++) {
    const c = community[i];
    if (dense[c] < 0) dense[c] = next++;
    community[i] = dense[c];
  }
  return { count: next, moved };
}

/** The graph whose nodes are the communities of `g`; edges inside a community become strength only. */
function aggregate(g: LevelGraph, community: Int32Array, count: number): LevelGraph {
  const { n, offsets, neighbours, weights, strength } = g;
  // Members of each community, by counting sort.
  const start = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) start[community[i] + 1]++;
  for (let c = 0; c < count; c++) start[c + 1] += start[c];
  const fill = start.slice(0, count);
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) members[fill[community[i]]++] = i;

  const newStrength = new Float64Array(count);
  const newOffsets = new Int32Array(count + 1);
  const linkWeight = new Float64Array(count);
  const touched = new Int32Array(count);
  // Each community's links to the others, summed per neighbouring community; `emit` gets them.
  const visit = (c: number, emit: (d: number, weight: number) => void) => {
    let k = 0;
    let touchedCount = 0;
    for (let m = start[c]; m < start[c + 1]; m++) {
      const i = members[m];
      k += strength[i];
      for (let p = offsets[i]; p < offsets[i + 1]; p++) {
        const d = community[neighbours[p]];
        if (d === c) continue;
        if (linkWeight[d] === 0) touched[touchedCount++] = d;
        linkWeight[d] += weights[p];
      }
    }
    newStrength[c] = k;
    for (let t = 0; t < touchedCount; t++) {
      const d = touched[t];
      emit(d, linkWeight[d]);
      linkWeight[d] = 0;
    }
  };
  // Two passes, counting the half-edges first: the new level's arrays are allocated at their size
  // (an array as long as the level below, then cut, held twice the memory at national scale).
  let write = 0;
  for (let c = 0; c < count; c++) {
    newOffsets[c] = write;
    visit(c, () => write++);
  }
  newOffsets[count] = write;
  const newNeighbours = new Int32Array(write);
  const newWeights = new Float64Array(write);
  write = 0;
  for (let c = 0; c < count; c++) {
    visit(c, (d, weight) => {
      newNeighbours[write] = d;
      newWeights[write] = weight;
      write++;
    });
  }
  return { n: count, offsets: newOffsets, neighbours: newNeighbours, weights: newWeights, strength: newStrength };
}

/**
 * Louvain community detection. A graph without edges gives one community per node.
 *
 * Time O(m) per pass of local moving (a few passes per level, a handful of levels); memory a few
 * n- and m-sized typed arrays.
 *
 * @example
 * const { communities, count, modularity } = louvain(cg, { seed: 7 });
 */
export function louvain(cg: CompactGraph, options: LouvainOptions = {}): LouvainResult {
  const { seed = 1, resolution = 1, weighted = true, threshold = 1e-7 } = options;
  if (!(resolution > 0)) throw new Error("louvain: resolution must be positive");
  if (!(threshold >= 0)) throw new Error("louvain: threshold must be non-negative");
  const { order: n, offsets, neighbours } = cg;
  const communities = new Int32Array(n);

  if (cg.size === 0) {
    for (let i = 0; i < n; i++) communities[i] = i;
    return { communities, count: n, modularity: null };
  }

  const weights = weighted ? cg.weights : new Float64Array(neighbours.length).fill(1);
  const strength = new Float64Array(n);
  let totalWeight2 = 0; // 2m
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) sum += weights[p];
    strength[i] = sum;
    totalWeight2 += sum;
  }

  const rng = createRng(seed);
  let level: LevelGraph = { n, offsets, neighbours, weights, strength };
  // membership[i]: node i's node in the current level.
  for (let i = 0; i < n; i++) communities[i] = i;
  let count = n;
  let previousQ = -Infinity;
  for (;;) {
    const community = new Int32Array(level.n);
    const result = localMoving(level, totalWeight2, resolution, threshold, rng, community);
    if (!result.moved) break;
    for (let i = 0; i < n; i++) communities[i] = community[communities[i]];
    count = result.count;
    const q = modularity(cg, communities, { weighted, resolution })!;
    if (q - previousQ <= threshold) break;
    previousQ = q;
    level = aggregate(level, community, count);
  }

  // Number communities by their first node (the order of the result, not of the levels).
  const renumber = new Int32Array(count).fill(-1);
  let next = 0;
  for (let i = 0; i < n; i++) {
    const c = communities[i];
    if (renumber[c] < 0) renumber[c] = next++;
    communities[i] = renumber[c];
  }
  return {
    communities,
    count: next,
    modularity: modularity(cg, communities, { weighted, resolution }),
  };
}
