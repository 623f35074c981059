/**
 * @module
 * Strength: the number of cooperations of each organisation, i.e. the sum of its edge weights
 * (networkx `G.degree(weight="weight")`).
 */
import type { CompactGraph } from "../compact-graph";

/**
 * Sum of edge weights per node, indexed like `cg.nodeIds`.
 *
 * @example
 * strength(cg)[cg.index.get(42)!]; // cooperations of organisation 42
 */
export function strength(cg: CompactGraph): Float64Array {
  return sumPerNode(cg, cg.weights);
}

/**
 * Sum of any per-edge quantity aligned with `cg.neighbours` (e.g. `cg.hours`, `cg.value`) per
 * node; zeros when `edgeValues` is null.
 *
 * @example
 * sumPerNode(cg, cg.hours); // volunteer hours per organisation
 */
export function sumPerNode(cg: CompactGraph, edgeValues: Float64Array | null): Float64Array {
  const result = new Float64Array(cg.order);
  if (!edgeValues) return result;
  if (edgeValues.length !== cg.neighbours.length) {
    throw new Error("sumPerNode: edgeValues must be aligned with cg.neighbours");
  }
  for (let i = 0; i < cg.order; i++) {
    let sum = 0;
    for (let p = cg.offsets[i]; p < cg.offsets[i + 1]; p++) sum += edgeValues[p];
    result[i] = sum;
  }
  return result;
}
