/**
 * @module
 * Round-table handlers. Every write is audited in its batch. Writes that change an event or its
 * participants (a meeting, its date, its attendees, the series' organiser) bump the revisions of
 * what they change, before and after (worker/db/revisions.ts); the minutes feed no figure and bump
 * nothing.
 */
import type { RouteHandler } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { assertCanWrite, requireRole, type Viewer } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { ApiError, notFound, unknownReference, validationFailed } from "../../lib/errors";
import { ROUND_TABLE_LIMITS } from "../../lib/limits";
import { auditInsert, redactPersonal } from "../../db/audit";
import { bumpRevisions } from "../../db/revisions";
import { createDb, inBatch, nowIso, type Db } from "../../db/client";
import { existingOrganisations, existingRegionCodes, missingIdDetails } from "../../db/lookups";
import { visibleOrganisations } from "../../db/visibility";
import { attendeesOf, meetingsOf, organisedMeeting, organisedSeries, presentTask, tasksOf, type SeriesRow } from "../../round-tables/round-tables";
import type * as routes from "./round-tables.routes";

/** Organisations named must exist and be visible to the caller; a hidden one reads like an unknown one. */
async function checkOrganisations(db: Db, viewer: Viewer, path: string, ids: readonly (number | null | undefined)[]) {
  const wanted = ids.filter((id): id is number => id != null);
  const found = await existingOrganisations(db, wanted, visibleOrganisations(viewer));
  const details = missingIdDetails(path, ids, found);
  if (details.length) throw unknownReference("Unknown organisation", details);
}

async function organiserName(db: Db, viewer: Viewer, organiserId: number | null) {
  if (organiserId == null) return null;
  const found = await db.get<{ name: string }>(
    sql`SELECT name FROM organisations WHERE id = ${organiserId} AND deleted_at IS NULL AND ${visibleOrganisations(viewer) ?? sql`1`}`,
  );
  return found?.name ?? null;
}

async function seriesAnswer(db: Db, viewer: Viewer, s: SeriesRow) {
  const [meetings, open, name] = await Promise.all([meetingsOf(db, s.id, ROUND_TABLE_LIMITS.maxMeetingsListed), tasksOf(db, { seriesId: s.id, openOnly: true }), organiserName(db, viewer, s.organiserId)]);
  return {
    ...s,
    organiserName: name,
    meetings: meetings.map((m) => ({ eventId: m.eventId, title: m.title, date: m.date, place: m.place, startsAt: m.startsAt, attendees: m.attendees, decisions: m.decisions, openTasks: m.openTasks })),
    openTasks: open.map((t) => presentTask(t)),
  };
}

async function meetingAnswer(db: Db, viewer: Viewer, eventId: number) {
  const m = await organisedMeeting(db, viewer, eventId);
  const s = await organisedSeries(db, viewer, m.seriesId);
  const [attendees, decisions, tasks, name] = await Promise.all([
    attendeesOf(db, viewer, eventId),
    db.all<{ id: number; text: string }>(sql`SELECT id, text FROM round_table_decisions WHERE event_id = ${eventId} ORDER BY id`),
    tasksOf(db, { eventId }),
    organiserName(db, viewer, s.organiserId),
  ]);
  return {
    eventId: m.eventId,
    series: { id: s.id, title: s.title, regionCode: s.regionCode, organiserName: name },
    title: m.title,
    date: m.date,
    place: m.place,
    startsAt: m.startsAt,
    minutesBy: m.minutesBy,
    attendees: attendees.visible,
    hiddenAttendees: attendees.hidden.length,
    decisions,
    tasks: tasks.map((t) => presentTask(t)),
  };
}

export const list: RouteHandler<typeof routes.list, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  const { region, limit } = c.req.valid("query");
  const db = createDb(c.env.DB);
  const scope = viewer.role === "coordinator" ? sql`AND s.region_code IN (SELECT value FROM json_each(${JSON.stringify([...viewer.scope!])}))` : sql``;
  const inRegion = region
    ? sql`AND s.region_code IN (WITH RECURSIVE sub(code) AS (SELECT ${region} UNION SELECT r.code FROM regions r JOIN sub ON r.parent_code = sub.code) SELECT code FROM sub)`
    : sql``;
  const rows = await db.all<SeriesRow>(
    sql`SELECT s.id, s.title, s.region_code AS regionCode, s.organiser_id AS organiserId, s.description, s.created_at AS createdAt, s.updated_at AS updatedAt
        FROM round_table_series s WHERE s.deleted_at IS NULL ${scope} ${inRegion} ORDER BY s.title COLLATE NOCASE, s.id LIMIT ${limit}`,
  );
  const data = [];
  for (const s of rows) {
    const { openTasks: _, ...rest } = await seriesAnswer(db, viewer, s);
    data.push(rest);
  }
  return c.json({ data }, 200);
};

export const create: RouteHandler<typeof routes.create, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  const body = c.req.valid("json");
  assertCanWrite(viewer, body.regionCode);
  const db = createDb(c.env.DB);
  if ((await existingRegionCodes(db, [body.regionCode])).size === 0) throw unknownReference("Unknown region", [{ path: "regionCode", message: `No region ${body.regionCode}` }]);
  await checkOrganisations(db, viewer, "organiserId", [body.organiserId]);
  const now = nowIso();
  const [inserted] = await db.batch([
    inBatch(db, db.run(sql`INSERT INTO round_table_series (title, region_code, organiser_id, description, created_at, updated_at)
      VALUES (${body.title}, ${body.regionCode}, ${body.organiserId ?? null}, ${body.description ?? null}, ${now}, ${now}) RETURNING id`)),
    auditInsert(db, viewer, { action: "create", entity: "round_table_series", entityId: sql`last_insert_rowid()`, regionCode: body.regionCode, detail: body }),
  ]);
  const id = (inserted as unknown as { results: { id: number }[] }).results[0].id;
  return c.json(await seriesAnswer(db, viewer, await organisedSeries(db, viewer, id)), 201);
};

export const get: RouteHandler<typeof routes.get, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  const db = createDb(c.env.DB);
  return c.json(await seriesAnswer(db, viewer, await organisedSeries(db, viewer, c.req.valid("param").seriesId)), 200);
};

export const update: RouteHandler<typeof routes.update, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const { seriesId } = c.req.valid("param");
  const body = c.req.valid("json");
  const db = createDb(c.env.DB);
  const s = await organisedSeries(db, viewer, seriesId);
  if (body.organiserId !== undefined) await checkOrganisations(db, viewer, "organiserId", [body.organiserId]);
  const changesOrganiser = body.organiserId !== undefined && body.organiserId !== s.organiserId;
  const meetingIds = sql`SELECT event_id FROM round_table_meetings WHERE series_id = ${seriesId}`;
  // Nothing to bump (an empty list bumps nothing) unless the meetings' organiser changes.
  const eventIds = changesOrganiser ? (await db.all<{ id: number }>(sql`SELECT event_id AS id FROM round_table_meetings WHERE series_id = ${seriesId}`)).map((r) => r.id) : [];
  await db.batch([
    bumpRevisions(db, { events: eventIds }),
    inBatch(db, db.run(sql`UPDATE round_table_series SET title = ${body.title ?? s.title}, description = ${body.description === undefined ? s.description : body.description},
      organiser_id = ${body.organiserId === undefined ? s.organiserId : body.organiserId}, updated_at = ${nowIso()} WHERE id = ${seriesId}`)),
    // The meetings are the series' events: their organiser is the series' organiser.
    ...(changesOrganiser ? [inBatch(db, db.run(sql`UPDATE events SET organiser_id = ${body.organiserId ?? null}, updated_at = ${nowIso()} WHERE id IN (${meetingIds})`))] : []),
    auditInsert(db, viewer, { action: "update", entity: "round_table_series", entityId: seriesId, regionCode: s.regionCode, detail: body }),
    bumpRevisions(db, { events: eventIds }),
  ]);
  return c.json(await seriesAnswer(db, viewer, await organisedSeries(db, viewer, seriesId)), 200);
};

export const addMeeting: RouteHandler<typeof routes.addMeeting, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const { seriesId } = c.req.valid("param");
  const body = c.req.valid("json");
  const db = createDb(c.env.DB);
  const s = await organisedSeries(db, viewer, seriesId);
  const attendeeIds = [...new Set(body.attendeeIds ?? [])];
  await checkOrganisations(db, viewer, "attendeeIds", attendeeIds);
  const now = nowIso();
  const title = body.title ?? s.title;
  const [inserted] = await db.batch([
    inBatch(db, db.run(sql`INSERT INTO events (kind, title, date, region_code, organiser_id, source, created_at, updated_at)
      VALUES ('round_table', ${title}, ${body.date}, ${s.regionCode}, ${s.organiserId}, 'round_table', ${now}, ${now}) RETURNING id`)),
    inBatch(db, db.run(sql`INSERT INTO round_table_meetings (event_id, series_id, place, starts_at, created_at)
      VALUES (last_insert_rowid(), ${seriesId}, ${body.place ?? null}, ${body.startsAt ?? null}, ${now})`)),
    inBatch(db, db.run(sql`INSERT INTO event_participants (event_id, organisation_id)
      SELECT (SELECT max(event_id) FROM round_table_meetings WHERE series_id = ${seriesId} AND created_at = ${now}), value FROM json_each(${JSON.stringify(attendeeIds)})`)),
    auditInsert(db, viewer, {
      action: "create",
      entity: "events",
      entityId: sql`(SELECT max(event_id) FROM round_table_meetings WHERE series_id = ${seriesId} AND created_at = ${now})`,
      regionCode: s.regionCode,
      detail: { kind: "round_table", seriesId, title, date: body.date, place: body.place, startsAt: body.startsAt, participantIds: attendeeIds },
    }),
    bumpRevisions(db, { regions: [s.regionCode], members: [...attendeeIds, ...(s.organiserId ? [s.organiserId] : [])] }),
  ]);
  const id = (inserted as unknown as { results: { id: number }[] }).results[0].id;
  return c.json(await meetingAnswer(db, viewer, id), 201);
};

export const getMeeting: RouteHandler<typeof routes.getMeeting, AppEnv> = async (c) => {
  const db = createDb(c.env.DB);
  return c.json(await meetingAnswer(db, c.get("viewer"), c.req.valid("param").eventId), 200);
};

export const updateMeeting: RouteHandler<typeof routes.updateMeeting, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const { eventId } = c.req.valid("param");
  const body = c.req.valid("json");
  const db = createDb(c.env.DB);
  const m = await organisedMeeting(db, viewer, eventId);
  const named = body.attendeeIds && [...new Set(body.attendeeIds)];
  if (named) await checkOrganisations(db, viewer, "attendeeIds", named);
  // The caller replaces only the attendees it can see: hidden ones stay.
  const hidden = named ? (await attendeesOf(db, viewer, eventId)).hidden : [];
  const touchesEvent = body.date !== undefined || body.title !== undefined || named !== undefined;
  const now = nowIso();
  await db.batch([
    bumpRevisions(db, { events: touchesEvent ? [eventId] : [] }),
    inBatch(db, db.run(sql`UPDATE round_table_meetings SET place = ${body.place === undefined ? m.place : body.place},
      starts_at = ${body.startsAt === undefined ? m.startsAt : body.startsAt}, minutes_by = ${body.minutesBy === undefined ? m.minutesBy : body.minutesBy}
      WHERE event_id = ${eventId}`)),
    ...(body.date !== undefined || body.title !== undefined
      ? [inBatch(db, db.run(sql`UPDATE events SET date = ${body.date ?? m.date}, title = ${body.title ?? m.title}, updated_at = ${now} WHERE id = ${eventId}`))]
      : []),
    ...(named
      ? [
          inBatch(db, db.run(sql`DELETE FROM event_participants WHERE event_id = ${eventId}`)),
          inBatch(db, db.run(sql`INSERT OR IGNORE INTO event_participants (event_id, organisation_id) SELECT ${eventId}, value FROM json_each(${JSON.stringify([...named, ...hidden])})`)),
        ]
      : []),
    auditInsert(db, viewer, { action: "update", entity: "events", entityId: eventId, regionCode: m.regionCode, detail: redactPersonal({ ...body, attendeeIds: named }) }),
    bumpRevisions(db, { events: touchesEvent ? [eventId] : [] }),
  ]);
  return c.json(await meetingAnswer(db, viewer, eventId), 200);
};

export const addDecision: RouteHandler<typeof routes.addDecision, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  const { eventId } = c.req.valid("param");
  const { text } = c.req.valid("json");
  const db = createDb(c.env.DB);
  const m = await organisedMeeting(db, viewer, eventId);
  const n = await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM round_table_decisions WHERE event_id = ${eventId}`);
  if ((n?.n ?? 0) >= ROUND_TABLE_LIMITS.maxDecisions) throw new ApiError(409, "conflict", `A meeting's minutes hold at most ${ROUND_TABLE_LIMITS.maxDecisions} decisions`);
  await db.batch([
    inBatch(db, db.run(sql`INSERT INTO round_table_decisions (event_id, text) VALUES (${eventId}, ${text})`)),
    auditInsert(db, viewer, { action: "create", entity: "round_table_decisions", entityId: sql`last_insert_rowid()`, regionCode: m.regionCode, detail: { eventId } }),
  ]);
  return c.json(await meetingAnswer(db, viewer, eventId), 201);
};

export const removeDecision: RouteHandler<typeof routes.removeDecision, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const { eventId, decisionId } = c.req.valid("param");
  const db = createDb(c.env.DB);
  const m = await organisedMeeting(db, viewer, eventId);
  const found = await db.get<{ id: number }>(sql`SELECT id FROM round_table_decisions WHERE id = ${decisionId} AND event_id = ${eventId}`);
  if (!found) throw notFound("Decision");
  await db.batch([
    inBatch(db, db.run(sql`DELETE FROM round_table_decisions WHERE id = ${decisionId}`)),
    auditInsert(db, viewer, { action: "delete", entity: "round_table_decisions", entityId: decisionId, regionCode: m.regionCode, detail: { eventId } }),
  ]);
  return c.body(null, 204);
};

/** The owner organisation of a task must have attended the meeting (and be visible to the caller). */
async function checkOwner(db: Db, viewer: Viewer, eventId: number, ownerOrganisationId: number | null | undefined) {
  if (ownerOrganisationId == null) return;
  const { visible } = await attendeesOf(db, viewer, eventId);
  if (!visible.some((a) => a.id === ownerOrganisationId)) {
    throw validationFailed("The task's organisation must be an attendee of the meeting", [{ path: "ownerOrganisationId", message: `Organisation ${ownerOrganisationId} did not attend` }]);
  }
}

async function taskById(db: Db, taskId: number) {
  const rows = await db.all<{ eventId: number }>(sql`SELECT event_id AS eventId FROM round_table_tasks WHERE id = ${taskId}`);
  if (!rows[0]) throw notFound("Task");
  return rows[0];
}

async function presentOne(db: Db, eventId: number, taskId: number) {
  const t = (await tasksOf(db, { eventId })).find((x) => x.id === taskId);
  if (!t) throw notFound("Task");
  return presentTask(t);
}

export const addTask: RouteHandler<typeof routes.addTask, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  const { eventId } = c.req.valid("param");
  const body = c.req.valid("json");
  const db = createDb(c.env.DB);
  const m = await organisedMeeting(db, viewer, eventId);
  await checkOwner(db, viewer, eventId, body.ownerOrganisationId);
  const n = await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM round_table_tasks WHERE event_id = ${eventId}`);
  if ((n?.n ?? 0) >= ROUND_TABLE_LIMITS.maxTasks) throw new ApiError(409, "conflict", `A meeting's minutes hold at most ${ROUND_TABLE_LIMITS.maxTasks} tasks`);
  const [inserted] = await db.batch([
    inBatch(db, db.run(sql`INSERT INTO round_table_tasks (event_id, task, owner_organisation_id, owner_name, due_on)
      VALUES (${eventId}, ${body.task}, ${body.ownerOrganisationId ?? null}, ${body.ownerName ?? null}, ${body.dueOn ?? null}) RETURNING id`)),
    auditInsert(db, viewer, { action: "create", entity: "round_table_tasks", entityId: sql`last_insert_rowid()`, regionCode: m.regionCode, detail: { eventId, task: body.task, dueOn: body.dueOn, ownerName: body.ownerName ? "[personal data]" : undefined } }),
  ]);
  const id = (inserted as unknown as { results: { id: number }[] }).results[0].id;
  return c.json(await presentOne(db, eventId, id), 201);
};

export const updateTask: RouteHandler<typeof routes.updateTask, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const { taskId } = c.req.valid("param");
  const body = c.req.valid("json");
  const db = createDb(c.env.DB);
  const { eventId } = await taskById(db, taskId);
  const m = await organisedMeeting(db, viewer, eventId);
  await checkOwner(db, viewer, eventId, body.ownerOrganisationId);
  const sets = [
    body.task !== undefined ? sql`task = ${body.task}` : null,
    body.ownerOrganisationId !== undefined ? sql`owner_organisation_id = ${body.ownerOrganisationId}` : null,
    body.ownerName !== undefined ? sql`owner_name = ${body.ownerName}` : null,
    body.dueOn !== undefined ? sql`due_on = ${body.dueOn}` : null,
    body.done !== undefined ? (body.done ? sql`done_at = coalesce(done_at, ${nowIso()})` : sql`done_at = NULL`) : null,
    sql`updated_at = ${nowIso()}`,
  ].filter((s) => s !== null);
  await db.batch([
    inBatch(db, db.run(sql`UPDATE round_table_tasks SET ${sql.join(sets, sql`, `)} WHERE id = ${taskId}`)),
    auditInsert(db, viewer, { action: "update", entity: "round_table_tasks", entityId: taskId, regionCode: m.regionCode, detail: { eventId, ...body, ownerName: body.ownerName ? "[personal data]" : body.ownerName } }),
  ]);
  return c.json(await presentOne(db, eventId, taskId), 200);
};
