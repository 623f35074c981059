/**
 * @module
 * Betweenness centrality (Brandes 2001), on hop distance: a tie of many cooperations is not
 * "longer" than a tie of one, so weights are ignored. Exact up to a size limit; above it, the
 * small components are still exact and the large ones are estimated from seeded samples of
 * source nodes, with as many sources as a stated rank quality needs (within a limit), and an
 * empirical-Bernstein bound that is checked against the values it bounds (docs/metrics.md).
 *
 * Matches networkx `betweenness_centrality(G, normalized=True)` (exact) and, given the same source
 * nodes (`sources`), `betweenness_centrality_subset` scaled by n / k like networkx's sampled
 * betweenness.
 */
import type { CompactGraph } from "../compact-graph";
import { createRng } from "../random";

export interface BetweennessOptions {
  /** Scale like networkx `normalized=True` (default `true`); otherwise networkx `normalized=False`. */
  normalized?: boolean;
  /** Graphs up to this many nodes are exact whatever their work (default 0). */
  exactLimit?: number;
  /**
   * The work of a component is its nodes × its ties: one search visits its ties, every node is a
   * source. Graphs whose work is at most this are exact; above, components are computed exactly,
   * smallest first, while their summed work stays within it, and the others are sampled (default
   * 10⁸: about two seconds of this kernel on the benchmark machine, 25 000 organisations of the
   * demo data's 24-month network).
   */
  exactWork?: number;
  /** Source nodes first drawn for the sampled components (default 500). */
  samples?: number;
  /** Sources are doubled up to this many while the top values are not yet within `targetRelativeError` (default `samples`: no doubling). */
  maxSamples?: number;
  /** No doubling beyond this many ties visited by the sampled searches (default 10⁸; never fewer than `samples` searches). */
  sampleWork?: number;
  /** Goal of the doubling: the bound of each of the `top` largest values at most this share of the value (default: no goal). */
  targetRelativeError?: number;
  /** How many of the largest values `topRelativeError` speaks for (default 50). */
  top?: number;
  /** Seed of the source sample (default 1). */
  seed?: number;
  /** Confidence level of the bounds (default 0.95). */
  confidence?: number;
  /**
   * Explicit source nodes (node indices; for comparisons with other implementations): the values
   * are their dependencies scaled by n / k like networkx's sampled betweenness, with the
   * Hoeffding bound of {@link betweennessErrorBound}.
   */
  sources?: ArrayLike<number>;
}

export interface BetweennessResult {
  /** Betweenness per node, indexed like `cg.nodeIds`. */
  values: Float64Array;
  /** Whether every node was used as a source. */
  exact: boolean;
  /** Searches from sampled sources (the node count when exact). */
  samples: number;
  /**
   * Half-width ε of the confidence interval of the values (0 when exact): with probability at
   * least `confidence`, |estimate − true value| ≤ ε for every node at once (with `sources`: for
   * each node separately, see {@link betweennessErrorBound}).
   */
  estimatedError: number;
  /**
   * The largest ratio of a node's own half-width to its value among the `top` largest values (0
   * when exact; null with `sources` or when no value is positive): with probability at least
   * `confidence`, each of these values is within this share of its true value.
   */
  topRelativeError: number | null;
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
 * Exact (every node a source) up to `exactLimit` nodes. Above, per connected component (a search
 * never leaves its component): the components whose searches fit `exactWork` are exact, the others
 * get sources drawn uniformly with replacement in proportion to their size (at least two each),
 * and a node's estimate is its component's size times the mean dependency of its sampled sources
 * on it. `estimatedError` is the smaller of Maurer and Pontil's empirical Bernstein bound (the
 * spread of that node's own sampled dependencies) and Hoeffding's, each with the range of the
 * node's component (size × (size − 2)) instead of the whole graph's, for every node of the sampled
 * components and every doubling round at once (union bound). `topRelativeError` is the normal
 * approximation's 95 % half-width (1.96 standard errors of the mean) of each of the `top` largest
 * values as a share of the value — not distribution-free, but it speaks about the values a reader
 * looks at, where the distribution-free bounds are as wide as those values. With `maxSamples` and
 * `targetRelativeError`, the sources are doubled until the `top` largest values are each within
 * the target share of their value, or `maxSamples` is reached.
 *
 * Time O(k · m) for k searches (leaves need no search of their own when a whole component is a
 * source); memory a few n- and m-sized typed arrays reused for every search.
 *
 * @example
 * const { values, exact, topRelativeError } = betweenness(cg, { exactLimit: 20_000, samples: 500, maxSamples: 4000, targetRelativeError: 0.1 });
 */
export function betweenness(cg: CompactGraph, options: BetweennessOptions = {}): BetweennessResult {
  const { normalized = true, exactLimit = 0, exactWork = 1e8, sampleWork = 1e8, samples = 500, seed = 1, confidence = 0.95, top = 50 } = options;
  const maxSamples = options.maxSamples ?? samples;
  const target = options.targetRelativeError ?? 0;
  if (!Number.isInteger(exactLimit) || exactLimit < 0) {
    throw new Error("betweenness: exactLimit must be a non-negative integer");
  }
  if (!(exactWork >= 0)) throw new Error("betweenness: exactWork must be a non-negative number");
  if (!(sampleWork >= 0)) throw new Error("betweenness: sampleWork must be a non-negative number");
  if (!Number.isInteger(samples) || samples < 1) throw new Error("betweenness: samples must be a positive integer");
  if (!Number.isInteger(maxSamples) || maxSamples < samples) throw new Error("betweenness: maxSamples must be an integer ≥ samples");
  if (!(confidence > 0 && confidence < 1)) throw new Error("betweenness: confidence must lie in (0, 1)");
  if (!(target >= 0)) throw new Error("betweenness: targetRelativeError must be a non-negative number");
  if (!Number.isInteger(top) || top < 1) throw new Error("betweenness: top must be a positive integer");

  const n = cg.order;
  // networkx `_rescale` for undirected graphs: every pair was counted from both ends.
  const scale = normalized ? (n > 2 ? 1 / ((n - 1) * (n - 2)) : 1) : 0.5;
  const renumbered = breadthFirstOrder(cg);
  const { position } = renumbered;
  const search = brandes(renumbered);
  const sums = new Float64Array(n);
  const back = (renumberedValues: Float64Array) => {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = renumberedValues[position[i]] * scale;
    return values;
  };

  if (options.sources) {
    const k = options.sources.length;
    if (k < 1) throw new Error("betweenness: sources must name at least one node");
    for (let t = 0; t < k; t++) {
      const s = options.sources[t];
      if (!Number.isInteger(s) || s < 0 || s >= n) throw new Error("betweenness: sources must be node indices");
      search.from(position[s], 1, sums, null);
    }
    const values = back(sums);
    if (n > 2 || !normalized) for (let i = 0; i < n; i++) values[i] *= n / k;
    return { values, exact: false, samples: k, estimatedError: betweennessErrorBound(n, k, confidence, normalized), topRelativeError: null };
  }

  const { componentStart } = renumbered;
  const components = componentStart.length - 1;
  const work = (c: number) => {
    const size = componentStart[c + 1] - componentStart[c];
    return size <= 2 ? 0 : size * ((renumbered.offsets[componentStart[c + 1]] - renumbered.offsets[componentStart[c]]) / 2);
  };
  let totalWork = 0;
  for (let c = 0; c < components; c++) totalWork += work(c);
  if (n <= exactLimit || samples >= n || totalWork <= exactWork) {
    for (let c = 0; c < components; c++) if (work(c) > 0) search.component(componentStart[c], componentStart[c + 1], sums);
    return { values: back(sums), exact: true, samples: n, estimatedError: 0, topRelativeError: 0 };
  }

  // Components by work, smallest first: exact while within exactWork, the rest sampled.
  const byWork = Array.from({ length: components }, (_, c) => c).sort((x, y) => work(x) - work(y));
  const sampled: number[] = [];
  let used = 0;
  for (const c of byWork) {
    const w = work(c);
    if (w === 0) continue;
    if (used + w <= exactWork) {
      used += w;
      search.component(componentStart[c], componentStart[c + 1], sums);
    } else sampled.push(c);
  }
  let sampledNodes = 0;
  let sampledTies = 0; // Σ size × ties: the ties one uniformly drawn source visits, times sampledNodes
  for (const c of sampled) {
    const size = componentStart[c + 1] - componentStart[c];
    sampledNodes += size;
    sampledTies += work(c);
  }
  // Doubling stops where the searches would visit more than sampleWork ties.
  const limit = Math.max(samples, Math.min(maxSamples, Math.floor((sampleWork * sampledNodes) / sampledTies)));
  const squares = new Float64Array(n);
  const drawn = new Int32Array(components);
  const halfWidth = new Float64Array(n);
  const estimates = new Float64Array(n);
  const rng = createRng(seed);
  let rounds = 1;
  for (let k = samples; k < limit; k *= 2) rounds++;
  // Every node of the sampled components, both tails, every round that may be taken, two bounds.
  const logTerm = Math.log((8 * sampledNodes * rounds) / (1 - confidence));
  let total = samples;
  let searches = 0;
  let estimatedError = 0;
  let topRelativeError: number | null = null;
  for (let round = 1; ; round++) {
    for (const c of sampled) {
      const start = componentStart[c];
      const size = componentStart[c + 1] - start;
      const wanted = Math.max(2, Math.round((total * size) / sampledNodes));
      for (; drawn[c] < wanted; drawn[c]++, searches++) search.from(start + Math.floor(rng() * size), 1, sums, squares);
    }
    estimates.set(sums);
    halfWidth.fill(0);
    estimatedError = 0;
    for (const c of sampled) {
      const start = componentStart[c];
      const end = componentStart[c + 1];
      const size = end - start;
      const k = drawn[c];
      const range = size * (size - 2);
      for (let v = start; v < end; v++) {
        // Y_s = size · δ_s(v): mean and unbiased sample variance over the k sources.
        const mean = (size * sums[v]) / k;
        const variance = Math.max(0, (size * size * squares[v] - k * mean * mean) / (k - 1));
        estimates[v] = mean;
        // Empirical Bernstein, or Hoeffding where the spread is as wide as the range.
        const bernstein = Math.sqrt((2 * variance * logTerm) / k) + (7 * range * logTerm) / (3 * (k - 1));
        const hoeffding = range * Math.sqrt(logTerm / (2 * k));
        const bound = scale * Math.min(bernstein, hoeffding);
        if (bound > estimatedError) estimatedError = bound;
        halfWidth[v] = scale * NORMAL_95 * Math.sqrt(variance / k);
      }
    }
    topRelativeError = topRelative(estimates, halfWidth, scale, top);
    if (total >= limit || topRelativeError === null || topRelativeError <= target) break;
    total = Math.min(2 * total, limit);
  }
  return { values: back(estimates), exact: false, samples: searches, estimatedError, topRelativeError };
}

/** Two-sided 95 % quantile of the normal distribution. */
const NORMAL_95 = 1.959964;

/** The largest half-width ÷ value among the `top` largest values (renumbered, unscaled values; scaled half-widths). */
function topRelative(values: Float64Array, halfWidth: Float64Array, scale: number, top: number): number | null {
  const positive: number[] = [];
  for (let v = 0; v < values.length; v++) if (values[v] > 0) positive.push(v);
  if (!positive.length) return null;
  positive.sort((x, y) => values[y] - values[x]);
  let worst = 0;
  for (let i = 0; i < Math.min(top, positive.length); i++) {
    const v = positive[i];
    worst = Math.max(worst, halfWidth[v] / (values[v] * scale));
  }
  return worst;
}

interface Renumbered {
  /** `position[i]`: node i's new number. */
  position: Int32Array;
  offsets: Int32Array;
  neighbours: Int32Array;
  /** Component c holds the new numbers componentStart[c] … componentStart[c + 1] − 1. */
  componentStart: Int32Array;
}

/**
 * The graph renumbered in breadth-first order, component after component: a search then walks
 * mostly neighbouring memory (the demo's organisation ids follow no geography), and every
 * component is one range of numbers.
 */
function breadthFirstOrder(cg: CompactGraph): Renumbered {
  const { order: n, offsets, neighbours } = cg;
  const position = new Int32Array(n).fill(-1);
  const visit = new Int32Array(n);
  const starts: number[] = [];
  let placed = 0;
  for (let root = 0; root < n; root++) {
    if (position[root] >= 0) continue;
    starts.push(placed);
    position[root] = placed;
    visit[placed++] = root;
    for (let head = placed - 1; head < placed; head++) {
      const v = visit[head];
      for (let p = offsets[v]; p < offsets[v + 1]; p++) {
        const w = neighbours[p];
        if (position[w] < 0) {
          position[w] = placed;
          visit[placed++] = w;
        }
      }
    }
  }
  starts.push(n);
  const newOffsets = new Int32Array(n + 1);
  const newNeighbours = new Int32Array(neighbours.length);
  for (let i = 0; i < n; i++) {
    const v = visit[i];
    let q = newOffsets[i];
    for (let p = offsets[v]; p < offsets[v + 1]; p++) newNeighbours[q++] = position[neighbours[p]];
    newOffsets[i + 1] = q;
  }
  return { position, offsets: newOffsets, neighbours: newNeighbours, componentStart: Int32Array.from(starts) };
}

/**
 * Brandes' searches on the renumbered graph, adding each source's dependencies δ_s(v) to `sums`
 * (and their squares to `squares`, for the sample variance).
 *
 * One breadth-first search per source counts shortest paths (σ) and stores each node's successors
 * (neighbours one hop further from s) in search order; the dependencies are then pulled in order
 * of non-increasing distance: δ(w) = σ(w) · Σ over successors v of (1 + δ(v)) / σ(v), keeping
 * (1 + δ) / σ in one array — each node reads its successors one after another and writes only its
 * own entry (no predecessor lists, no scattered writes).
 *
 * `component` makes every node of a component a source, except leaves: a leaf u (one partner v,
 * which has others) has v's shortest paths plus the first hop, so δ_u(x) = δ_v(x) for every x
 * other than u and v, and δ_u(v) = (size of the component) − 2 — v's search counts for its leaves.
 */
function brandes({ offsets, neighbours }: Renumbered) {
  const n = offsets.length - 1;
  const distance = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const coefficient = new Float64Array(n); // (1 + δ(v)) / σ(v)
  const order = new Int32Array(n); // BFS queue, read backwards as Brandes' stack
  const first = new Int32Array(n + 1);
  const successors = new Int32Array(neighbours.length);
  const degree = (v: number) => offsets[v + 1] - offsets[v];

  /** One search from s, its dependencies counted `weight` times; returns the component's size. */
  function from(s: number, weight: number, sums: Float64Array, squares: Float64Array | null): number {
    distance[s] = 0;
    sigma[s] = 1;
    order[0] = s;
    let tail = 1;
    let stored = 0;
    for (let head = 0; head < tail; head++) {
      const v = order[head];
      first[head] = stored;
      const next = distance[v] + 1;
      const sigmaV = sigma[v];
      for (let p = offsets[v], end = offsets[v + 1]; p < end; p++) {
        const w = neighbours[p];
        const dw = distance[w];
        if (dw < 0) {
          distance[w] = next;
          sigma[w] = sigmaV;
          order[tail++] = w;
          successors[stored++] = w;
        } else if (dw === next) {
          sigma[w] += sigmaV;
          successors[stored++] = w;
        }
      }
    }
    first[tail] = stored;
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i];
      let pulled = 0;
      for (let p = first[i], end = first[i + 1]; p < end; p++) pulled += coefficient[successors[p]];
      const sigmaW = sigma[w];
      const delta = sigmaW * pulled;
      sums[w] += weight * delta;
      if (squares) squares[w] += delta * delta;
      coefficient[w] = (1 + delta) / sigmaW;
    }
    for (let i = 0; i < tail; i++) distance[order[i]] = -1;
    return tail;
  }

  /** Every node of the component start … end − 1 a source (leaves through their partner). */
  function component(start: number, end: number, sums: Float64Array): void {
    const leaves = new Int32Array(end - start);
    for (let u = start; u < end; u++) {
      if (degree(u) !== 1) continue;
      const v = neighbours[offsets[u]];
      if (degree(v) > 1) leaves[v - start]++;
    }
    for (let s = start; s < end; s++) {
      if (degree(s) === 1 && degree(neighbours[offsets[s]]) > 1) continue;
      const extra = leaves[s - start];
      const size = from(s, 1 + extra, sums, null);
      if (extra > 0) sums[s] += extra * (size - 2);
    }
  }

  return { from, component };
}
