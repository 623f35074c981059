/**
 * @module
 * Adamic–Adar index of candidate pairs: Σ 1 / ln(deg(w)) over the common partners w of u and v
 * (networkx `adamic_adar_index`) — shared partners count more the fewer partners they have. Used
 * to rank match suggestions (docs/metrics.md).
 */
import type { CompactGraph } from "../compact-graph";

/**
 * Adamic–Adar index for each candidate pair of organisation ids, in input order. A common
 * partner has at least two partners (u and v), so the logarithm is positive.
 *
 * Time O(deg(u) + deg(v)) per pair (rows are sorted, so common partners are found by merging).
 *
 * @throws if an id is not in the graph or a pair joins an organisation with itself (undefined in
 * networkx too).
 *
 * @example
 * adamicAdar(cg, [[12, 40], [12, 41]]);
 */
export function adamicAdar(cg: CompactGraph, pairs: ReadonlyArray<readonly [number, number]>): Float64Array {
  const { offsets, neighbours, index } = cg;
  const result = new Float64Array(pairs.length);
  for (let k = 0; k < pairs.length; k++) {
    const [idU, idV] = pairs[k];
    const u = index.get(idU);
    const v = index.get(idV);
    if (u === undefined || v === undefined) {
      throw new Error(`adamicAdar: pair ${idU}–${idV} names an organisation that is not in the graph`);
    }
    if (u === v) throw new Error(`adamicAdar: pair ${idU}–${idV} joins an organisation with itself`);
    let p = offsets[u];
    let q = offsets[v];
    const endU = offsets[u + 1];
    const endV = offsets[v + 1];
    let score = 0;
    while (p < endU && q < endV) {
      const a = neighbours[p];
      const b = neighbours[q];
      if (a < b) p++;
      else if (a > b) q++;
      else {
        score += 1 / Math.log(offsets[a + 1] - offsets[a]);
        p++;
        q++;
      }
    }
    result[k] = score;
  }
  return result;
}
