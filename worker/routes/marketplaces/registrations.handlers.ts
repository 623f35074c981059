/**
 * @module
 * The organiser's registration handlers: list, approve (marketplace/approval.ts), reject.
 */
import type { RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { requireRole } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { ApiError } from "../../lib/errors";
import { auditInsert } from "../../db/audit";
import { createDb, nowIso } from "../../db/client";
import { registrations } from "../../db/tables";
import { approveRegistration, oneRegistration, registrationsOf } from "../../marketplace/approval";
import { organisedMarketplace } from "../../marketplace/workspace";
import type * as routes from "./registrations.routes";

export const list: RouteHandler<typeof routes.list, AppEnv> = async (c) => {
  const db = createDb(c.env.DB);
  const m = await organisedMarketplace(db, c.get("viewer"), c.req.valid("param").eventId);
  return c.json({ data: await registrationsOf(db, c.get("viewer"), m.eventId, { status: c.req.valid("query").status }) }, 200);
};

export const approve: RouteHandler<typeof routes.approve, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const { eventId, registrationId } = c.req.valid("param");
  const db = createDb(c.env.DB);
  const m = await organisedMarketplace(db, viewer, eventId);
  return c.json(await approveRegistration(db, viewer, m, registrationId, c.req.valid("json")), 200);
};

export const reject: RouteHandler<typeof routes.reject, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const { eventId, registrationId } = c.req.valid("param");
  const db = createDb(c.env.DB);
  const m = await organisedMarketplace(db, viewer, eventId);
  const reg = await oneRegistration(db, viewer, eventId, registrationId);
  if (reg.status !== "pending") throw new ApiError(409, "conflict", `Only a pending registration can be declined; this one is ${reg.status}`);
  await db.batch([
    db.update(registrations).set({ status: "rejected", updatedAt: nowIso() }).where(eq(registrations.id, reg.id)),
    auditInsert(db, viewer, { action: "reject", entity: "registrations", entityId: reg.id, regionCode: m.regionCode, detail: { eventId } }),
  ]);
  return c.json(await oneRegistration(db, viewer, eventId, reg.id), 200);
};
