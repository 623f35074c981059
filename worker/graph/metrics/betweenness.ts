/**
 * @module
 * Betweenness centrality (Brandes 2001), on hop distance: a tie of many cooperations is not
 * "longer" than a tie of one, so weights are ignored. Exact up to a size limit, above it
 * estimated from a seeded sample of source nodes with a stated error bound (docs/metrics.md).
 *
 * Matches networkx `betweenness_centrality(G, normalized=True)` (exact) and
 * `betweenness_centrality(G, k=samples, normalized=True)` (sampled; the sources are drawn with
 * our own seeded generator, so individual estimates differ from networkx's draw, the scaling is
 * the same).
 */
import type { CompactGraph } from "../compact-graph";
import { createRng, sampleWithoutReplacement } from "../random";

export interface BetweennessOptions {
  /** Scale like networkx `normalized=True` (default `true`); otherwise networkx `normalized=False`. */
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

export interface BetweennessResult {
  /** Betweenness per node, indexed like `cg.nodeIds`. */
  values: Float64Array;
  /** Whether every node was used as a source. */
  exact: boolean;
  /** Number of source nodes used (the node count when exact). */
  samples: number;
  /**
   * Half-width ε of the confidence interval of each single value (0 when exact): with probability
   * at least `confidence`, |estimate − true value| ≤ ε, for each node separately. See
   * {@link betweennessErrorBound}.
   */
  estimatedError: number;
}

/**
 * The Hoeffding bound of sampled betweenness.
 *
 * The estimate of node v is the mean over the k sampled sources s of
 * X_s = n · δ_s(v) / ((n − 1)(n − 2)) (normalized), where δ_s(v) ≤ n − 2 is the dependency of s
 * on v; so X_s ∈ [0, n / (n − 1)] and E[X_s] is the exact normalized betweenness. Hoeffding's
 * inequality (which also holds for sampling without replacement) gives
 *
 *   P(|estimate − exact| ≥ ε) ≤ 2 · exp(−2kε² / R²),  R = n / (n − 1),
 *
 * hence ε = R · √(ln(2 / (1 − confidence)) / (2k)). For k = 500 at 95 %: ε ≈ 0.061. Unnormalized
 * values are (n − 1)(n − 2)/2 times the normalized ones, and so is their ε. The bound holds for
 * each node separately; for all n nodes at once replace 2 / (1 − confidence) by
 * 2n / (1 − confidence) (union bound). It is distribution-free and therefore conservative.
 */
export function betweennessErrorBound(n: number, samples: number, confidence = 0.95, normalized = true): number {
  if (!(confidence > 0 && confidence < 1)) throw new Error("betweennessErrorBound: confidence must lie in (0, 1)");
  if (!Number.isInteger(samples) || samples < 1) throw new Error("betweennessErrorBound: samples must be a positive integer");
  if (n <= 2) return 0;
  const epsilon = (n / (n - 1)) * Math.sqrt(Math.log(2 / (1 - confidence)) / (2 * samples));
  return normalized ? epsilon : (epsilon * (n - 1) * (n - 2)) / 2;
}

/**
 * Betweenness centrality of every node.
 *
 * Time O(k · m) for k sources; memory five n-sized typed arrays reused for every source (no
 * predecessor lists: predecessors are found again as neighbours one hop closer to the source).
 *
 * @example
 * const { values, exact, estimatedError } = betweenness(cg, { exactLimit: 5000, samples: 500 });
 */
export function betweenness(cg: CompactGraph, options: BetweennessOptions = {}): BetweennessResult {
  const { normalized = true, exactLimit = 5000, samples = 500, seed = 1, confidence = 0.95 } = options;
  if (!Number.isInteger(exactLimit) || exactLimit < 0) {
    throw new Error("betweenness: exactLimit must be a non-negative integer");
  }
  if (!Number.isInteger(samples) || samples < 1) throw new Error("betweenness: samples must be a positive integer");
  if (!(confidence > 0 && confidence < 1)) throw new Error("betweenness: confidence must lie in (0, 1)");

  const { order: n, offsets, neighbours } = cg;
  const exact = n <= exactLimit || samples >= n;
  const sources = exact ? null : sampleWithoutReplacement(n, samples, createRng(seed));
  const k = exact ? n : samples;

  const values = new Float64Array(n);
  const distance = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n); // BFS queue, read backwards as Brandes' stack

  for (let t = 0; t < k; t++) {
    const s = sources ? sources[t] : t;
    // Single-source shortest paths (BFS), counting shortest paths in sigma.
    distance[s] = 0;
    sigma[s] = 1;
    order[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = order[head++];
      const next = distance[v] + 1;
      const sigmaV = sigma[v];
      for (let p = offsets[v]; p < offsets[v + 1]; p++) {
        const w = neighbours[p];
        if (distance[w] < 0) {
          distance[w] = next;
          order[tail++] = w;
        }
        if (distance[w] === next) sigma[w] += sigmaV;
      }
    }
    // Dependency accumulation in order of non-increasing distance.
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i];
      const previous = distance[w] - 1;
      const coefficient = (1 + delta[w]) / sigma[w];
      for (let p = offsets[w]; p < offsets[w + 1]; p++) {
        const v = neighbours[p];
        if (distance[v] === previous) delta[v] += sigma[v] * coefficient;
      }
      values[w] += delta[w];
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i];
      distance[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }

  // networkx `_rescale` for undirected graphs: every pair was counted from both ends.
  let scale = 1;
  if (normalized) {
    if (n > 2) scale = 1 / ((n - 1) * (n - 2));
  } else {
    scale = 0.5;
  }
  if (!exact && (n > 2 || !normalized)) scale *= n / k;
  if (scale !== 1) for (let i = 0; i < n; i++) values[i] *= scale;

  return {
    values,
    exact,
    samples: k,
    estimatedError: exact ? 0 : betweennessErrorBound(n, k, confidence, normalized),
  };
}
