/**
 * @module
 * The matching board of a marketplace (docs/marketplace.md, "Matching board"): every need × offer
 * of the event's registrations (approved, and pending ones marked as such) scored by a documented,
 * explainable formula. Each component is in [0, 1]; the score is their weighted mean in percent:
 *
 * | component | weight | meaning |
 * |---|---|---|
 * | type      | 4 | same contribution type 1; a related one (time ↔ know-how, goods ↔ transport) 0.5; else 0 — no suggestion |
 * | affinity  | 2 | share of the past cooperations (in the event's state) of companies of the offer's industry that were with non-profits of the need's field |
 * | tags      | 1 | overlap (Jaccard) of the two items' field/industry tags |
 * | distance  | 2 | both organisations in the same district 1; in the same state 0.5 |
 * | network   | 3 | the new tie's value for the region's network: the non-profit is isolated (or has never cooperated) 1, peripheral or fading 0.5; plus 0.5 when the two sit in different communities (neither isolated); at most 1; 0 for partners that already cooperate |
 *
 * score = round(100 × Σ weight × component ÷ Σ weight). Every non-zero component becomes a reason,
 * in words and as a code with parameters (the dashboard words codes in its language).
 *
 * {@link scoreBoard} is pure (unit-tested on a fixture); {@link loadBoardInput} reads D1.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import type { OrganisationStatus } from "../graph/metrics/status";
import { getSnapshot } from "../network/snapshots";
import { statesOfRegions } from "../network/suggestions";
import { DEFAULT_WINDOW_MONTHS, today, windowEndingOn } from "../network/window";

export const MATCH_WEIGHTS = { type: 4, affinity: 2, tags: 1, distance: 2, network: 3 } as const;
export type MatchComponent = keyof typeof MATCH_WEIGHTS;

export type ContributionType = "time" | "goods" | "know_how" | "premises" | "transport" | "network" | "money";

/** Types that can stand in for each other in a talk (type fit 0.5). */
const RELATED_TYPES: ReadonlyArray<readonly [ContributionType, ContributionType]> = [
  ["time", "know_how"],
  ["goods", "transport"],
];

/** One registration as the board sees it. */
export interface BoardParty {
  registrationId: number;
  side: "nonprofit" | "company";
  orgName: string;
  status: "approved" | "pending";
  /** The organisation it counts for (approved) or was matched to (pending); null for a new one. */
  organisationId: number | null;
  /** District (the organisation's region) and its state; null when unknown. */
  regionCode: string | null;
  stateCode: string | null;
  /** Field of work (non-profit) or industry (company), as registered or else as recorded. */
  sector: string | null;
  /** Status and community in the region's current network; null when not in it. */
  networkStatus: OrganisationStatus | null;
  community: number | null;
  /** Organisations it has ever cooperated with (cancelled and not-feasible cooperations aside). */
  partners: ReadonlySet<number>;
}

export interface BoardItem {
  id: number;
  registrationId: number;
  kind: "need" | "offer";
  contributionType: ContributionType;
  description: string;
  quantity: number | null;
  hours: number | null;
  wantedWhen: string | null;
  tags: string[];
}

/** Past cooperations between non-profits of a field and companies of an industry. */
export interface AffinityTable {
  /** `field|industry` → cooperations. */
  pairs: ReadonlyMap<string, number>;
  /** industry → cooperations of its companies with non-profits that have a field. */
  industries: ReadonlyMap<string, number>;
}

export interface BoardInput {
  parties: readonly BoardParty[];
  items: readonly BoardItem[];
  affinity: AffinityTable;
}

export type MatchReason =
  | { code: "same_type"; params: { type: ContributionType } }
  | { code: "related_type"; params: { need: ContributionType; offer: ContributionType } }
  | { code: "sector_affinity"; params: { share: number; cooperations: number; of: number; field: string; industry: string } }
  | { code: "shared_tags"; params: { tags: string[] } }
  | { code: "same_district"; params: { region: string } }
  | { code: "same_state"; params: { region: string } }
  | { code: "first_tie"; params: { organisation: string } }
  | { code: "peripheral"; params: { organisation: string; status: "peripheral" | "fading" } }
  | { code: "bridges_communities"; params: Record<string, never> }
  | { code: "already_partners"; params: Record<string, never> }
  | { code: "pending_registration"; params: { organisation: string } };

export interface Match {
  needItemId: number;
  offerItemId: number;
  score: number;
  components: Record<MatchComponent, number>;
  reasons: string[];
  reasonCodes: MatchReason[];
  /** One of the two registrations is not approved yet. */
  pending: boolean;
}

const affinityKey = (field: string, industry: string) => `${field}|${industry}`;

export function typeFit(need: ContributionType, offer: ContributionType): number {
  if (need === offer) return 1;
  return RELATED_TYPES.some(([a, b]) => (a === need && b === offer) || (a === offer && b === need)) ? 0.5 : 0;
}

const normTag = (t: string) => t.trim().toLowerCase();

/** Tags of an item as a list: comma-separated, trimmed, lower case, without empties or repeats. */
export function parseTags(stored: string): string[] {
  return [...new Set(stored.split(",").map(normTag).filter(Boolean))];
}

function jaccard(a: readonly string[], b: readonly string[]): { value: number; shared: string[] } {
  if (a.length === 0 || b.length === 0) return { value: 0, shared: [] };
  const setB = new Set(b);
  const shared = a.filter((t) => setB.has(t));
  const union = new Set([...a, ...b]).size;
  return { value: shared.length / union, shared };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Score of one need × offer of two parties (the board suggests only pairs whose types fit). */
export function scorePair(need: BoardItem, offer: BoardItem, needParty: BoardParty, offerParty: BoardParty, affinity: AffinityTable): Match {
  const reasons: MatchReason[] = [];
  const type = typeFit(need.contributionType, offer.contributionType);
  if (type === 1) reasons.push({ code: "same_type", params: { type: need.contributionType } });
  else if (type > 0) reasons.push({ code: "related_type", params: { need: need.contributionType, offer: offer.contributionType } });

  // Affinity reads the non-profit's field and the company's industry, whichever side needs.
  const nonprofit = needParty.side === "nonprofit" ? needParty : offerParty.side === "nonprofit" ? offerParty : null;
  const company = offerParty.side === "company" ? offerParty : needParty.side === "company" ? needParty : null;
  let affinityValue = 0;
  if (nonprofit?.sector && company?.sector && nonprofit !== company) {
    const of = affinity.industries.get(company.sector) ?? 0;
    const n = affinity.pairs.get(affinityKey(nonprofit.sector, company.sector)) ?? 0;
    if (of > 0 && n > 0) {
      affinityValue = n / of;
      reasons.push({ code: "sector_affinity", params: { share: round3(affinityValue), cooperations: n, of, field: nonprofit.sector, industry: company.sector } });
    }
  }

  const tagOverlap = jaccard(need.tags, offer.tags);
  if (tagOverlap.value > 0) reasons.push({ code: "shared_tags", params: { tags: tagOverlap.shared } });

  let distance = 0;
  if (needParty.regionCode && offerParty.regionCode) {
    if (needParty.regionCode === offerParty.regionCode) {
      distance = 1;
      reasons.push({ code: "same_district", params: { region: needParty.regionCode } });
    } else if (needParty.stateCode && needParty.stateCode === offerParty.stateCode) {
      distance = 0.5;
      reasons.push({ code: "same_state", params: { region: needParty.stateCode } });
    }
  }

  let network = 0;
  const known = needParty.organisationId != null && offerParty.organisationId != null;
  if (known && needParty.partners.has(offerParty.organisationId!)) {
    reasons.push({ code: "already_partners", params: {} });
  } else {
    // The non-profit(s) of the pair: an isolated one gains its first tie, a peripheral one a second.
    let reach = 0;
    for (const p of [needParty, offerParty]) {
      if (p.side !== "nonprofit") continue;
      const first = p.networkStatus === "isolated" || (p.networkStatus === null && p.partners.size === 0);
      if (first && reach < 1) {
        reach = 1;
        reasons.push({ code: "first_tie", params: { organisation: p.orgName } });
      } else if ((p.networkStatus === "peripheral" || p.networkStatus === "fading") && reach < 0.5) {
        reach = 0.5;
        reasons.push({ code: "peripheral", params: { organisation: p.orgName, status: p.networkStatus } });
      }
    }
    // An isolated organisation forms a community of its own: only two tied-in ones are bridged.
    const inCommunity = (p: BoardParty) => p.community != null && p.networkStatus !== "isolated";
    let bridge = 0;
    if (inCommunity(needParty) && inCommunity(offerParty) && needParty.community !== offerParty.community) {
      bridge = 0.5;
      reasons.push({ code: "bridges_communities", params: {} });
    }
    network = Math.min(1, reach + bridge);
  }

  const pending = needParty.status === "pending" || offerParty.status === "pending";
  for (const p of [needParty, offerParty]) if (p.status === "pending") reasons.push({ code: "pending_registration", params: { organisation: p.orgName } });

  const components: Record<MatchComponent, number> = { type, affinity: round3(affinityValue), tags: round3(tagOverlap.value), distance, network };
  const w = MATCH_WEIGHTS;
  const weighted = w.type * type + w.affinity * components.affinity + w.tags * components.tags + w.distance * distance + w.network * network;
  return {
    needItemId: need.id,
    offerItemId: offer.id,
    score: Math.round((100 * weighted) / WEIGHT_SUM),
    components,
    // Worded only when read: a large board scores many more pairs than it shows.
    get reasons() {
      return reasons.map(reasonText);
    },
    reasonCodes: reasons,
    pending,
  };
}

const WEIGHT_SUM = Object.values(MATCH_WEIGHTS).reduce((s, w) => s + w, 0);

const TYPE_WORDS: Record<ContributionType, string> = {
  time: "time/volunteers",
  goods: "goods",
  know_how: "know-how",
  premises: "premises",
  transport: "transport",
  network: "network",
  money: "money",
};

/** A reason in English words (the API's `reasons`; the dashboard words `reasonCodes` itself). */
export function reasonText(r: MatchReason): string {
  switch (r.code) {
    case "same_type":
      return `both about ${TYPE_WORDS[r.params.type]}`;
    case "related_type":
      return `${TYPE_WORDS[r.params.offer]} offered for a need of ${TYPE_WORDS[r.params.need]}`;
    case "sector_affinity":
      return `${Math.round(r.params.share * 100)} % of past cooperations of companies in ${r.params.industry} were with non-profits in ${r.params.field} (${r.params.cooperations} of ${r.params.of})`;
    case "shared_tags":
      return `shared tags: ${r.params.tags.join(", ")}`;
    case "same_district":
      return `same district (${r.params.region})`;
    case "same_state":
      return `same state (${r.params.region})`;
    case "first_tie":
      return `first tie for ${r.params.organisation}, which has no partner yet`;
    case "peripheral":
      return `${r.params.organisation} is ${r.params.status === "fading" ? "losing its ties" : "on the edge of the network (one partner)"}`;
    case "bridges_communities":
      return "bridges two communities of the network";
    case "already_partners":
      return "already partners (no new tie)";
    case "pending_registration":
      return `${r.params.organisation}: registration not yet approved`;
  }
}

/**
 * Every fitting need × offer of different registrations and organisations, best first (score,
 * then need and offer id, so the order is stable).
 */
export function scoreBoard(input: BoardInput): Match[] {
  const parties = new Map(input.parties.map((p) => [p.registrationId, p]));
  const needs = input.items.filter((i) => i.kind === "need" && parties.has(i.registrationId));
  const offers = input.items.filter((i) => i.kind === "offer" && parties.has(i.registrationId));
  const out: Match[] = [];
  for (const need of needs) {
    const np = parties.get(need.registrationId)!;
    for (const offer of offers) {
      const op = parties.get(offer.registrationId)!;
      if (op === np || (np.organisationId != null && np.organisationId === op.organisationId)) continue;
      if (typeFit(need.contributionType, offer.contributionType) === 0) continue;
      out.push(scorePair(need, offer, np, op, input.affinity));
    }
  }
  return out.sort((a, b) => b.score - a.score || a.needItemId - b.needItemId || a.offerItemId - b.offerItemId);
}

/** What {@link loadBoardInput} needs to know about the event. */
export interface BoardEvent {
  id: number;
  regionCode: string;
}

/**
 * Reads the board's input: the event's approved and pending registrations with their items, the
 * organisations' regions, partners and place in the event region's current network snapshot
 * (default window ending today), and the field × industry affinity of the event's state.
 */
export async function loadBoardInput(db: Db, event: BoardEvent): Promise<BoardInput> {
  const regs = await db.all<{
    id: number;
    side: "nonprofit" | "company";
    orgName: string;
    status: "approved" | "pending";
    organisationId: number | null;
    regionCode: string | null;
    sector: string | null;
  }>(sql`
    SELECT r.id, r.side, r.org_name AS orgName, r.status,
           CASE WHEN r.status = 'approved' THEN r.organisation_id ELSE r.candidate_organisation_id END AS organisationId,
           o.region_code AS regionCode,
           COALESCE(CASE WHEN r.side = 'company' THEN r.industry ELSE r.field END,
                    CASE WHEN r.side = 'company' THEN o.industry ELSE o.field END) AS sector
    FROM registrations r
    LEFT JOIN organisations o ON o.id = CASE WHEN r.status = 'approved' THEN r.organisation_id ELSE r.candidate_organisation_id END
                             AND o.deleted_at IS NULL
    WHERE r.event_id = ${event.id} AND r.status IN ('approved', 'pending')
    ORDER BY r.id`);
  const items = await db.all<Omit<BoardItem, "tags"> & { tags: string }>(sql`
    SELECT i.id, i.registration_id AS registrationId, i.kind, i.contribution_type AS contributionType, i.description,
           i.quantity, i.hours, i.wanted_when AS wantedWhen, i.tags
    FROM registration_items i JOIN registrations r ON r.id = i.registration_id
    WHERE r.event_id = ${event.id} AND r.status IN ('approved', 'pending')
    ORDER BY i.id`);

  const orgIds = [...new Set(regs.map((r) => r.organisationId).filter((id): id is number => id != null))];
  const orgList = JSON.stringify(orgIds);
  const partnerRows = orgIds.length
    ? await db.all<{ id: number; partner: number }>(sql`
        SELECT DISTINCT p1.organisation_id AS id, p2.organisation_id AS partner
        FROM cooperation_partners p1
        JOIN cooperations c ON c.id = p1.cooperation_id AND c.deleted_at IS NULL AND c.status NOT IN ('cancelled', 'not_feasible')
        JOIN cooperation_partners p2 ON p2.cooperation_id = c.id AND p2.organisation_id <> p1.organisation_id
        WHERE p1.organisation_id IN (SELECT value FROM json_each(${orgList}))`)
    : [];
  const partners = new Map<number, Set<number>>();
  for (const r of partnerRows) {
    if (!partners.has(r.id)) partners.set(r.id, new Set());
    partners.get(r.id)!.add(r.partner);
  }

  // The region's current network: the status and community of each registered organisation.
  const snapshot = await getSnapshot(db, event.regionCode, windowEndingOn(today(), DEFAULT_WINDOW_MONTHS));
  const metricRows = orgIds.length
    ? await db.all<{ id: number; status: OrganisationStatus; community: number | null }>(sql`
        SELECT organisation_id AS id, status, json_extract(metrics, '$.community') AS community
        FROM organisation_metrics
        WHERE snapshot_id = ${snapshot.id} AND organisation_id IN (SELECT value FROM json_each(${orgList}))`)
    : [];
  const inNetwork = new Map(metricRows.map((m) => [m.id, m]));

  const stateOf = await statesOfRegions(db);
  const eventState = stateOf.get(event.regionCode) ?? event.regionCode;
  const stateRegions = [...stateOf].filter(([, root]) => root === eventState).map(([code]) => code);
  const affinityRows = await db.all<{ field: string; industry: string; n: number }>(sql`
    SELECT np.field AS field, co.industry AS industry, count(DISTINCT c.id) AS n
    FROM cooperations c
    JOIN cooperation_partners pn ON pn.cooperation_id = c.id
    JOIN organisations np ON np.id = pn.organisation_id AND np.kind = 'nonprofit' AND np.field IS NOT NULL
    JOIN cooperation_partners pc ON pc.cooperation_id = c.id
    JOIN organisations co ON co.id = pc.organisation_id AND co.kind = 'company' AND co.industry IS NOT NULL
    WHERE c.deleted_at IS NULL AND c.status NOT IN ('cancelled', 'not_feasible')
      AND c.region_code IN (SELECT value FROM json_each(${JSON.stringify(stateRegions)}))
    GROUP BY np.field, co.industry`);
  const pairs = new Map<string, number>();
  const industries = new Map<string, number>();
  for (const r of affinityRows) {
    pairs.set(affinityKey(r.field, r.industry), r.n);
    industries.set(r.industry, (industries.get(r.industry) ?? 0) + r.n);
  }

  return {
    parties: regs.map((r) => {
      const m = r.organisationId != null ? inNetwork.get(r.organisationId) : undefined;
      return {
        registrationId: r.id,
        side: r.side,
        orgName: r.orgName,
        status: r.status,
        organisationId: r.organisationId,
        regionCode: r.regionCode,
        stateCode: r.regionCode ? (stateOf.get(r.regionCode) ?? null) : null,
        sector: r.sector,
        networkStatus: m?.status ?? null,
        community: m?.community ?? null,
        partners: (r.organisationId != null && partners.get(r.organisationId)) || new Set<number>(),
      };
    }),
    items: items.map((i) => ({ ...i, tags: parseTags(i.tags) })),
    affinity: { pairs, industries },
  };
}

/** A pinned talk as {@link slotConflicts} reads it. */
export interface PinnedTalk {
  needItemId: number;
  offerItemId: number;
  talkSlot: string | null;
  moderatorId: number | null;
}

export interface SlotConflict {
  talkSlot: string;
  /** The participant (registration) or the moderator booked twice at that time. */
  registrationId: number | null;
  moderatorId: number | null;
  talks: { needItemId: number; offerItemId: number }[];
}

/**
 * Double bookings among pinned talks: a participant or a moderator with two talks at the same
 * time. (Only equal start times count: the board knows no talk lengths.)
 */
export function slotConflicts(talks: readonly PinnedTalk[], registrationOf: (itemId: number) => number): SlotConflict[] {
  const groups = new Map<string, SlotConflict>();
  const put = (key: string, base: Omit<SlotConflict, "talks">, t: PinnedTalk) => {
    const g = groups.get(key) ?? { ...base, talks: [] };
    g.talks.push({ needItemId: t.needItemId, offerItemId: t.offerItemId });
    groups.set(key, g);
  };
  for (const t of talks) {
    if (!t.talkSlot) continue;
    for (const r of new Set([registrationOf(t.needItemId), registrationOf(t.offerItemId)])) put(`${t.talkSlot} r${r}`, { talkSlot: t.talkSlot, registrationId: r, moderatorId: null }, t);
    if (t.moderatorId != null) put(`${t.talkSlot} m${t.moderatorId}`, { talkSlot: t.talkSlot, registrationId: null, moderatorId: t.moderatorId }, t);
  }
  // By time; participants before moderators.
  const order = (g: SlotConflict) => (g.registrationId != null ? g.registrationId : Number.MAX_SAFE_INTEGER / 2 + (g.moderatorId ?? 0));
  return [...groups.values()].filter((g) => g.talks.length > 1).sort((a, b) => a.talkSlot.localeCompare(b.talkSlot) || order(a) - order(b));
}
