/**
 * @module
 * Organisation status for coordinators (docs/metrics.md): whom to invite or introduce before the next
 * event. The first rule that applies wins:
 *
 * 1. `isolated`   — no cooperation in the window (no partner in the window's graph) and no event
 *                   organised in the window;
 * 2. `peripheral` — exactly one partner and no event organised in the window;
 * 3. `fading`     — its last activity (the later of its last cooperation and the last event it
 *                   organised in the window) is older than 12 months before the window end
 *                   (strictly before the window end minus 12 calendar months; an unknown date is no
 *                   evidence) and none of its ties recurs (no partner with cooperations in two
 *                   distinct years or a follow-up, see `isPersistentTie`);
 * 4. `connected`  — everything else.
 *
 * So an organisation with a single, old partner is `peripheral`: one partner is the more basic
 * problem, and the match suggestions target isolated and peripheral organisations. An organiser
 * (a volunteer agency, a chamber) brings others together at its events without making deals of
 * its own: organising is its activity, so it is a broker, never `isolated` or `peripheral` while
 * it organises (its broker score, worker/network/broker-score.ts, says how many ties it brokered).
 */
import { addMonths, normaliseIsoDate } from "../calendar";
import { edgePosition, type CompactGraph } from "../compact-graph";
import { persistentTies, type PairYears } from "./tie-persistence";

export type OrganisationStatus = "isolated" | "peripheral" | "fading" | "connected";

/** What the status of one organisation depends on. */
export interface StatusFacts {
  /** Distinct partners in the window. */
  partners: number;
  /** Date (`YYYY-MM-DD`) of its last cooperation; null if unknown (then it is never `fading`). */
  lastCooperation: string | null;
  /** Whether any of its ties recurs (two distinct years or a follow-up). */
  recurring: boolean;
  /** Date (`YYYY-MM-DD`) of the last event it organised in the window; null or absent if none. */
  lastOrganised?: string | null;
}

/** The cooperation dates of one pair of organisations (ids). */
export interface PairHistory {
  a: number;
  b: number;
  /** Dates (`YYYY-MM-DD`) of the pair's cooperations. */
  dates: ReadonlyArray<string>;
  /** Whether any of the pair's cooperations is a follow-up of an earlier one. */
  followUp?: boolean;
}

/** Months without cooperation after which an organisation without recurring ties is `fading`. */
export const FADING_AFTER_MONTHS = 12;

/**
 * The status of one organisation (rules and precedence in the module comment).
 *
 * @example
 * classifyStatus({ partners: 3, lastCooperation: "2023-01-10", recurring: false }, "2024-06-30"); // "fading"
 */
export function classifyStatus(facts: StatusFacts, windowEnd: string): OrganisationStatus {
  const organised = facts.lastOrganised == null ? null : normaliseIsoDate(facts.lastOrganised);
  if (organised === null) {
    if (facts.partners <= 0) return "isolated";
    if (facts.partners === 1) return "peripheral";
  }
  const cutoff = addMonths(windowEnd, -FADING_AFTER_MONTHS);
  const cooperated = facts.partners > 0 && facts.lastCooperation !== null ? normaliseIsoDate(facts.lastCooperation) : null;
  // With partners but no known cooperation date there is no evidence of fading.
  if (facts.partners > 0 && cooperated === null) return "connected";
  const last = cooperated !== null && (organised === null || cooperated > organised) ? cooperated : organised;
  if (!facts.recurring && last !== null && last < cutoff) return "fading";
  return "connected";
}

/**
 * Status of every node (indexed like `cg.nodeIds`) from the pairs' cooperation histories. Partners
 * are the node's partners in the graph; its last cooperation is the latest date not after
 * `windowEnd` among the histories of those ties.
 *
 * @throws if a pair names an organisation that is not in the graph or a date is not an ISO date.
 *
 * @example
 * organisationStatus(cg, [{ a: 1, b: 2, dates: ["2024-03-01"] }], "2024-12-31");
 */
export function organisationStatus(
  cg: CompactGraph,
  pairs: ReadonlyArray<PairHistory>,
  windowEnd: string,
): OrganisationStatus[] {
  const end = normaliseIsoDate(windowEnd);
  const { order: n, offsets, index } = cg;
  const last: Array<string | null> = new Array(n).fill(null);
  const years: PairYears[] = [];
  for (const pair of pairs) {
    const a = index.get(pair.a);
    const b = index.get(pair.b);
    if (a === undefined || b === undefined) {
      throw new Error(`organisationStatus: pair ${pair.a}–${pair.b} names an organisation that is not in the graph`);
    }
    const isTie = a !== b && edgePosition(cg, a, b) >= 0;
    const pairYears: number[] = [];
    for (const raw of pair.dates) {
      const date = normaliseIsoDate(raw);
      if (date > end) continue;
      pairYears.push(Number(date.slice(0, 4)));
      if (!isTie) continue;
      if (last[a] === null || date > last[a]!) last[a] = date;
      if (last[b] === null || date > last[b]!) last[b] = date;
    }
    years.push({ a: pair.a, b: pair.b, years: pairYears, followUp: pair.followUp });
  }
  const flags = persistentTies(cg, years);

  const result: OrganisationStatus[] = new Array(n);
  for (let i = 0; i < n; i++) {
    let recurring = false;
    for (let p = offsets[i]; p < offsets[i + 1] && !recurring; p++) recurring = flags[p] === 1;
    result[i] = classifyStatus(
      { partners: offsets[i + 1] - offsets[i], lastCooperation: last[i], recurring },
      end,
    );
  }
  return result;
}
