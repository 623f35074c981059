/**
 * @module
 * Degree: the number of distinct partners of each organisation (networkx `G.degree()` on the
 * merged graph — several cooperations with the same partner count once).
 */
import type { CompactGraph } from "../compact-graph";

/**
 * Distinct partners per node, indexed like `cg.nodeIds`.
 *
 * @example
 * degree(cg)[cg.index.get(42)!]; // partners of organisation 42
 */
export function degree(cg: CompactGraph): Int32Array {
  const result = new Int32Array(cg.order);
  for (let i = 0; i < cg.order; i++) result[i] = cg.offsets[i + 1] - cg.offsets[i];
  return result;
}
