/**
 * @module
 * An event's own results (docs/marketplace.md, "The event's results"): the deals made there and
 * how far they were fulfilled, the ties that are new, the organisations that found their first
 * partner, and the needs that found no offer. Unsuppressed — the organiser's view; anonymous
 * callers get these figures through worker/privacy/event-results.ts.
 *
 * - A *deal* is a cooperation of the event (not deleted), whatever its status; the fulfilment rate
 *   is done ÷ all deals, as in the region's metrics.
 * - A *tie* is a pair of partners of an active deal (agreed, done, ongoing), as in the network. It
 *   is *new* when the pair had no active cooperation agreed before the event's date.
 * - An organisation *found its first partner* when it is a partner of an active deal of the event
 *   and had no active cooperation agreed before the event's date.
 * - A *need* is a need item of an approved registration. It *found an offer* when a deal of the
 *   event that was not cancelled names it, or — for deals that name no item (written from
 *   scratch, or entered as a cooperation of the event) — when such a deal has the need's
 *   organisation as a partner and its contribution type.
 */
import { sql } from "drizzle-orm";
import { readTogether, type Db } from "../db/client";
import { notFound } from "../lib/errors";

export const DEAL_STATUSES = ["agreed", "done", "ongoing", "cancelled", "not_feasible"] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];
const ACTIVE: readonly string[] = ["agreed", "done", "ongoing"];

export interface ResultsEvent {
  id: number;
  title: string;
  date: string;
  regionCode: string;
}

export interface NamedOrganisation {
  id: number;
  name: string;
  kind: string;
  isPublic: boolean;
}

/** What the figures are computed from, with who stands behind each (for the public variant). */
export interface EventResultsData {
  event: ResultsEvent;
  deals: { id: number; status: DealStatus; regionCode: string; month: string; partners: number[] }[];
  organisations: Map<number, NamedOrganisation>;
  /** Pairs (smaller id first) of the event's active deals, with whether they are new. */
  ties: { a: number; b: number; isNew: boolean }[];
  /** Partners of the event's active deals, with whether the event gave them their first tie. */
  partners: { id: number; first: boolean }[];
  needs: { itemId: number; organisationId: number; contributionType: string; description: string; met: boolean }[];
  followUps: { total: number; answered: number; overdue: number };
}

/** The event's figures, unsuppressed. */
export interface EventResults {
  event: ResultsEvent;
  deals: { total: number; active: number; byStatus: Record<DealStatus, number>; fulfilmentRate: number | null };
  ties: { total: number; new: number; earlier: number };
  partners: { total: number; firstPartner: number };
  needs: { total: number; met: number; unmet: number; unmetByType: Record<string, number> };
  followUps: { total: number; answered: number; overdue: number };
  newTies: { a: NamedOrganisation; b: NamedOrganisation }[];
  firstPartners: NamedOrganisation[];
  unmetNeeds: { itemId: number; organisation: NamedOrganisation; contributionType: string; description: string }[];
}

/** The marketplace event (404 for another kind, a deleted or unknown event). */
export async function marketplaceEvent(db: Db, eventId: number): Promise<ResultsEvent> {
  const [row] = await db.all<ResultsEvent>(sql`SELECT id, title, date, region_code AS regionCode FROM events
    WHERE id = ${eventId} AND kind = 'marketplace' AND deleted_at IS NULL`);
  if (!row) throw notFound("Marketplace");
  return row;
}

/** Reads what an event's results are computed from (a few queries in one batch). */
export async function loadEventResults(db: Db, event: ResultsEvent, today = new Date().toISOString().slice(0, 10)): Promise<EventResultsData> {
  const eventCoops = sql`SELECT id FROM cooperations WHERE event_id = ${event.id} AND deleted_at IS NULL`;
  // Partners of the event's deals, and for each the partners of its earlier active cooperations.
  const [deals, partnerRows, earlierRows, needRows, followUps] = await readTogether(db, [
    sql`SELECT id, status, region_code AS regionCode, substr(date_agreed, 1, 7) AS month, contribution_types AS types
      FROM cooperations WHERE event_id = ${event.id} AND deleted_at IS NULL ORDER BY id`,
    sql`SELECT cp.cooperation_id AS coop, o.id, o.name, o.kind, o.is_public AS isPublic FROM cooperation_partners cp
      JOIN organisations o ON o.id = cp.organisation_id WHERE cp.cooperation_id IN (${eventCoops}) ORDER BY cp.cooperation_id, o.id`,
    sql`SELECT DISTINCT mine.organisation_id AS a, other.organisation_id AS b FROM cooperation_partners mine
      JOIN cooperations c ON c.id = mine.cooperation_id
      JOIN cooperation_partners other ON other.cooperation_id = c.id AND other.organisation_id <> mine.organisation_id
      WHERE mine.organisation_id IN (SELECT organisation_id FROM cooperation_partners WHERE cooperation_id IN (${eventCoops}))
        AND c.deleted_at IS NULL AND c.status IN ('agreed', 'done', 'ongoing') AND c.date_agreed < ${event.date}
        AND (c.event_id IS NULL OR c.event_id <> ${event.id})`,
    sql`SELECT ri.id AS itemId, r.organisation_id AS organisationId, o.name, o.kind, o.is_public AS isPublic,
        ri.contribution_type AS contributionType, ri.description,
        EXISTS (SELECT 1 FROM cooperations c LEFT JOIN event_deals d ON d.cooperation_id = c.id
          WHERE c.deleted_at IS NULL AND c.status <> 'cancelled' AND c.event_id = ${event.id}
            AND (d.need_item_id = ri.id OR (d.need_item_id IS NULL
              AND EXISTS (SELECT 1 FROM cooperation_partners cp WHERE cp.cooperation_id = c.id AND cp.organisation_id = r.organisation_id)
              AND instr(',' || c.contribution_types || ',', ',' || ri.contribution_type || ',') > 0))) AS met
      FROM registration_items ri JOIN registrations r ON r.id = ri.registration_id JOIN organisations o ON o.id = r.organisation_id
      WHERE r.event_id = ${event.id} AND r.status = 'approved' AND ri.kind = 'need' ORDER BY ri.id`,
    sql`SELECT count(*) AS total, count(f.answered_at) AS answered,
        sum(CASE WHEN f.answered_at IS NULL AND f.due_on < ${today} THEN 1 ELSE 0 END) AS overdue
      FROM follow_up_requests f WHERE f.cooperation_id IN (${eventCoops})`,
  ]);

  const organisations = new Map<number, NamedOrganisation>();
  const partnersOf = new Map<number, number[]>();
  const remember = (r: Record<string, unknown>) => {
    const id = r.id as number;
    if (!organisations.has(id)) organisations.set(id, { id, name: r.name as string, kind: r.kind as string, isPublic: r.isPublic === 1 });
    return id;
  };
  for (const r of partnerRows) {
    const list = partnersOf.get(r.coop as number) ?? [];
    list.push(remember(r));
    partnersOf.set(r.coop as number, list);
  }
  const earlier = new Set(earlierRows.map((r) => pairKey(r.a as number, r.b as number)));
  const hadTie = new Set(earlierRows.map((r) => r.a as number));

  const dealList = deals.map((d) => ({
    id: d.id as number,
    status: d.status as DealStatus,
    regionCode: d.regionCode as string,
    month: d.month as string,
    partners: partnersOf.get(d.id as number) ?? [],
  }));
  const ties = new Map<string, { a: number; b: number; isNew: boolean }>();
  const partners = new Map<number, { id: number; first: boolean }>();
  for (const d of dealList) {
    if (!ACTIVE.includes(d.status)) continue;
    for (const id of d.partners) partners.set(id, { id, first: !hadTie.has(id) });
    for (let i = 0; i < d.partners.length; i++) {
      for (let j = i + 1; j < d.partners.length; j++) {
        const [a, b] = [d.partners[i], d.partners[j]].sort((x, y) => x - y);
        ties.set(pairKey(a, b), { a, b, isNew: !earlier.has(pairKey(a, b)) });
      }
    }
  }
  const needs = needRows.map((r) => ({
    itemId: r.itemId as number,
    organisationId: remember({ ...r, id: r.organisationId }),
    contributionType: r.contributionType as string,
    description: r.description as string,
    met: r.met === 1,
  }));
  const f = followUps[0] ?? {};
  return {
    event,
    deals: dealList,
    organisations,
    ties: [...ties.values()].sort((x, y) => x.a - y.a || x.b - y.b),
    partners: [...partners.values()].sort((x, y) => x.id - y.id),
    needs,
    followUps: { total: Number(f.total ?? 0), answered: Number(f.answered ?? 0), overdue: Number(f.overdue ?? 0) },
  };
}

const pairKey = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);

/** The figures and lists of an event's results (the organiser's view). */
export function eventResults(data: EventResultsData): EventResults {
  const byStatus = Object.fromEntries(DEAL_STATUSES.map((s) => [s, data.deals.filter((d) => d.status === s).length])) as Record<DealStatus, number>;
  const total = data.deals.length;
  const unmet = data.needs.filter((n) => !n.met);
  const unmetByType: Record<string, number> = {};
  for (const n of unmet) unmetByType[n.contributionType] = (unmetByType[n.contributionType] ?? 0) + 1;
  const org = (id: number) => data.organisations.get(id)!;
  const newTies = data.ties.filter((t) => t.isNew);
  return {
    event: data.event,
    deals: { total, active: byStatus.agreed + byStatus.done + byStatus.ongoing, byStatus, fulfilmentRate: total ? byStatus.done / total : null },
    ties: { total: data.ties.length, new: newTies.length, earlier: data.ties.length - newTies.length },
    partners: { total: data.partners.length, firstPartner: data.partners.filter((p) => p.first).length },
    needs: { total: data.needs.length, met: data.needs.length - unmet.length, unmet: unmet.length, unmetByType },
    followUps: data.followUps,
    newTies: newTies.map((t) => ({ a: org(t.a), b: org(t.b) })),
    firstPartners: data.partners.filter((p) => p.first).map((p) => org(p.id)),
    unmetNeeds: unmet.map((n) => ({ itemId: n.itemId, organisation: org(n.organisationId), contributionType: n.contributionType, description: n.description })),
  };
}
