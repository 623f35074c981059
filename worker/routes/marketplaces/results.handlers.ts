/**
 * @module
 * Handlers of an event's results: computed from the records on every request (an event's deals
 * are few), the public variant cut by worker/privacy/event-results.ts.
 */
import type { RouteHandler } from "@hono/zod-openapi";
import { createDb } from "../../db/client";
import type { AppEnv } from "../../lib/env";
import { forbidden } from "../../lib/errors";
import { eventResults, loadEventResults, marketplaceEvent } from "../../marketplace/results";
import { publicEventResults } from "../../privacy/event-results";
import type * as routes from "./results.routes";

export const results: RouteHandler<typeof routes.results, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  const db = createDb(c.env.DB);
  const event = await marketplaceEvent(db, c.req.valid("param").eventId);
  if (viewer.role === "coordinator" && !viewer.scope!.has(event.regionCode)) throw forbidden(`This token does not organise events in region ${event.regionCode}`);
  return c.json(eventResults(await loadEventResults(db, event)) as never, 200);
};

export const publicResults: RouteHandler<typeof routes.publicResults, AppEnv> = async (c) => {
  const db = createDb(c.env.DB);
  const event = await marketplaceEvent(db, c.req.valid("param").eventId);
  const data = await loadEventResults(db, event);
  // Signed-in callers see figures unchanged, as everywhere (docs/privacy.md); names only in the organiser's view.
  if (c.get("viewer").role !== "anonymous") {
    const { deals, ties, partners, needs } = eventResults(data);
    return c.json({ event, deals, ties: { total: ties.total, new: ties.new }, partners, needs: { total: needs.total, unmet: needs.unmet, unmetByType: needs.unmetByType } }, 200);
  }
  return c.json({ event, ...(await publicEventResults(db, data)) } as never, 200);
};
