/**
 * @module
 * Handlers of the organiser's deal routes. The caller must organise the event: a coordinator of
 * its region (or admin); anyone else hears 403 after the 404 of an unknown marketplace.
 */
import type { RouteHandler } from "@hono/zod-openapi";
import { assertCanWrite } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { auditInsert } from "../../db/audit";
import { createDb } from "../../db/client";
import { issueLink as newLink, revokeLinks as revokeAll } from "../../links/capability";
import { dealsOf, findMarketplace, recordDeal } from "../../marketplace/deals";
import type * as routes from "./deals.routes";

/** A drizzle query as a D1 statement, to share a batch with the link statements of links/capability.ts. */
const asStatement = (d1: D1Database, q: { toSQL(): { sql: string; params: unknown[] } }) => {
  const { sql, params } = q.toSQL();
  return d1.prepare(sql).bind(...params);
};

async function organisedEvent(c: Parameters<RouteHandler<typeof routes.list, AppEnv>>[0], eventId: number) {
  const db = createDb(c.env.DB);
  const event = await findMarketplace(db, eventId);
  assertCanWrite(c.get("viewer"), event.regionCode);
  return { db, event };
}

export const list: RouteHandler<typeof routes.list, AppEnv> = async (c) => {
  const { db, event } = await organisedEvent(c as never, c.req.valid("param").eventId);
  return c.json({ data: await dealsOf(db, event.id) }, 200);
};

export const create: RouteHandler<typeof routes.create, AppEnv> = async (c) => {
  const { db, event } = await organisedEvent(c as never, c.req.valid("param").eventId);
  const { deal, created } = await recordDeal(db, event, c.req.valid("json"), c.get("viewer"));
  return created ? c.json(deal, 201) : c.json(deal, 200);
};

export const issueLink: RouteHandler<typeof routes.issueLink, AppEnv> = async (c) => {
  const { db, event } = await organisedEvent(c as never, c.req.valid("param").eventId);
  const link = await newLink(c.env.DB, "deal_sheet", event.id);
  const audit = auditInsert(db, c.get("viewer"), { action: "issue_link", entity: "capability_links", entityId: event.id, regionCode: event.regionCode, detail: { purpose: "deal_sheet", eventId: event.id, expiresAt: link.expiresAt } });
  await c.env.DB.batch([link.statement, asStatement(c.env.DB, audit)]);
  return c.json({ secret: link.secret, path: `/deal-sheet#${link.secret}`, expiresAt: link.expiresAt }, 201);
};

export const revokeLinks: RouteHandler<typeof routes.revokeLinks, AppEnv> = async (c) => {
  const { db, event } = await organisedEvent(c as never, c.req.valid("param").eventId);
  const audit = auditInsert(db, c.get("viewer"), { action: "revoke_links", entity: "capability_links", entityId: event.id, regionCode: event.regionCode, detail: { purpose: "deal_sheet", eventId: event.id } });
  await c.env.DB.batch([revokeAll(c.env.DB, "deal_sheet", event.id), asStatement(c.env.DB, audit)]);
  return c.body(null, 204);
};
