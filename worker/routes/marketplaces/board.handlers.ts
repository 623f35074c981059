/**
 * @module
 * Matching-board handlers. Only the organisers of the event's region (a coordinator whose regions
 * include it, or an admin) see the board: it lists registrations that are not public.
 */
import type { RouteHandler } from "@hono/zod-openapi";
import { and, eq, sql } from "drizzle-orm";
import { auditInsert } from "../../db/audit";
import { createDb, nowIso, type Db } from "../../db/client";
import { matchDecisions } from "../../db/tables";
import type { Viewer } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { forbidden, notFound, rejectRows, validationFailed, type ErrorDetail } from "../../lib/errors";
import { loadBoardInput, MATCH_WEIGHTS, scoreBoard, scorePair, slotConflicts, type BoardItem, type Match } from "../../marketplace/matching";
import { BOARD_LIMITS, type board as boardRoute, type decide as decideRoute } from "./board.routes";

interface MarketplaceEvent {
  id: number;
  title: string;
  date: string;
  regionCode: string;
  place: string | null;
  hallOpens: string | null;
  hallCloses: string | null;
}

/** The event of kind marketplace (its workspace row may not exist yet); 404 for anything else. */
async function findMarketplace(db: Db, eventId: number): Promise<MarketplaceEvent> {
  const row = await db.get<MarketplaceEvent>(sql`
    SELECT e.id, e.title, e.date, e.region_code AS regionCode, m.place, m.hall_opens AS hallOpens, m.hall_closes AS hallCloses
    FROM events e LEFT JOIN marketplaces m ON m.event_id = e.id
    WHERE e.id = ${eventId} AND e.kind = 'marketplace' AND e.deleted_at IS NULL`);
  if (!row) throw notFound("Marketplace");
  return row;
}

/** A coordinator organises the events of their regions only. */
function assertOrganiser(viewer: Viewer, event: MarketplaceEvent) {
  if (viewer.role === "coordinator" && !viewer.scope!.has(event.regionCode)) {
    throw forbidden(`This token's regions do not include the event's region ${event.regionCode}`);
  }
}

type DecisionRow = typeof matchDecisions.$inferSelect;
const pairKey = (need: number, offer: number) => `${need}:${offer}`;
const toDecision = (d: DecisionRow) => ({ state: d.state, moderatorId: d.moderatorId, talkSlot: d.talkSlot, decidedBy: d.decidedBy, decidedAt: d.decidedAt });

export const board: RouteHandler<typeof boardRoute, AppEnv> = async (c) => {
  const { eventId } = c.req.valid("param");
  const perNeed = c.req.valid("query").perNeed ?? BOARD_LIMITS.perNeedDefault;
  const db = createDb(c.env.DB);
  const event = await findMarketplace(db, eventId);
  assertOrganiser(c.get("viewer"), event);

  const [fullInput, decisionRows, moderators] = await Promise.all([
    loadBoardInput(db, event),
    db.select().from(matchDecisions).where(eq(matchDecisions.eventId, event.id)),
    db.all<{ id: number; name: string }>(sql`SELECT id, name FROM event_moderators WHERE event_id = ${event.id} ORDER BY name, id`),
  ]);
  // The work of a read is bounded: pending registrations (anyone may add them) go first.
  const pairs = (list: readonly BoardItem[]) => list.filter((i) => i.kind === "need").length * list.filter((i) => i.kind === "offer").length;
  let input = fullInput;
  const pendingLeftOut = pairs(input.items) > BOARD_LIMITS.maxPairs;
  if (pendingLeftOut) {
    const approved = new Set(input.parties.filter((p) => p.status === "approved").map((p) => p.registrationId));
    input = { ...input, parties: input.parties.filter((p) => approved.has(p.registrationId)), items: input.items.filter((i) => approved.has(i.registrationId)) };
    if (pairs(input.items) > BOARD_LIMITS.maxPairs) {
      throw validationFailed(`The board compares at most ${BOARD_LIMITS.maxPairs} need × offer pairs; this marketplace's approved registrations have ${pairs(input.items)}`, [
        { path: "(event)", message: "Too many needs and offers for one board", code: "too_big" },
      ]);
    }
  }
  const decisions = new Map(decisionRows.map((d) => [pairKey(d.needItemId, d.offerItemId), d]));
  const scored = scoreBoard(input);
  const byPair = new Map(scored.map((m) => [pairKey(m.needItemId, m.offerItemId), m]));

  // A decided pair is shown even when its types do not fit (the organiser pinned it anyway).
  const items = new Map(input.items.map((i) => [i.id, i]));
  const parties = new Map(input.parties.map((p) => [p.registrationId, p]));
  const decided = (state: "pinned" | "dismissed") =>
    decisionRows
      .filter((d) => d.state === state && items.has(d.needItemId) && items.has(d.offerItemId))
      .map((d) => {
        const need = items.get(d.needItemId)!;
        const offer = items.get(d.offerItemId)!;
        const m = byPair.get(pairKey(d.needItemId, d.offerItemId)) ?? scorePair(need, offer, parties.get(need.registrationId)!, parties.get(offer.registrationId)!, input.affinity);
        return { ...m, decision: toDecision(d) };
      });
  const pinned = decided("pinned").sort((a, b) => (a.decision.talkSlot ?? "99:99").localeCompare(b.decision.talkSlot ?? "99:99") || b.score - a.score);

  const shownPerNeed = new Map<number, number>();
  const suggestions: (Match & { decision: null })[] = [];
  for (const m of scored) {
    if (decisions.has(pairKey(m.needItemId, m.offerItemId))) continue;
    const shown = shownPerNeed.get(m.needItemId) ?? 0;
    if (shown >= perNeed) continue;
    shownPerNeed.set(m.needItemId, shown + 1);
    suggestions.push({ ...m, decision: null });
  }
  const pinnedNeeds = new Set(pinned.map((m) => m.needItemId));
  const unmatchedNeedIds = input.items.filter((i) => i.kind === "need" && !shownPerNeed.has(i.id) && !pinnedNeeds.has(i.id)).map((i) => i.id);

  return c.json(
    {
      event,
      weights: { ...MATCH_WEIGHTS },
      registrations: input.parties.map((p) => ({
        id: p.registrationId,
        side: p.side,
        orgName: p.orgName,
        status: p.status,
        organisationId: p.organisationId,
        regionCode: p.regionCode,
        networkStatus: p.networkStatus,
      })),
      items: [...input.items],
      moderators,
      matches: [...pinned, ...suggestions],
      dismissed: decided("dismissed"),
      unmatchedNeedIds,
      pendingLeftOut,
      conflicts: slotConflicts(
        pinned.map((m) => ({ needItemId: m.needItemId, offerItemId: m.offerItemId, talkSlot: m.decision.talkSlot, moderatorId: m.decision.moderatorId })),
        (id) => items.get(id)!.registrationId,
      ),
    },
    200,
  );
};

export const decide: RouteHandler<typeof decideRoute, AppEnv> = async (c) => {
  const { eventId } = c.req.valid("param");
  const { decisions } = c.req.valid("json");
  const viewer = c.get("viewer");
  const db = createDb(c.env.DB);
  const event = await findMarketplace(db, eventId);
  assertOrganiser(viewer, event);

  const ids = [...new Set(decisions.flatMap((d) => [d.needItemId, d.offerItemId]))];
  const itemRows = await db.all<{ id: number; kind: "need" | "offer"; registrationId: number; eventId: number; status: string }>(sql`
    SELECT i.id, i.kind, i.registration_id AS registrationId, r.event_id AS eventId, r.status
    FROM registration_items i JOIN registrations r ON r.id = i.registration_id
    WHERE i.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
  // An item of another event reads like an unknown one.
  const items = new Map(itemRows.filter((r) => r.eventId === event.id).map((r) => [r.id, r]));
  const moderatorIds = new Set(
    (await db.all<{ id: number }>(sql`SELECT id FROM event_moderators WHERE event_id = ${event.id}`)).map((m) => m.id),
  );

  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  decisions.forEach((d, i) => {
    const at = `decisions[${i}]`;
    for (const [field, kind] of [["needItemId", "need"], ["offerItemId", "offer"]] as const) {
      const item = items.get(d[field]);
      if (!item) details.push({ path: `${at}.${field}`, message: `No ${kind} ${d[field]} in this marketplace` });
      else if (item.kind !== kind) details.push({ path: `${at}.${field}`, message: `Item ${d[field]} is an ${item.kind}, not a ${kind}` });
      else if (item.status !== "approved" && item.status !== "pending") details.push({ path: `${at}.${field}`, message: `Item ${d[field]} belongs to a ${item.status} registration` });
    }
    const need = items.get(d.needItemId);
    if (need && need.registrationId === items.get(d.offerItemId)?.registrationId) details.push({ path: at, message: "Need and offer of the same registration" });
    const key = pairKey(d.needItemId, d.offerItemId);
    if (seen.has(key)) details.push({ path: at, message: "The same pair twice in one request" });
    seen.add(key);
    if (d.moderatorId != null && !moderatorIds.has(d.moderatorId)) details.push({ path: `${at}.moderatorId`, message: `No moderator ${d.moderatorId} of this marketplace` });
    if (d.state !== "pinned" && (d.moderatorId != null || d.talkSlot != null)) {
      details.push({ path: at, message: "Moderator and talk slot belong to pinned talks only" });
    }
  });
  if (details.length) rejectRows(details, "Decisions refused");

  const at = nowIso();
  const statements = decisions.map((d) =>
    d.state === "open"
      ? db.delete(matchDecisions).where(and(eq(matchDecisions.needItemId, d.needItemId), eq(matchDecisions.offerItemId, d.offerItemId)))
      : db
          .insert(matchDecisions)
          .values({ eventId: event.id, needItemId: d.needItemId, offerItemId: d.offerItemId, state: d.state, moderatorId: d.moderatorId ?? null, talkSlot: d.talkSlot ?? null, decidedBy: viewer.actor, decidedAt: at })
          .onConflictDoUpdate({
            target: [matchDecisions.needItemId, matchDecisions.offerItemId],
            set: { state: d.state, moderatorId: d.moderatorId ?? null, talkSlot: d.talkSlot ?? null, decidedBy: viewer.actor, decidedAt: at },
          }),
  );
  // Decisions change nothing a network snapshot or figure reads (no cooperation, organisation or
  // event), so no revision is bumped; the audit log records them.
  await db.batch([
    ...statements,
    auditInsert(db, viewer, { action: "decide", entity: "match_decisions", entityId: event.id, regionCode: event.regionCode, detail: { decisions: decisions.map((d) => ({ need: d.needItemId, offer: d.offerItemId, state: d.state })) } }),
  ] as unknown as Parameters<typeof db.batch>[0]);

  const stored = await db.all<DecisionRow>(sql`
    SELECT event_id AS eventId, need_item_id AS needItemId, offer_item_id AS offerItemId, state, moderator_id AS moderatorId,
           talk_slot AS talkSlot, decided_by AS decidedBy, decided_at AS decidedAt
    FROM match_decisions WHERE event_id = ${event.id}
      AND (need_item_id || ':' || offer_item_id) IN (SELECT value FROM json_each(${JSON.stringify([...seen])}))
    ORDER BY need_item_id, offer_item_id`);
  return c.json({ decisions: stored.map((d) => ({ needItemId: d.needItemId, offerItemId: d.offerItemId, ...toDecision(d) })) }, 200);
};
