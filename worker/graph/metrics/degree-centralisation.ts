/**
 * @module
 * Freeman degree centralisation: how much the network is organised around one hub,
 *
 *   C = Σ_i (max_j deg(j) − deg(i)) / ((n − 1)(n − 2)),
 *
 * 1 for a star, 0 when every organisation has the same number of partners. The denominator is
 * the sum for a star of n nodes, the most centralised graph.
 */
import type { CompactGraph } from "../compact-graph";

/**
 * Freeman degree centralisation on distinct partners; null for fewer than three nodes.
 *
 * @example
 * degreeCentralisation(cg); // 1 for a star
 */
export function degreeCentralisation(cg: CompactGraph): number | null {
  const { order: n, offsets } = cg;
  if (n < 3) return null;
  let max = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = offsets[i + 1] - offsets[i];
    if (d > max) max = d;
    sum += d;
  }
  return (n * max - sum) / ((n - 1) * (n - 2));
}
