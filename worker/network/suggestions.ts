/**
 * @module
 * Match suggestions for isolated, peripheral and fading organisations (docs/metrics.md): partners of
 * the other side (companies for a non-profit, non-profits for a company), ranked by a documented,
 * explainable score. Each component is in [0, 1] and weighted:
 *
 * | component | weight | meaning |
 * |---|---|---|
 * | region    | 3 | same district 1; same state (our stand-in for "neighbouring") 0.5 |
 * | affinity  | 3 | share of the candidate's past partners that work in the target's field/industry |
 * | openness  | 2 | log(1 + candidate's partners) ÷ log(1 + most partners of any candidate) |
 * | recency   | 1 | candidate cooperated in the last 12 months of the window |
 * | adamicAdar| 2 | Adamic–Adar on the two-mode graph, normalised by the best candidate: Σ 1/log(deg w) over the target's peers w (organisations of its own side sharing a partner with it) that already cooperate with the candidate; 0 without ties |
 *
 * Existing partners are never suggested. Every non-zero component becomes a reason in words.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { addMonths } from "../graph/calendar";
import type { OrganisationMetrics } from "./compute";
import type { NetworkData } from "./load";

export const SUGGESTION_WEIGHTS = { region: 3, affinity: 3, openness: 2, recency: 1, adamicAdar: 2 } as const;
export const SUGGESTIONS_PER_ORGANISATION = 5;
const WEIGHT_KEYS = Object.keys(SUGGESTION_WEIGHTS) as (keyof typeof SUGGESTION_WEIGHTS)[];

export interface Suggestion {
  organisationId: number;
  name: string;
  kind: string;
  regionCode: string;
  score: number;
  components: Record<keyof typeof SUGGESTION_WEIGHTS, number>;
  reasons: string[];
  /** The same reasons as codes with parameters, for clients that word them in their language. */
  reasonCodes: ReasonCode[];
}

interface Candidate {
  id: number;
  name: string;
  kind: string;
  regionCode: string;
  sector: string | null;
  partners: number;
  last: string | null;
}

/**
 * The state of every region (its root in the region tree: a custom region below a district
 * belongs to the district's state, whatever its code), so that suggestions read exactly the
 * regions whose writes bump the state's revision (db/revisions.ts).
 */
export async function statesOfRegions(db: Db): Promise<Map<string, string>> {
  const rows = await db.all<{ code: string; root: string }>(sql`
    WITH RECURSIVE tree(code, root) AS (
      SELECT code, code FROM regions WHERE parent_code IS NULL
      UNION ALL SELECT r.code, tree.root FROM regions r JOIN tree ON r.parent_code = tree.code)
    SELECT code, root FROM tree`);
  return new Map(rows.map((r) => [r.code, r.root]));
}

/**
 * `column` (a region code) lies in one of `codes` (the regions of the scope's states), as a list
 * SQLite looks up in the organisations_region index instead of reading every partner row.
 */
function inRegions(column: SQL, codes: readonly string[]): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(codes)}))`;
}

const otherSide = (kind: string) => (kind === "company" ? "nonprofit" : "company");

interface StateCandidates {
  candidates: Candidate[];
  /** Per candidate: its past partners per field/industry, and in all. */
  sectorCounts: Map<number, Map<string, number>>;
  sectorTotals: Map<number, number>;
}

/**
 * Candidates of the given states, by states and their revisions: the districts of a state
 * computed one after another in an isolate (the recomputation queue's consumer) gather them once.
 * Every write that changes a candidate, its partners or their fields bumps the state's revision
 * (db/revisions.ts), so an entry of the current revisions is the data as it is now.
 */
const candidateCache = new Map<string, StateCandidates>();
const CANDIDATE_CACHE_ENTRIES = 2;

/**
 * Lets go of the gathered candidates: a large scope (a state, the country) copies its suggestions
 * and needs none, and two states' candidates (thousands of organisations with their partners'
 * fields) are memory its own computation can use.
 */
export function releaseStateCandidates(): void {
  candidateCache.clear();
}

async function stateCandidates(db: Db, states: string[], stateRegions: string[]): Promise<StateCandidates> {
  const revisions = await db.all<{ code: string; revision: number }>(sql`
    SELECT region_code AS code, revision FROM region_revisions WHERE region_code IN (SELECT value FROM json_each(${JSON.stringify(states)}))`);
  const key = JSON.stringify([states, revisions.sort((x, y) => x.code.localeCompare(y.code))]);
  const cached = candidateCache.get(key);
  if (cached) return cached;

  // Candidates: organisations of the scope's states with their all-time partner count and last date.
  const candidates = await db.all<Candidate>(sql`
    SELECT o.id, o.name, o.kind, o.region_code AS regionCode, CASE WHEN o.kind = 'company' THEN o.industry ELSE o.field END AS sector,
           count(DISTINCT p2.organisation_id) AS partners, max(c.date_agreed) AS last
    FROM organisations o
    LEFT JOIN cooperation_partners p1 ON p1.organisation_id = o.id
    LEFT JOIN cooperations c ON c.id = p1.cooperation_id AND c.deleted_at IS NULL AND c.status NOT IN ('cancelled', 'not_feasible')
    LEFT JOIN cooperation_partners p2 ON p2.cooperation_id = c.id AND p2.organisation_id <> o.id
    WHERE o.deleted_at IS NULL AND o.kind IN ('company', 'nonprofit') AND ${inRegions(sql`o.region_code`, stateRegions)}
    GROUP BY o.id`);
  // Affinity: for each candidate, how many past partners per field/industry.
  const sectorRows = await db.all<{ id: number; sector: string | null; n: number }>(sql`
    SELECT p1.organisation_id AS id, CASE WHEN o2.kind = 'company' THEN o2.industry ELSE o2.field END AS sector, count(*) AS n
    FROM organisations o1
    CROSS JOIN cooperation_partners p1 ON p1.organisation_id = o1.id -- CROSS: the state's organisations drive the join
    JOIN cooperations c ON c.id = p1.cooperation_id AND c.deleted_at IS NULL AND c.status NOT IN ('cancelled', 'not_feasible')
    JOIN cooperation_partners p2 ON p2.cooperation_id = c.id AND p2.organisation_id <> p1.organisation_id
    JOIN organisations o2 ON o2.id = p2.organisation_id
    WHERE ${inRegions(sql`o1.region_code`, stateRegions)}
    GROUP BY p1.organisation_id, sector`);
  const sectorCounts = new Map<number, Map<string, number>>();
  const sectorTotals = new Map<number, number>();
  for (const r of sectorRows) {
    if (!sectorCounts.has(r.id)) sectorCounts.set(r.id, new Map());
    if (r.sector) sectorCounts.get(r.id)!.set(r.sector, r.n);
    sectorTotals.set(r.id, (sectorTotals.get(r.id) ?? 0) + r.n);
  }
  const entry = { candidates, sectorCounts, sectorTotals };
  candidateCache.set(key, entry);
  if (candidateCache.size > CANDIDATE_CACHE_ENTRIES) candidateCache.delete(candidateCache.keys().next().value!);
  return entry;
}

/** Suggestions for every target (isolated/peripheral/fading organisation registered in the scope). */
export async function computeSuggestions(db: Db, data: NetworkData, metrics: OrganisationMetrics[]): Promise<Map<number, Suggestion[]>> {
  const result = new Map<number, Suggestion[]>();
  const targets = metrics.filter((m) => m.status !== "connected" && (m.kind === "nonprofit" || m.kind === "company"));
  if (targets.length === 0) return result;
  const stateOf = await statesOfRegions(db);
  const state = (code: string) => stateOf.get(code) ?? code;
  const organisations = Array.from(data.organisations); // a district's: at most a few thousand
  const states = new Set(organisations.filter((o) => o.inScope).map((o) => state(o.regionCode)));
  const stateRegions = [...stateOf].filter(([, root]) => states.has(root)).map(([code]) => code);

  const { candidates, sectorCounts, sectorTotals } = await stateCandidates(db, [...states].sort(), stateRegions);

  // Two-mode neighbourhoods from the window's ties.
  const adjacency = new Map<number, Set<number>>();
  const link = (x: number, y: number) => {
    if (!adjacency.has(x)) adjacency.set(x, new Set());
    adjacency.get(x)!.add(y);
  };
  for (const p of data.pairs) {
    link(p.a, p.b);
    link(p.b, p.a);
  }
  const degreeOf = (id: number) => adjacency.get(id)?.size ?? 0;
  const recentFrom = addMonths(data.window.to, -12);
  const orgInfo = new Map(organisations.map((o) => [o.id, o]));

  for (const target of targets) {
    const info = orgInfo.get(target.organisationId)!;
    const targetSector = info.kind === "company" ? info.industry : info.field;
    const partners = adjacency.get(target.organisationId) ?? new Set<number>();
    // Peers: same-side organisations sharing a partner with the target.
    const peers = new Set<number>();
    for (const p of partners) for (const w of adjacency.get(p) ?? []) if (w !== target.organisationId) peers.add(w);
    // The pool (candidates of the other side that are not partners yet) is walked twice, keeping
    // nothing per candidate — once for the normalisers, once keeping the best few (each score's
    // components are a short-lived object) — since a district's targets each rank thousands of
    // its state's candidates.
    const side = otherSide(target.kind);
    const inPool = (c: Candidate) => c.kind === side && !partners.has(c.id);
    const aa = new Map<number, number>();
    for (const w of peers) {
      const d = degreeOf(w);
      if (d < 2) continue;
      for (const c of adjacency.get(w) ?? []) aa.set(c, (aa.get(c) ?? 0) + 1 / Math.log(d));
    }
    let poolSize = 0;
    let maxPartners = 1;
    let maxAa = 0;
    for (const c of candidates) {
      if (!inPool(c)) continue;
      poolSize++;
      if (c.partners > maxPartners) maxPartners = c.partners;
      const a = aa.get(c.id) ?? 0;
      if (a > maxAa) maxAa = a;
    }
    if (poolSize === 0) continue;
    const componentsOf = (c: Candidate): Suggestion["components"] => {
      const total = sectorTotals.get(c.id) ?? 0;
      return {
        region: c.regionCode === target.regionCode ? 1 : state(c.regionCode) === state(target.regionCode) ? 0.5 : 0,
        affinity: targetSector && total ? (sectorCounts.get(c.id)?.get(targetSector) ?? 0) / total : 0,
        openness: Math.log(1 + c.partners) / Math.log(1 + maxPartners),
        recency: c.last && c.last >= recentFrom && c.last <= data.window.to ? 1 : 0,
        adamicAdar: maxAa > 0 ? (aa.get(c.id) ?? 0) / maxAa : 0,
      };
    };
    // The best SUGGESTIONS_PER_ORGANISATION by score, then more partners, then lower id.
    const best: { c: Candidate; score: number }[] = [];
    // Negative when (score, c) ranks before `other`.
    const order = (score: number, c: Candidate, other: { c: Candidate; score: number }) =>
      other.score - score || other.c.partners - c.partners || c.id - other.c.id;
    for (const c of candidates) {
      if (!inPool(c)) continue;
      const k = componentsOf(c);
      // Summed in the weights' order, as the components are listed.
      let score = 0;
      for (const key of WEIGHT_KEYS) score += SUGGESTION_WEIGHTS[key] * k[key];
      if (best.length === SUGGESTIONS_PER_ORGANISATION && order(score, c, best[best.length - 1]) >= 0) continue;
      let at = best.length;
      while (at > 0 && order(score, c, best[at - 1]) < 0) at--;
      best.splice(at, 0, { c, score });
      if (best.length > SUGGESTIONS_PER_ORGANISATION) best.pop();
    }
    result.set(
      target.organisationId,
      best.map(({ c, score }) => {
        const components = componentsOf(c);
        return {
          organisationId: c.id,
          name: c.name,
          kind: c.kind,
          regionCode: c.regionCode,
          score: Math.round(score * 1000) / 1000,
          components,
          ...explain(components, c, targetSector),
        };
      }),
    );
  }
  return result;
}

export type ReasonCode =
  | { code: "same_region"; params: { region: string } }
  | { code: "same_state"; params: { region: string } }
  | { code: "field_affinity"; params: { share: number; field: string } }
  | { code: "open_to_cooperation"; params: { partners: number } }
  | { code: "recently_active"; params: Record<string, never> }
  | { code: "shared_partners"; params: Record<string, never> };

const reasonText: { [K in ReasonCode["code"]]: (p: Extract<ReasonCode, { code: K }>["params"]) => string } = {
  same_region: (p) => `same region (${p.region})`,
  same_state: (p) => `same state, region ${p.region}`,
  field_affinity: (p) => `${Math.round(p.share * 100)} % of its past partners work in ${p.field}`,
  open_to_cooperation: (p) => `open to cooperation: ${p.partners} partner${p.partners === 1 ? "" : "s"} so far`,
  recently_active: () => "active in the last 12 months",
  shared_partners: () => "already works with organisations that share partners with this one",
};

function explain(k: Suggestion["components"], c: Candidate, sector: string | null): Pick<Suggestion, "reasons" | "reasonCodes"> {
  const codes: ReasonCode[] = [];
  if (k.region === 1) codes.push({ code: "same_region", params: { region: c.regionCode } });
  else if (k.region > 0) codes.push({ code: "same_state", params: { region: c.regionCode } });
  if (k.affinity > 0 && sector) codes.push({ code: "field_affinity", params: { share: k.affinity, field: sector } });
  if (c.partners > 0) codes.push({ code: "open_to_cooperation", params: { partners: c.partners } });
  if (k.recency) codes.push({ code: "recently_active", params: {} });
  if (k.adamicAdar > 0) codes.push({ code: "shared_partners", params: {} });
  return { reasonCodes: codes, reasons: codes.map((r) => (reasonText[r.code] as (p: unknown) => string)(r.params)) };
}
