/**
 * @module
 * Handlers of the phone deal sheet. The link's subject is the event; the link itself is the
 * recorder of the deal (`link:<id>` in the deal and the audit log).
 */
import type { RouteHandler } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { sql } from "drizzle-orm";
import type { Viewer } from "../../lib/auth";
import { LINK_HEADER } from "../../lib/create-app";
import type { AppEnv } from "../../lib/env";
import { createDb, readTogether, type Db } from "../../db/client";
import { linkNotFound, resolveLink } from "../../links/capability";
import { approvedPartners, findMarketplace, recordDeal } from "../../marketplace/deals";
import type * as routes from "./public-deal-sheet.routes";

type Sheet = Awaited<ReturnType<typeof openSheet>>;

async function openSheet(d1: D1Database, secret: string | undefined) {
  const link = await resolveLink(d1, "deal_sheet", secret ?? "");
  const db = createDb(d1);
  // A deleted event or workspace makes its links dead as well: the same 404.
  const event = await findMarketplace(db, link.subjectId).catch(() => {
    throw linkNotFound();
  });
  const viewer: Viewer = { role: "anonymous", tokenId: null, actor: `link:${link.id}`, scope: null };
  return { db, event, link, viewer };
}

const opened = new WeakMap<Request, Sheet>();

/** Route middleware: the link is resolved before the body is read, so a dead link is a 404 whatever it sends. */
export const withSheet = createMiddleware<AppEnv>(async (c, next) => {
  opened.set(c.req.raw, await openSheet(c.env.DB, c.req.header(LINK_HEADER)));
  await next();
});

const sheetOf = (req: Request) => opened.get(req)!;

async function sheetRows(db: Db, eventId: number) {
  const [items, pairs, deals] = await readTogether(db, [
    sql`SELECT i.id, i.kind, r.organisation_id AS organisationId, i.contribution_type AS contributionType, i.description
        FROM registration_items i JOIN registrations r ON r.id = i.registration_id
        WHERE r.event_id = ${eventId} AND r.status = 'approved' ORDER BY i.id`,
    sql`SELECT m.need_item_id AS needItemId, m.offer_item_id AS offerItemId, m.talk_slot AS talkSlot,
          EXISTS (SELECT 1 FROM event_deals d WHERE d.event_id = m.event_id AND d.need_item_id = m.need_item_id AND d.offer_item_id = m.offer_item_id) AS hasDeal
        FROM match_decisions m
        JOIN registration_items n ON n.id = m.need_item_id JOIN registrations rn ON rn.id = n.registration_id AND rn.status = 'approved'
        JOIN registration_items o ON o.id = m.offer_item_id JOIN registrations ro ON ro.id = o.registration_id AND ro.status = 'approved'
        WHERE m.event_id = ${eventId} AND m.state = 'pinned' ORDER BY m.talk_slot IS NULL, m.talk_slot, m.decided_at`,
    sql`SELECT count(*) AS n FROM event_deals WHERE event_id = ${eventId}`,
  ]);
  return { items, pairs: pairs.map((p) => ({ ...p, hasDeal: p.hasDeal === 1 })), dealCount: Number(deals[0]?.n ?? 0) };
}

export const get: RouteHandler<typeof routes.get, AppEnv> = async (c) => {
  const { db, event, link } = sheetOf(c.req.raw);
  const [partners, rows] = await Promise.all([approvedPartners(db, event.id), sheetRows(db, event.id)]);
  return c.json(
    {
      event: { id: event.id, title: event.title, date: event.date, place: event.place },
      moneyAllowed: event.moneyAllowed,
      expiresAt: link.expiresAt,
      partners,
      ...(rows as never as Pick<routes.DealSheetT, "items" | "pairs" | "dealCount">),
    },
    200,
  );
};

export const createDeal: RouteHandler<typeof routes.createDeal, AppEnv> = async (c) => {
  const { db, event, viewer } = sheetOf(c.req.raw);
  const { deal, created } = await recordDeal(db, event, c.req.valid("json"), viewer);
  return created ? c.json(deal, 201) : c.json(deal, 200);
};
