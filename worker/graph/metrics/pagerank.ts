/**
 * @module
 * PageRank weighted by cooperations: a random walk that follows a tie with probability
 * proportional to its number of cooperations and teleports uniformly with probability 1 − α.
 * Isolated (dangling) nodes hand their rank to all nodes uniformly.
 *
 * The iteration is networkx's (`pagerank(G, alpha, weight="weight", tol, max_iter)`, the SciPy
 * power method): start uniform, stop when the L1 change of an iteration is below n · tol. Same
 * start, same update and same stopping rule give the same vector to rounding.
 */
import type { CompactGraph } from "../compact-graph";

export interface PagerankOptions {
  /** Damping factor α (default 0.85). */
  alpha?: number;
  /** Convergence tolerance per node (default 1e-13): stop when Σ|xₜ − xₜ₋₁| < n · tol. */
  tolerance?: number;
  /** Iteration limit (default 1000). */
  maxIterations?: number;
  /** Use cooperation counts as weights (default `true`); `false` treats every tie as weight 1. */
  weighted?: boolean;
}

/**
 * PageRank per node, indexed like `cg.nodeIds`; sums to 1.
 *
 * Time O(m) per iteration; memory four n-sized Float64Arrays.
 *
 * @throws if the power iteration does not converge within `maxIterations` (like networkx's
 * `PowerIterationFailedConvergence`).
 *
 * @example
 * pagerank(cg, { alpha: 0.85 });
 */
export function pagerank(cg: CompactGraph, options: PagerankOptions = {}): Float64Array {
  const { alpha = 0.85, tolerance = 1e-13, maxIterations = 1000, weighted = true } = options;
  if (!(alpha >= 0 && alpha <= 1)) throw new Error("pagerank: alpha must lie in [0, 1]");
  if (!(tolerance > 0)) throw new Error("pagerank: tolerance must be positive");
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new Error("pagerank: maxIterations must be a positive integer");
  }
  const { order: n, offsets, neighbours, weights } = cg;
  if (n === 0) return new Float64Array(0);

  // Inverse out-strength (0 for dangling nodes), the row normalisation of the transition matrix.
  const inverseStrength = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    if (weighted) for (let p = offsets[i]; p < offsets[i + 1]; p++) sum += weights[p];
    else sum = offsets[i + 1] - offsets[i];
    inverseStrength[i] = sum === 0 ? 0 : 1 / sum;
  }

  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const share = new Float64Array(n); // x[i] / strength(i): what i passes on per unit of weight
  const teleport = (1 - alpha) / n;

  // One sweep per iteration; the two inner loops differ only in the weight, kept apart so that the
  // hot loop has no branch.
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      const inverse = inverseStrength[i];
      if (inverse === 0) dangling += x[i];
      share[i] = x[i] * inverse;
    }
    const base = alpha * (dangling / n) + teleport;
    let change = 0;
    let start = offsets[0];
    for (let j = 0; j < n; j++) {
      const end = offsets[j + 1];
      let inflow = 0;
      if (weighted) for (let p = start; p < end; p++) inflow += share[neighbours[p]] * weights[p];
      else for (let p = start; p < end; p++) inflow += share[neighbours[p]];
      start = end;
      const value = alpha * inflow + base;
      change += Math.abs(value - x[j]);
      next[j] = value;
    }
    const previous = x;
    x = next;
    next = previous;
    if (change < n * tolerance) return x;
  }
  throw new Error(`pagerank: power iteration failed to converge within ${maxIterations} iterations`);
}
