/**
 * @module
 * Density: the share of possible ties that exist. One-mode density counts all pairs of
 * organisations (networkx `density`); where the network is company–non-profit, only
 * company–non-profit pairs are possible, so the bipartite density (networkx
 * `bipartite.density(G, companies)`) is the fair figure (docs/metrics.md).
 */
import { NODE_KINDS, type CompactGraph } from "../compact-graph";

const COMPANY = NODE_KINDS.indexOf("company");
const NONPROFIT = NODE_KINDS.indexOf("nonprofit");

/**
 * 2m / (n(n − 1)); 0 for fewer than two nodes.
 *
 * @example
 * density(cg); // 0.002 — two in a thousand possible ties exist
 */
export function density(cg: CompactGraph): number {
  const n = cg.order;
  if (n <= 1 || cg.size === 0) return 0;
  return (2 * cg.size) / (n * (n - 1));
}

/**
 * Bipartite density: ties ÷ (companies × non-profits).
 *
 * Defined (non-null) only when the graph is company–non-profit: every tie joins a company and a
 * non-profit. Organisations of other kinds may be present as isolates and count on neither side
 * (networkx would count them on the non-company side; with companies and non-profits only, the
 * two agree). Returns 0 for a company–non-profit graph without ties, like networkx.
 *
 * @example
 * bipartiteDensity(cg) ?? density(cg); // the fair density figure for a region
 */
export function bipartiteDensity(cg: CompactGraph): number | null {
  const { order: n, offsets, neighbours, kinds } = cg;
  let companies = 0;
  let nonprofits = 0;
  for (let i = 0; i < n; i++) {
    if (kinds[i] === COMPANY) companies++;
    else if (kinds[i] === NONPROFIT) nonprofits++;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const pair = kinds[i] === COMPANY ? NONPROFIT : kinds[i] === NONPROFIT ? COMPANY : -1;
      if (kinds[neighbours[p]] !== pair) return null;
    }
  }
  if (cg.size === 0) return 0;
  return cg.size / (companies * nonprofits);
}
