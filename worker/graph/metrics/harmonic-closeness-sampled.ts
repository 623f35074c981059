/**
 * @module
 * Harmonic closeness for graphs too large for one breadth-first search per node: exact up to a
 * size limit, above it estimated from a seeded sample of source nodes with a stated error bound,
 * like {@link betweenness} (docs/metrics.md).
 *
 * Estimator: harmonic closeness is h(v) = Σ_{u ≠ v} 1/d(u, v) on hop distance (undirected, so
 * d(u, v) = d(v, u)). One BFS from each of k sampled sources s gives 1/d(s, v) for every v. For a
 * node v outside the sample the sources are a uniform sample of the n − 1 other nodes, so
 * ĥ(v) = (n − 1)/k · Σ_s 1/d(s, v) is unbiased; a sampled node's own BFS gives its exact value.
 * The reciprocal distances of the sampled sources match networkx
 * `harmonic_centrality(G, sources=S)`.
 */
import type { CompactGraph } from "../compact-graph";
import { createRng, sampleWithoutReplacement } from "../random";
import { harmonicCloseness } from "./harmonic-closeness";

export interface SampledHarmonicClosenessOptions {
  /** Divide by n − 1, so that 1 means "adjacent to everybody" (default `false`). */
  normalized?: boolean;
  /** Largest node count computed exactly (default 5 000); larger graphs are sampled. */
  exactLimit?: number;
  /** Number of source nodes sampled above `exactLimit` (default 500). */
  samples?: number;
  /** Seed of the source sample (default 1). */
  seed?: number;
  /** Confidence level of `estimatedError` (default 0.95). */
  confidence?: number;
}

export interface SampledHarmonicClosenessResult {
  /** Harmonic closeness per node, indexed like `cg.nodeIds`. */
  values: Float64Array;
  /** Whether every node was used as a source. */
  exact: boolean;
  /** Number of source nodes used (the node count when exact). */
  samples: number;
  /**
   * Half-width ε of the confidence interval of each single estimate (0 when exact): with
   * probability at least `confidence`, |estimate − true value| ≤ ε, for each node separately. See
   * {@link harmonicErrorBound}.
   */
  estimatedError: number;
}

/**
 * The Hoeffding bound of sampled harmonic closeness. Each term 1/d(s, v) lies in [0, 1] (0 when
 * unreachable), the estimate is n − 1 times the mean of k terms drawn without replacement, and
 * Hoeffding's inequality (valid without replacement too) gives, for the normalized value,
 * ε = √(ln(2 / (1 − confidence)) / (2k)); unnormalized values scale by n − 1. For k = 500 at 95 %:
 * ε ≈ 0.061 (normalized). Distribution-free and therefore conservative.
 */
export function harmonicErrorBound(n: number, samples: number, confidence = 0.95, normalized = false): number {
  if (!(confidence > 0 && confidence < 1)) throw new Error("harmonicErrorBound: confidence must lie in (0, 1)");
  if (!Number.isInteger(samples) || samples < 1) throw new Error("harmonicErrorBound: samples must be a positive integer");
  if (n <= 1) return 0;
  const epsilon = Math.sqrt(Math.log(2 / (1 - confidence)) / (2 * samples));
  return normalized ? epsilon : epsilon * (n - 1);
}

/**
 * Harmonic closeness of every node, exact or estimated from sampled sources.
 *
 * Time O(k · m) for k sources; memory three n-sized typed arrays.
 *
 * @example
 * const { values, exact, estimatedError } = sampledHarmonicCloseness(cg, { exactLimit: 5000, samples: 500 });
 */
export function sampledHarmonicCloseness(
  cg: CompactGraph,
  options: SampledHarmonicClosenessOptions = {},
): SampledHarmonicClosenessResult {
  const { normalized = false, exactLimit = 5000, samples = 500, seed = 1, confidence = 0.95 } = options;
  if (!Number.isInteger(exactLimit) || exactLimit < 0) {
    throw new Error("sampledHarmonicCloseness: exactLimit must be a non-negative integer");
  }
  if (!Number.isInteger(samples) || samples < 1) throw new Error("sampledHarmonicCloseness: samples must be a positive integer");
  if (!(confidence > 0 && confidence < 1)) throw new Error("sampledHarmonicCloseness: confidence must lie in (0, 1)");

  const { order: n, offsets, neighbours } = cg;
  if (n <= exactLimit || samples >= n) {
    return { values: harmonicCloseness(cg, { normalized }), exact: true, samples: n, estimatedError: 0 };
  }
  const sources = sampleWithoutReplacement(n, samples, createRng(seed));
  const isSource = new Uint8Array(n);
  for (const s of sources) isSource[s] = 1;

  const sums = new Float64Array(n); // Σ over sources of 1/d(s, v)
  const own = new Float64Array(n); // exact value of each source
  const distance = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  for (const s of sources) {
    distance[s] = 0;
    queue[0] = s;
    let head = 0;
    let tail = 1;
    let total = 0;
    while (head < tail) {
      const v = queue[head++];
      const next = distance[v] + 1;
      const reciprocal = 1 / next;
      for (let p = offsets[v]; p < offsets[v + 1]; p++) {
        const w = neighbours[p];
        if (distance[w] < 0) {
          distance[w] = next;
          queue[tail++] = w;
          sums[w] += reciprocal;
          total += reciprocal;
        }
      }
    }
    own[s] = total;
    for (let i = 0; i < tail; i++) distance[queue[i]] = -1;
  }

  const values = new Float64Array(n);
  const scale = normalized ? 1 / samples : (n - 1) / samples;
  for (let v = 0; v < n; v++) {
    values[v] = isSource[v] ? (normalized ? own[v] / (n - 1) : own[v]) : sums[v] * scale;
  }
  return { values, exact: false, samples, estimatedError: harmonicErrorBound(n, samples, confidence, normalized) };
}
