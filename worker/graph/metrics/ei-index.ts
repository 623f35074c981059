/**
 * @module
 * Krackhardt's E-I index ("bridging", docs/metrics.md): (E − I) / (E + I), where E counts ties to
 * partners with a different attribute value (another region, another field/industry) and I ties
 * to partners with the same value. −1 = all ties inward, +1 = all ties outward.
 *
 * Ties are counted once per partner by default; `weighted` counts cooperations instead. A tie
 * whose other end has no value (unknown region or field) is neither E nor I and is left out; a node
 * without a value itself, or without any countable tie, gets null.
 */
import { NODE_KINDS, nullWhereNaN, type CompactGraph } from "../compact-graph";

/** The node attribute compared: region code, field/industry, organisation kind, or own values per node. */
export type EiAttribute = "region" | "sector" | "kind" | ReadonlyArray<string | number | null>;

export interface EiIndexOptions {
  /** The attribute compared. */
  attribute: EiAttribute;
  /** Count cooperations (edge weights) instead of ties (default `false`). */
  weighted?: boolean;
}

function attributeValues(cg: CompactGraph, attribute: EiAttribute, caller: string): ReadonlyArray<string | number | null> {
  if (attribute === "region") return cg.regions;
  if (attribute === "sector") return cg.sectors;
  if (attribute === "kind") return Array.from(cg.kinds, (code) => NODE_KINDS[code]);
  if (!Array.isArray(attribute) || attribute.length !== cg.order) {
    throw new Error(`${caller}: attribute must be "region", "sector", "kind" or one value per node`);
  }
  return attribute;
}

/**
 * E-I index per node, indexed like `cg.nodeIds`.
 *
 * @example
 * eiIndex(cg, { attribute: "region" }); // bridging across regions
 */
export function eiIndex(cg: CompactGraph, options: EiIndexOptions): Array<number | null> {
  return nullWhereNaN(eiIndexColumn(cg, options));
}

/** {@link eiIndex} as a typed column, NaN where it is null (no boxed number per node: the snapshot's form). */
export function eiIndexColumn(cg: CompactGraph, options: EiIndexOptions): Float64Array {
  const { weighted = false } = options;
  const values = attributeValues(cg, options.attribute, "eiIndex");
  const { order: n, offsets, neighbours, weights } = cg;
  const result = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const own = values[i];
    if (own === null || own === undefined) continue;
    let external = 0;
    let internal = 0;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const other = values[neighbours[p]];
      if (other === null || other === undefined) continue;
      const amount = weighted ? weights[p] : 1;
      if (other === own) internal += amount;
      else external += amount;
    }
    if (external + internal > 0) result[i] = (external - internal) / (external + internal);
  }
  return result;
}

/**
 * E-I index of the whole graph: over all ties whose two ends both have a value, E = ties across
 * values, I = ties within. Null when there is no such tie.
 *
 * @example
 * graphEiIndex(cg, { attribute: "region" }); // > 0: the region's ties are mostly outward
 */
export function graphEiIndex(cg: CompactGraph, options: EiIndexOptions): number | null {
  const { weighted = false } = options;
  const values = attributeValues(cg, options.attribute, "graphEiIndex");
  const { order: n, offsets, neighbours, weights } = cg;
  let external = 0;
  let internal = 0;
  for (let i = 0; i < n; i++) {
    const own = values[i];
    if (own === null || own === undefined) continue;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const j = neighbours[p];
      if (j <= i) continue; // each tie once
      const other = values[j];
      if (other === null || other === undefined) continue;
      const amount = weighted ? weights[p] : 1;
      if (other === own) internal += amount;
      else external += amount;
    }
  }
  return external + internal > 0 ? (external - internal) / (external + internal) : null;
}
