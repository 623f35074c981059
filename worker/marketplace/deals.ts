/**
 * @module
 * Deals made in the marketplace hall (docs/marketplace.md, "Deal sheet"). A deal becomes a
 * cooperation of the event — its region, the two partners, the contribution type, agreed on the
 * event's date — plus an event_deals row with what only the deal sheet holds (what was agreed in
 * words, by when, the pair it came from). Both are written in one D1 batch with the audit entry
 * and the revision bump, so figures that read the region are never served stale.
 *
 * Idempotence: the phone makes a client id for every deal before it tries to send it. A deal
 * whose client id is already stored is answered with the stored deal (never a second
 * cooperation). Two sends racing past that check both try the batch; the UNIQUE client_id makes
 * the second batch fail as a whole (D1 batches are transactions) and it answers the stored deal.
 */
import { z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import type { Viewer } from "../lib/auth";
import { ApiError, notFound, unknownReference, validationFailed, type ErrorDetail } from "../lib/errors";
import { MAX_DEALS_PER_EVENT } from "../lib/limits";
import { ContributionType, DateString, Text } from "../lib/schemas";
import { auditInsert } from "../db/audit";
import { bumpRevisions } from "../db/revisions";
import { inBatch, nowIso, readTogether, type Db } from "../db/client";
import { cooperations } from "../db/tables";

/** Largest hours / volunteers / value a deal sheet takes (a typo, not a deal, beyond these). */
export const DEAL_LIMITS = { hours: 100_000, volunteers: 10_000, valueEur: 10_000_000 } as const;

export const DealInput = z
  .strictObject({
    clientId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/, "Expected 8–64 letters, digits, '-' or '_' (made by the phone, unique per deal)")
      .openapi({ example: "d-6f1c2a9b4e7d4c03", description: "Made by the device before the first send; a resend with the same id returns the stored deal" }),
    needItemId: z.number().int().positive().optional().openapi({ description: "The need of the pair the deal came from (with offerItemId)" }),
    offerItemId: z.number().int().positive().optional().openapi({ description: "The offer of the pair the deal came from (with needItemId)" }),
    partnerIds: z
      .array(z.number().int().positive())
      .length(2)
      .optional()
      .openapi({ description: "A deal from scratch: two organisations of the event's approved registrations" }),
    contributionType: ContributionType.optional().openapi({ description: "Defaults to the offer's type for a pair; required from scratch" }),
    agreedText: Text(2000).transform((s) => s.trim()).pipe(z.string().min(1, "Say what was agreed")),
    dueBy: DateString.nullable().optional().openapi({ description: "By when; not before the event's date" }),
    hours: z.number().min(0).max(DEAL_LIMITS.hours).optional(),
    volunteers: z.number().int().min(0).max(DEAL_LIMITS.volunteers).optional(),
    valueEur: z.number().min(0).max(DEAL_LIMITS.valueEur).optional(),
  })
  .openapi("DealInput");

export type DealInputT = z.output<typeof DealInput>;

const Partner = z.object({ id: z.number().int(), name: z.string(), side: z.enum(["nonprofit", "company"]) });

export const DealSchema = z
  .object({
    cooperationId: z.number().int(),
    eventId: z.number().int(),
    clientId: z.string(),
    partners: z.array(Partner).openapi({ description: "Non-profit first, then the company" }),
    needItemId: z.number().int().nullable(),
    offerItemId: z.number().int().nullable(),
    contributionType: ContributionType,
    agreedText: z.string(),
    dateAgreed: z.string(),
    dueBy: z.string().nullable(),
    hours: z.number(),
    volunteers: z.number().int(),
    valueEur: z.number(),
    status: z.string(),
    createdAt: z.string(),
  })
  .openapi("Deal");

export type Deal = z.output<typeof DealSchema>;

/** A marketplace event as the deal routes need it. */
export interface MarketplaceEvent {
  id: number;
  title: string;
  date: string;
  regionCode: string;
  place: string;
  moneyAllowed: boolean;
}

/** The marketplace event `eventId` (kind marketplace, not deleted, with its workspace), or 404. */
export async function findMarketplace(db: Db, eventId: number): Promise<MarketplaceEvent> {
  const row = await db.get<{ id: number; title: string; date: string; regionCode: string; place: string; moneyAllowed: number }>(sql`
    SELECT e.id, e.title, e.date, e.region_code AS regionCode, m.place, m.money_allowed AS moneyAllowed
    FROM events e JOIN marketplaces m ON m.event_id = e.id
    WHERE e.id = ${eventId} AND e.kind = 'marketplace' AND e.deleted_at IS NULL`);
  if (!row) throw notFound("Marketplace");
  return { ...row, moneyAllowed: row.moneyAllowed === 1 };
}

/** The organisations that count at the event: those of its approved registrations. */
export async function approvedPartners(db: Db, eventId: number) {
  return db.all<{ id: number; name: string; side: "nonprofit" | "company" }>(sql`
    SELECT DISTINCT o.id, o.name, r.side FROM registrations r JOIN organisations o ON o.id = r.organisation_id
    WHERE r.event_id = ${eventId} AND r.status = 'approved' AND o.deleted_at IS NULL
    ORDER BY o.name COLLATE NOCASE, o.id`);
}

const DEAL_COLUMNS = sql`
  d.cooperation_id AS cooperationId, d.event_id AS eventId, d.client_id AS clientId, d.need_item_id AS needItemId,
  d.offer_item_id AS offerItemId, d.agreed_text AS agreedText, d.due_by AS dueBy, d.created_at AS createdAt,
  c.contribution_types AS contributionType, c.date_agreed AS dateAgreed, c.hours, c.volunteers, c.value_eur AS valueEur, c.status,
  (SELECT json_group_array(json_object('id', p.id, 'name', p.name, 'side', p.side)) FROM (
     SELECT o.id, o.name, coalesce(
       (SELECT r.side FROM registrations r WHERE r.event_id = d.event_id AND r.organisation_id = o.id AND r.status = 'approved' LIMIT 1),
       CASE WHEN o.kind = 'company' THEN 'company' ELSE 'nonprofit' END) AS side
     FROM cooperation_partners cp JOIN organisations o ON o.id = cp.organisation_id
     WHERE cp.cooperation_id = d.cooperation_id ORDER BY side = 'company', o.name) p) AS partners`;

type DealRow = Omit<Deal, "partners" | "contributionType"> & { partners: string; contributionType: string };

const toDeal = (r: DealRow): Deal => ({
  ...r,
  contributionType: r.contributionType.split(",")[0] as Deal["contributionType"],
  partners: JSON.parse(r.partners) as Deal["partners"],
});

/** The deals of an event, newest first. */
export async function dealsOf(db: Db, eventId: number): Promise<Deal[]> {
  const rows = await db.all<DealRow>(sql`
    SELECT ${DEAL_COLUMNS} FROM event_deals d JOIN cooperations c ON c.id = d.cooperation_id
    WHERE d.event_id = ${eventId} AND c.deleted_at IS NULL ORDER BY d.created_at DESC, d.cooperation_id DESC`);
  return rows.map(toDeal);
}

async function dealByClientId(db: Db, clientId: string): Promise<Deal | undefined> {
  const row = await db.get<DealRow>(sql`
    SELECT ${DEAL_COLUMNS} FROM event_deals d JOIN cooperations c ON c.id = d.cooperation_id WHERE d.client_id = ${clientId}`);
  return row ? toDeal(row) : undefined;
}

/** A stored deal of the same client id is the answer to a resend; one of another event is a conflict. */
function sameEvent(deal: Deal, event: MarketplaceEvent): Deal {
  if (deal.eventId !== event.id) throw new ApiError(409, "conflict", "This clientId belongs to a deal of another event; make a new one per deal", [{ path: "clientId", message: "Already used" }]);
  return deal;
}

/** What a deal names, checked against the event: its partners and contribution type. */
async function resolveDeal(db: Db, event: MarketplaceEvent, input: DealInputT) {
  const details: ErrorDetail[] = [];
  const fromPair = input.needItemId !== undefined || input.offerItemId !== undefined;
  if (fromPair && input.partnerIds) details.push({ path: "partnerIds", message: "Give either a pair (needItemId + offerItemId) or partnerIds, not both" });
  if (fromPair && (input.needItemId === undefined || input.offerItemId === undefined)) {
    details.push({ path: input.needItemId === undefined ? "needItemId" : "offerItemId", message: "A pair needs both needItemId and offerItemId" });
  }
  if (!fromPair && !input.partnerIds) details.push({ path: "partnerIds", message: "Give the two partners (partnerIds) or the pair (needItemId + offerItemId)" });
  if (input.partnerIds && input.partnerIds[0] === input.partnerIds[1]) details.push({ path: "partnerIds[1]", message: "The two partners must differ" });
  if (!fromPair && !input.contributionType) details.push({ path: "contributionType", message: "Required for a deal from scratch" });
  if (input.dueBy && input.dueBy < event.date) details.push({ path: "dueBy", message: `Must not be before the event's date ${event.date}` });
  if (details.length) throw validationFailed("Invalid deal; nothing was written", details);

  const [items, partners] = await readTogether(db, [
    sql`SELECT i.id, i.kind, i.contribution_type AS contributionType, r.organisation_id AS organisationId
        FROM registration_items i JOIN registrations r ON r.id = i.registration_id
        WHERE i.id IN (${input.needItemId ?? 0}, ${input.offerItemId ?? 0}) AND r.event_id = ${event.id} AND r.status = 'approved'`,
    sql`SELECT DISTINCT r.organisation_id AS id FROM registrations r JOIN organisations o ON o.id = r.organisation_id
        WHERE r.event_id = ${event.id} AND r.status = 'approved' AND o.deleted_at IS NULL
          AND r.organisation_id IN (SELECT value FROM json_each(${JSON.stringify(input.partnerIds ?? [])}))`,
  ]);
  let partnerIds: number[];
  let contributionType = input.contributionType;
  if (fromPair) {
    const need = items.find((i) => i.id === input.needItemId && i.kind === "need");
    const offer = items.find((i) => i.id === input.offerItemId && i.kind === "offer");
    if (!need) details.push({ path: "needItemId", message: `No need ${input.needItemId} of an approved registration of this event` });
    if (!offer) details.push({ path: "offerItemId", message: `No offer ${input.offerItemId} of an approved registration of this event` });
    if (details.length) throw unknownReference("Unknown need or offer; nothing was written", details);
    partnerIds = [need!.organisationId as number, offer!.organisationId as number];
    if (partnerIds[0] === partnerIds[1]) throw validationFailed("Invalid deal; nothing was written", [{ path: "offerItemId", message: "Need and offer are of the same organisation" }]);
    contributionType ??= offer!.contributionType as DealInputT["contributionType"];
  } else {
    partnerIds = input.partnerIds!;
    const found = new Set(partners.map((p) => p.id as number));
    partnerIds.forEach((id, i) => {
      if (!found.has(id)) details.push({ path: `partnerIds[${i}]`, message: `No organisation ${id} among the approved registrations of this event` });
    });
    if (details.length) throw unknownReference("Unknown partner; nothing was written", details);
  }
  if (contributionType === "money" && !event.moneyAllowed) {
    throw validationFailed("Invalid deal; nothing was written", [{ path: "contributionType", message: "Money is not traded at this marketplace (house rule)" }]);
  }
  return { partnerIds, contributionType: contributionType! };
}

/**
 * Records a deal of `event` (or returns the stored one of the same client id). `recordedBy` is
 * the organiser's token or the deal-sheet link (`link:<id>`); `viewer` writes the audit entry.
 * Returns the deal and whether it was created now.
 */
export async function recordDeal(db: Db, event: MarketplaceEvent, input: DealInputT, viewer: Viewer): Promise<{ deal: Deal; created: boolean }> {
  const stored = await dealByClientId(db, input.clientId);
  if (stored) return { deal: sameEvent(stored, event), created: false };
  const made = await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM event_deals WHERE event_id = ${event.id}`);
  if ((made?.n ?? 0) >= MAX_DEALS_PER_EVENT) throw new ApiError(409, "conflict", `This event has reached its limit of ${MAX_DEALS_PER_EVENT} deals; nothing was written`);
  const { partnerIds, contributionType } = await resolveDeal(db, event, input);
  const now = nowIso();
  const newId = sql`(SELECT max(id) FROM cooperations)`;
  try {
    await db.batch([
      db.insert(cooperations).values({
        regionCode: event.regionCode,
        eventId: event.id,
        dateAgreed: event.date,
        status: "agreed",
        contributionTypes: contributionType,
        volunteers: input.volunteers ?? 0,
        hours: input.hours ?? 0,
        valueEur: input.valueEur ?? 0,
        peopleReached: 0,
        source: "marketplace",
        createdAt: now,
        updatedAt: now,
      }),
      inBatch(db, db.run(sql`INSERT INTO cooperation_partners (cooperation_id, organisation_id) SELECT ${newId}, value FROM json_each(${JSON.stringify(partnerIds)})`)),
      inBatch(db, db.run(sql`
        INSERT INTO event_deals (cooperation_id, event_id, client_id, need_item_id, offer_item_id, agreed_text, due_by, recorded_by, created_at)
        VALUES (${newId}, ${event.id}, ${input.clientId}, ${input.needItemId ?? null}, ${input.offerItemId ?? null}, ${input.agreedText}, ${input.dueBy ?? null}, ${viewer.actor}, ${now})`)),
      // The partners attended the event (approval adds them already; a deal keeps it true).
      inBatch(db, db.run(sql`INSERT OR IGNORE INTO event_participants (event_id, organisation_id) SELECT ${event.id}, value FROM json_each(${JSON.stringify(partnerIds)})`)),
      auditInsert(db, viewer, {
        action: "create",
        entity: "cooperations",
        entityId: newId,
        regionCode: event.regionCode,
        detail: { eventId: event.id, deal: { ...input, partnerIds, contributionType } },
      }),
      bumpRevisions(db, { regions: [event.regionCode], members: partnerIds, events: [event.id] }),
    ]);
  } catch (err) {
    // The racing send of the same deal won: answer with what it stored.
    if (/UNIQUE constraint failed: event_deals\.client_id/i.test(String((err as Error)?.message ?? err))) {
      const winner = await dealByClientId(db, input.clientId);
      if (winner) return { deal: sameEvent(winner, event), created: false };
    }
    throw err;
  }
  return { deal: (await dealByClientId(db, input.clientId))!, created: true };
}
