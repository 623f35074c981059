/**
 * @module
 * Event handlers. Events are public happenings (anyone may list them); participants are shown
 * only where the caller may see the organisation.
 */
import type { RouteHandler } from "@hono/zod-openapi";
import { and, eq, gte, isNull, like, lte, not, sql } from "drizzle-orm";
import { assertCanWrite, requireRole, type Viewer } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { ApiError, notFound, unknownReference } from "../../lib/errors";
import { auditInsert } from "../../db/audit";
import { bumpRevisions } from "../../db/revisions";
import { createDb, inBatch, inJsonList, inRegionTree, nowIso, type Db } from "../../db/client";
import { existingOrganisations, existingRegionCodes, missingIdDetails } from "../../db/lookups";
import { keysetParts, pageOf, parseSort } from "../../db/pagination";
import { eventParticipants, events, organisations } from "../../db/tables";
import { visibleOrganisations } from "../../db/visibility";
import { exportList } from "../../export/list-export";
import { publicParticipantCount, type Suppressed } from "../../privacy/public-figures";
import type * as routes from "./events.routes";

type Row = typeof events.$inferSelect;

async function participantsOf(db: Db, viewer: Viewer, eventIds: number[]) {
  const byEvent = new Map<number, { visible: number[]; count: number | Suppressed }>();
  if (eventIds.length === 0) return byEvent;
  const rows = await db
    .select({ eventId: eventParticipants.eventId, organisationId: eventParticipants.organisationId, visible: sql<number>`${visibleOrganisations(viewer) ?? sql`1`}` })
    .from(eventParticipants)
    .innerJoin(organisations, eq(organisations.id, eventParticipants.organisationId))
    .where(inJsonList(eventParticipants.eventId, eventIds))
    .orderBy(eventParticipants.eventId, eventParticipants.organisationId);
  for (const r of rows) {
    const entry = byEvent.get(r.eventId) ?? { visible: [], count: 0 };
    entry.count = (entry.count as number) + 1;
    if (r.visible) entry.visible.push(r.organisationId);
    byEvent.set(r.eventId, entry);
  }
  // Count minus the visible ids must not name 1 or 2 hidden participants (docs/privacy.md).
  if (viewer.role === "anonymous") for (const e of byEvent.values()) e.count = publicParticipantCount(e.count as number, e.visible.length);
  return byEvent;
}

/** Organisers the viewer may see (others are shown as null). */
async function visibleOrganisers(db: Db, viewer: Viewer, rows: Row[]): Promise<Set<number>> {
  const ids = [...new Set(rows.map((r) => r.organiserId).filter((id): id is number => id != null))];
  if (ids.length === 0) return new Set();
  const found = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(inJsonList(organisations.id, ids), visibleOrganisations(viewer)));
  return new Set(found.map((f) => f.id));
}

function toEvent(r: Row, participants: { visible: number[]; count: number | Suppressed } | undefined, organisers?: Set<number>) {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    date: r.date,
    regionCode: r.regionCode,
    organiserId: r.organiserId != null && (!organisers || organisers.has(r.organiserId)) ? r.organiserId : null,
    participantIds: participants?.visible ?? [],
    participantCount: participants?.count ?? 0,
    source: r.source,
    externalRef: r.externalRef,
    notes: r.notes,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

async function findEvent(db: Db, id: number) {
  const [row] = await db.select().from(events).where(and(eq(events.id, id), isNull(events.deletedAt)));
  if (!row) throw notFound("Event");
  return row;
}

/** Organisations named must exist and be visible to the caller; a hidden one reads like an unknown one. */
async function checkReferences(db: Db, viewer: Viewer, body: { regionCode?: string; organiserId?: number | null; participantIds?: number[] }) {
  if (body.regionCode && (await existingRegionCodes(db, [body.regionCode])).size === 0) {
    throw unknownReference("Unknown region", [{ path: "regionCode", message: `No region ${body.regionCode}` }]);
  }
  const ids = [...(body.organiserId ? [body.organiserId] : []), ...(body.participantIds ?? [])];
  const found = await existingOrganisations(db, ids, visibleOrganisations(viewer));
  const details = [
    ...missingIdDetails("organiserId", [body.organiserId], found),
    ...missingIdDetails("participantIds", body.participantIds ?? [], found),
  ];
  if (details.length) throw unknownReference("Unknown organisation", details);
}

async function assertRefFree(db: Db, source: string, externalRef: string | null | undefined, exceptId?: number) {
  if (!externalRef) return;
  const [row] = await db.select({ id: events.id }).from(events).where(and(eq(events.source, source), eq(events.externalRef, externalRef)));
  if (row && row.id !== exceptId) throw new ApiError(409, "conflict", `Event ${row.id} already has externalRef '${externalRef}'`, [{ path: "externalRef", message: "Already used" }]);
}

function participantInserts(db: Db, eventId: number | ReturnType<typeof sql>, ids: number[]) {
  return inBatch(db, db.run(sql`INSERT OR IGNORE INTO event_participants (event_id, organisation_id) SELECT ${eventId}, value FROM json_each(${JSON.stringify([...new Set(ids)])})`));
}

export const list: RouteHandler<typeof routes.list, AppEnv> = async (c) => {
  const q = c.req.valid("query");
  const viewer = c.get("viewer");
  const db = createDb(c.env.DB);
  const sort = parseSort(q.sort, { date: events.date, title: events.title, createdAt: events.createdAt, id: events.id }, "-date", events.id);
  // One page; the CSV/XLSX export walks all of them with the same filters.
  const listPage = async (cursor: string | undefined, limit: number) => {
    const { after, orderBy } = keysetParts(sort, cursor);
    const rows = await db
      .select()
      .from(events)
      .where(
        and(
          isNull(events.deletedAt),
          q.region ? inRegionTree(events.regionCode, q.region) : undefined,
          q.kind ? eq(events.kind, q.kind) : undefined,
          q.from ? gte(events.date, q.from) : undefined,
          q.to ? lte(events.date, q.to) : undefined,
          q.organisation
            ? sql`${events.id} IN (SELECT event_id FROM event_participants ep JOIN organisations ON organisations.id = ep.organisation_id
                  WHERE ep.organisation_id = ${q.organisation} AND ${visibleOrganisations(viewer) ?? sql`1`})`
            : undefined,
          q.q ? like(events.title, `%${q.q}%`) : undefined,
          after,
        ),
      )
      .orderBy(...orderBy)
      .limit(limit + 1);
    const page = pageOf(rows, limit, (r) => (sort.key === "id" ? r.id : (r[sort.key as "date"] as string)), (r) => r.id);
    const participants = await participantsOf(db, viewer, page.data.map((r) => r.id));
    const organisers = await visibleOrganisers(db, viewer, page.data);
    return { data: page.data.map((r) => toEvent(r, participants.get(r.id), organisers)), nextCursor: page.nextCursor };
  };
  if (q.format !== "json") return exportList(c, "events", { format: q.format, locale: q.locale }, listPage);
  return c.json(await listPage(q.cursor, q.limit), 200);
};

export const get: RouteHandler<typeof routes.get, AppEnv> = async (c) => {
  const db = createDb(c.env.DB);
  const row = await findEvent(db, c.req.valid("param").id);
  const participants = await participantsOf(db, c.get("viewer"), [row.id]);
  return c.json(toEvent(row, participants.get(row.id), await visibleOrganisers(db, c.get("viewer"), [row])), 200);
};

export const create: RouteHandler<typeof routes.create, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  const { participantIds = [], ...body } = c.req.valid("json");
  assertCanWrite(viewer, body.regionCode);
  const db = createDb(c.env.DB);
  await checkReferences(db, viewer, { ...body, participantIds });
  const source = body.source ?? "manual";
  await assertRefFree(db, source, body.externalRef);
  const now = nowIso();
  const [inserted] = await db.batch([
    db.insert(events).values({ ...body, source, createdAt: now, updatedAt: now }).returning(),
    participantInserts(db, sql`last_insert_rowid()`, participantIds),
    auditInsert(db, viewer, {
      action: "create",
      entity: "events",
      entityId: sql`(SELECT max(id) FROM events)`,
      regionCode: body.regionCode,
      detail: { ...body, participantIds },
    }),
    bumpRevisions(db, { regions: [body.regionCode], members: [...participantIds, ...(body.organiserId ? [body.organiserId] : [])] }),
  ]);
  const row = inserted[0];
  return c.json(toEvent(row, (await participantsOf(db, viewer, [row.id])).get(row.id)), 201);
};

export const update: RouteHandler<typeof routes.update, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  const { id } = c.req.valid("param");
  requireRole(viewer, "admin", "coordinator");
  const { participantIds: named, ...body } = c.req.valid("json");
  const db = createDb(c.env.DB);
  const existing = await findEvent(db, id);
  assertCanWrite(viewer, existing.regionCode);
  if (body.regionCode && body.regionCode !== existing.regionCode) assertCanWrite(viewer, body.regionCode);
  await checkReferences(db, viewer, { ...body, participantIds: named });
  // The caller replaces only what it can see: hidden participants stay, and so does a hidden
  // organiser when the caller sends back the null it was shown.
  const visible = visibleOrganisations(viewer);
  const hidden =
    named && visible
      ? await db
          .select({ id: eventParticipants.organisationId })
          .from(eventParticipants)
          .innerJoin(organisations, eq(organisations.id, eventParticipants.organisationId))
          .where(and(eq(eventParticipants.eventId, id), not(visible)))
      : [];
  const participantIds = named && [...named, ...hidden.map((h) => h.id)];
  if (body.organiserId === null && existing.organiserId != null && !(await visibleOrganisers(db, viewer, [existing])).has(existing.organiserId)) {
    delete body.organiserId;
  }
  await assertRefFree(db, body.source ?? existing.source, body.externalRef === undefined ? existing.externalRef : body.externalRef, id);
  // Before and after: the old and the new region, participants, organiser and the event's cooperations.
  const [, updated] = await db.batch([
    bumpRevisions(db, { events: [id] }),
    db.update(events).set({ ...body, updatedAt: nowIso() }).where(eq(events.id, id)).returning(),
    ...(participantIds
      ? [db.delete(eventParticipants).where(eq(eventParticipants.eventId, id)), participantInserts(db, id, participantIds)]
      : []),
    auditInsert(db, viewer, { action: "update", entity: "events", entityId: id, regionCode: existing.regionCode, detail: { ...body, participantIds: named } }),
    bumpRevisions(db, { events: [id] }),
  ]);
  const row = updated[0];
  return c.json(toEvent(row, (await participantsOf(db, viewer, [row.id])).get(row.id), await visibleOrganisers(db, viewer, [row])), 200);
};

export const remove: RouteHandler<typeof routes.remove, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const { id } = c.req.valid("param");
  const db = createDb(c.env.DB);
  const existing = await findEvent(db, id);
  assertCanWrite(viewer, existing.regionCode);
  await db.batch([
    bumpRevisions(db, { events: [id] }),
    db.update(events).set({ deletedAt: nowIso() }).where(eq(events.id, id)),
    auditInsert(db, viewer, { action: "delete", entity: "events", entityId: id, regionCode: existing.regionCode }),
  ]);
  return c.body(null, 204);
};
