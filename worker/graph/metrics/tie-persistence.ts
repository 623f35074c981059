/**
 * @module
 * Tie persistence: the share of an organisation's partners with whom it cooperated in at least
 * two distinct calendar years, or with a recorded follow-up (a cooperation marked as follow-up of
 * an earlier one of the same pair). One-off deals are the norm at marketplaces; ties that recur
 * are the social capital the seed claims (docs/metrics.md).
 */
import { edgePosition, type CompactGraph } from "../compact-graph";

/** The cooperation history of one pair of organisations (ids). */
export interface PairYears {
  a: number;
  b: number;
  /** Calendar years of the pair's cooperations (repeats allowed). */
  years: ReadonlyArray<number>;
  /** Whether any of the pair's cooperations is a follow-up of an earlier one. */
  followUp?: boolean;
}

/**
 * Whether a tie with these cooperation years and follow-up flag is persistent.
 *
 * @example
 * isPersistentTie([2023, 2023]); // false
 * isPersistentTie([2023, 2024]); // true
 */
export function isPersistentTie(years: ReadonlyArray<number>, followUp = false): boolean {
  if (followUp) return true;
  for (let k = 1; k < years.length; k++) if (years[k] !== years[0]) return true;
  return false;
}

/**
 * Persistence flag per edge, aligned with `cg.neighbours` (1 = persistent). Histories of the same
 * pair given in several entries are combined; histories of pairs that are not partners in the
 * graph (e.g. older cooperations outside the window) are ignored.
 *
 * @throws if a pair names an organisation that is not in the graph.
 *
 * @example
 * const flags = persistentTies(cg, pairs); // flags[p] for the edge at cg.neighbours[p]
 */
export function persistentTies(cg: CompactGraph, pairs: ReadonlyArray<PairYears>): Uint8Array {
  const flags = new Uint8Array(cg.neighbours.length);
  // First year seen per edge (NaN: none yet); a second, different year makes the tie persistent.
  const firstYear = new Float64Array(cg.neighbours.length).fill(NaN);
  for (const pair of pairs) {
    const a = indexOf(cg, pair.a);
    const b = indexOf(cg, pair.b);
    // The state of a pair lives at its position in the row of its lower index, whichever way round it is given.
    const pa = a === b ? -1 : edgePosition(cg, Math.min(a, b), Math.max(a, b));
    if (pa < 0) continue;
    let persistent = flags[pa] === 1 || pair.followUp === true;
    for (const year of pair.years) {
      if (!Number.isInteger(year)) {
        throw new Error(`persistentTies: year ${String(year)} of pair ${pair.a}–${pair.b} is not an integer`);
      }
      if (Number.isNaN(firstYear[pa])) firstYear[pa] = year;
      else if (firstYear[pa] !== year) persistent = true;
    }
    if (persistent) flags[pa] = flags[edgePosition(cg, Math.max(a, b), Math.min(a, b))] = 1;
  }
  return flags;
}

function indexOf(cg: CompactGraph, id: number): number {
  const i = cg.index.get(id);
  if (i === undefined) throw new Error(`persistentTies: organisation ${id} is not in the graph`);
  return i;
}

/**
 * Share of each node's partners (in the graph) whose tie is persistent, indexed like
 * `cg.nodeIds`; null for nodes without partners. Partners without any history entry count as not
 * persistent.
 *
 * @example
 * tiePersistence(cg, [{ a: 1, b: 2, years: [2023, 2024] }, { a: 1, b: 3, years: [2024] }]);
 * // organisation 1: 0.5
 */
export function tiePersistence(cg: CompactGraph, pairs: ReadonlyArray<PairYears>): Array<number | null> {
  const flags = persistentTies(cg, pairs);
  const { order: n, offsets } = cg;
  const result: Array<number | null> = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    const partners = offsets[i + 1] - offsets[i];
    if (partners === 0) continue;
    let persistent = 0;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) persistent += flags[p];
    result[i] = persistent / partners;
  }
  return result;
}
