/**
 * @module
 * Workspace handlers: create, read, list and change marketplaces and their moderators. Every write
 * is audited and bumps the revisions of what it changes (the event's region for the event).
 */
import type { RouteHandler } from "@hono/zod-openapi";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { assertCanWrite, requireRole } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { ApiError, notFound, unknownReference, validationFailed } from "../../lib/errors";
import { auditInsert } from "../../db/audit";
import { bumpRevisions } from "../../db/revisions";
import { createDb, inBatch, nowIso, type Db } from "../../db/client";
import { existingRegionCodes } from "../../db/lookups";
import { eventModerators, events, marketplaces } from "../../db/tables";
import { findMarketplace, formatMonths, newRegistrationKey, organisedMarketplace, parseMonths, registrationState, type MarketplaceRow } from "../../marketplace/workspace";
import type * as routes from "./workspace.routes";

type Counts = { pending: number; approved: number; rejected: number; withdrawn: number };
const NO_COUNTS: Counts = { pending: 0, approved: 0, rejected: 0, withdrawn: 0 };

async function extrasOf(db: Db, eventIds: number[]) {
  const counts = new Map<number, Counts>();
  const moderators = new Map<number, { id: number; name: string }[]>();
  if (eventIds.length === 0) return { counts, moderators };
  const ids = JSON.stringify(eventIds);
  const [countRows, moderatorRows] = await Promise.all([
    db.all<{ eventId: number; status: keyof Counts; n: number }>(
      sql`SELECT event_id AS eventId, status, count(*) AS n FROM registrations WHERE event_id IN (SELECT value FROM json_each(${ids})) GROUP BY event_id, status`,
    ),
    db.all<{ eventId: number; id: number; name: string }>(
      sql`SELECT event_id AS eventId, id, name FROM event_moderators WHERE event_id IN (SELECT value FROM json_each(${ids})) ORDER BY name COLLATE NOCASE, id`,
    ),
  ]);
  for (const r of countRows) counts.set(r.eventId, { ...(counts.get(r.eventId) ?? NO_COUNTS), [r.status]: r.n });
  for (const r of moderatorRows) moderators.set(r.eventId, [...(moderators.get(r.eventId) ?? []), { id: r.id, name: r.name }]);
  return { counts, moderators };
}

function toMarketplace(m: MarketplaceRow, extras: Awaited<ReturnType<typeof extrasOf>>) {
  const counts = extras.counts.get(m.eventId) ?? NO_COUNTS;
  return {
    eventId: m.eventId,
    title: m.title,
    date: m.date,
    regionCode: m.regionCode,
    place: m.place,
    hallOpens: m.hallOpens,
    hallCloses: m.hallCloses,
    capacity: m.capacity,
    registrationOpens: m.registrationOpens,
    registrationCloses: m.registrationCloses,
    moneyAllowed: m.moneyAllowed,
    followUpMonths: parseMonths(m.followUpMonths),
    registrationKey: m.registrationKey,
    registrationPath: `/register/${m.registrationKey}`,
    registrationState: registrationState(m, counts.pending + counts.approved),
    moderators: extras.moderators.get(m.eventId) ?? [],
    registrations: counts,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}

async function answer(db: Db, eventId: number) {
  const m = await findMarketplace(db, eventId);
  return toMarketplace(m, await extrasOf(db, [eventId]));
}

/** The window must not end before it starts, nor the hall close before it opens. */
function checkSettings(s: { registrationOpens?: string | null; registrationCloses?: string | null; hallOpens?: string | null; hallCloses?: string | null }, date: string) {
  const details = [];
  if (s.registrationOpens && s.registrationCloses && s.registrationCloses < s.registrationOpens) {
    details.push({ path: "registrationCloses", message: "Registration must not close before it opens" });
  }
  if (s.registrationCloses && s.registrationCloses > date) details.push({ path: "registrationCloses", message: "Registration must close by the event's date" });
  if (s.hallOpens && s.hallCloses && s.hallCloses <= s.hallOpens) details.push({ path: "hallCloses", message: "The hall must close after it opens" });
  if (details.length) throw validationFailed("Invalid settings; nothing was written", details);
}

export const list: RouteHandler<typeof routes.list, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  const { limit } = c.req.valid("query");
  const db = createDb(c.env.DB);
  // A coordinator organises the marketplaces of their regions (scope holds sub-regions already).
  const scope = viewer.role === "coordinator" ? sql`${events.regionCode} IN (SELECT value FROM json_each(${JSON.stringify([...viewer.scope!])}))` : undefined;
  const rows = await db
    .select({ m: marketplaces, title: events.title, date: events.date, regionCode: events.regionCode })
    .from(marketplaces)
    .innerJoin(events, eq(events.id, marketplaces.eventId))
    .where(and(isNull(events.deletedAt), eq(events.kind, "marketplace"), scope))
    .orderBy(desc(events.date), desc(events.id))
    .limit(limit);
  const list = rows.map((r) => ({ ...r.m, title: r.title, date: r.date, regionCode: r.regionCode }));
  const extras = await extrasOf(db, list.map((m) => m.eventId));
  return c.json({ data: list.map((m) => toMarketplace(m, extras)) }, 200);
};

export const get: RouteHandler<typeof routes.get, AppEnv> = async (c) => {
  const db = createDb(c.env.DB);
  const m = await organisedMarketplace(db, c.get("viewer"), c.req.valid("param").eventId);
  return c.json(toMarketplace(m, await extrasOf(db, [m.eventId])), 200);
};

export const create: RouteHandler<typeof routes.create, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  const { title, date, regionCode, moderators = [], followUpMonths, ...settings } = c.req.valid("json");
  assertCanWrite(viewer, regionCode);
  checkSettings(settings, date);
  const db = createDb(c.env.DB);
  if ((await existingRegionCodes(db, [regionCode])).size === 0) {
    throw unknownReference("Unknown region", [{ path: "regionCode", message: `No region ${regionCode}` }]);
  }
  const now = nowIso();
  const key = newRegistrationKey();
  const names = [...new Set(moderators)];
  // The event and its workspace in one batch; the workspace row finds its event by the new key.
  const [inserted] = await db.batch([
    db.insert(events).values({ kind: "marketplace", title, date, regionCode, source: "marketplace", createdAt: now, updatedAt: now }).returning({ id: events.id }),
    inBatch(db, db.run(sql`INSERT INTO marketplaces (event_id, place, hall_opens, hall_closes, capacity, registration_opens, registration_closes, money_allowed, follow_up_months, registration_key, created_at, updated_at)
      VALUES (last_insert_rowid(), ${settings.place}, ${settings.hallOpens ?? null}, ${settings.hallCloses ?? null}, ${settings.capacity ?? null},
              ${settings.registrationOpens ?? null}, ${settings.registrationCloses ?? null}, ${settings.moneyAllowed ? 1 : 0},
              ${formatMonths(followUpMonths ?? [3, 6])}, ${key}, ${now}, ${now})`)),
    inBatch(db, db.run(sql`INSERT INTO event_moderators (event_id, name) SELECT (SELECT event_id FROM marketplaces WHERE registration_key = ${key}), value FROM json_each(${JSON.stringify(names)})`)),
    auditInsert(db, viewer, {
      action: "create",
      entity: "marketplaces",
      entityId: sql`(SELECT event_id FROM marketplaces WHERE registration_key = ${key})`,
      regionCode,
      detail: { title, date, regionCode, ...settings, followUpMonths, moderators: names },
    }),
    bumpRevisions(db, { regions: [regionCode] }),
  ]);
  return c.json(await answer(db, inserted[0].id), 201);
};

export const update: RouteHandler<typeof routes.update, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const { eventId } = c.req.valid("param");
  const { title, date, followUpMonths, ...settings } = c.req.valid("json");
  const db = createDb(c.env.DB);
  const m = await organisedMarketplace(db, viewer, eventId);
  const merged = { ...m, ...settings };
  checkSettings(merged, date ?? m.date);
  const now = nowIso();
  const eventChanges = { ...(title !== undefined ? { title } : {}), ...(date !== undefined ? { date } : {}) };
  const changesEvent = Object.keys(eventChanges).length > 0;
  await db.batch([
    db
      .update(marketplaces)
      .set({ ...settings, ...(followUpMonths ? { followUpMonths: formatMonths(followUpMonths) } : {}), updatedAt: now })
      .where(eq(marketplaces.eventId, eventId)),
    ...(changesEvent
      ? [db.update(events).set({ ...eventChanges, updatedAt: now }).where(eq(events.id, eventId)), bumpRevisions(db, { events: [eventId] })]
      : []),
    auditInsert(db, viewer, { action: "update", entity: "marketplaces", entityId: eventId, regionCode: m.regionCode, detail: { title, date, followUpMonths, ...settings } }),
  ]);
  return c.json(await answer(db, eventId), 200);
};

export const addModerator: RouteHandler<typeof routes.addModerator, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  const { eventId } = c.req.valid("param");
  const { name } = c.req.valid("json");
  const db = createDb(c.env.DB);
  const m = await organisedMarketplace(db, viewer, eventId);
  const [existing] = await db.select({ id: eventModerators.id }).from(eventModerators).where(and(eq(eventModerators.eventId, eventId), eq(eventModerators.name, name)));
  if (existing) throw new ApiError(409, "conflict", "This moderator is already listed", [{ path: "name", message: "Already listed" }]);
  const [inserted] = await db.batch([
    db.insert(eventModerators).values({ eventId, name }).returning(),
    auditInsert(db, viewer, { action: "create", entity: "event_moderators", entityId: sql`last_insert_rowid()`, regionCode: m.regionCode, detail: { eventId, name } }),
  ]);
  return c.json({ id: inserted[0].id, name: inserted[0].name }, 201);
};

export const removeModerator: RouteHandler<typeof routes.removeModerator, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const { eventId, moderatorId } = c.req.valid("param");
  const db = createDb(c.env.DB);
  const m = await organisedMarketplace(db, viewer, eventId);
  const [existing] = await db.select({ id: eventModerators.id }).from(eventModerators).where(and(eq(eventModerators.eventId, eventId), eq(eventModerators.id, moderatorId)));
  if (!existing) throw notFound("Moderator");
  await db.batch([
    db.delete(eventModerators).where(eq(eventModerators.id, moderatorId)),
    auditInsert(db, viewer, { action: "delete", entity: "event_moderators", entityId: moderatorId, regionCode: m.regionCode, detail: { eventId } }),
  ]);
  return c.body(null, 204);
};
