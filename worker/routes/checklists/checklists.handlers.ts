/**
 * @module
 * Checklist handlers. Every write is audited in its batch. Checklists feed no figure and no
 * network snapshot (worker/db/revisions.ts: nothing a snapshot reads changes), so they bump no
 * revision.
 */
import type { RouteHandler } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { requireRole } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { ApiError, notFound, validationFailed } from "../../lib/errors";
import { CHECKLIST_LIMITS } from "../../lib/limits";
import { auditInsert } from "../../db/audit";
import { createDb, inBatch, nowIso } from "../../db/client";
import { builtinItem, type ChecklistFormat } from "../../checklists/templates";
import { keepKey, organisedEvent, organiserForWrite, presentItem, readChecklist, templateFor, type ChecklistItemRow, type Template } from "../../checklists/checklists";
import type * as routes from "./checklists.routes";

function withTitles(t: Template) {
  return {
    format: t.format,
    organiserId: t.organiserId,
    source: t.source,
    items: t.items.map((i) => {
      const b = builtinItem(t.format, i.key);
      return { ...i, titles: b ? { de: b.de, en: b.en, nl: b.nl } : null };
    }),
  };
}

export const getTemplate: RouteHandler<typeof routes.getTemplate, AppEnv> = async (c) => {
  const { format } = c.req.valid("param");
  const { organiserId } = c.req.valid("query");
  const db = createDb(c.env.DB);
  if (organiserId !== undefined) {
    const org = await db.get<{ id: number }>(sql`SELECT id FROM organisations WHERE id = ${organiserId} AND deleted_at IS NULL`);
    if (!org) throw notFound("Organiser");
  }
  return c.json(withTitles(await templateFor(db, format, organiserId ?? null)), 200);
};

export const putTemplate: RouteHandler<typeof routes.putTemplate, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const { format } = c.req.valid("param");
  const { organiserId } = c.req.valid("query");
  const { items } = c.req.valid("json");
  const db = createDb(c.env.DB);
  const org = await organiserForWrite(db, viewer, organiserId);
  const rows = items.map((i, position) => ({ position, key: keepKey(format, i.key, i.title), title: i.title, offsetDays: i.offsetDays }));
  const now = nowIso();
  // The copy replaces the organiser's previous one whole; its id stays, so checklists made from it keep pointing at it.
  await db.batch([
    inBatch(db, db.run(sql`INSERT INTO checklist_templates (format, organiser_id, updated_at) VALUES (${format}, ${org.id}, ${now})
      ON CONFLICT (organiser_id, format) DO UPDATE SET updated_at = excluded.updated_at`)),
    inBatch(db, db.run(sql`DELETE FROM checklist_template_items WHERE template_id = (SELECT id FROM checklist_templates WHERE organiser_id = ${org.id} AND format = ${format})`)),
    inBatch(db, db.run(sql`INSERT INTO checklist_template_items (template_id, position, builtin_key, title, offset_days)
      SELECT (SELECT id FROM checklist_templates WHERE organiser_id = ${org.id} AND format = ${format}),
             json_extract(value, '$.position'), json_extract(value, '$.key'), json_extract(value, '$.title'), json_extract(value, '$.offsetDays')
      FROM json_each(${JSON.stringify(rows)})`)),
    auditInsert(db, viewer, { action: "update", entity: "checklist_templates", entityId: `${org.id}:${format}`, regionCode: org.regionCode, detail: { format, organiserId: org.id, items: rows.length } }),
  ]);
  return c.json(withTitles(await templateFor(db, format, org.id)), 200);
};

export const deleteTemplate: RouteHandler<typeof routes.deleteTemplate, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const { format } = c.req.valid("param");
  const { organiserId } = c.req.valid("query");
  const db = createDb(c.env.DB);
  const org = await organiserForWrite(db, viewer, organiserId);
  await db.batch([
    inBatch(db, db.run(sql`DELETE FROM checklist_templates WHERE organiser_id = ${org.id} AND format = ${format}`)),
    auditInsert(db, viewer, { action: "delete", entity: "checklist_templates", entityId: `${org.id}:${format}`, regionCode: org.regionCode, detail: { format, organiserId: org.id } }),
  ]);
  return c.body(null, 204);
};

export const getChecklist: RouteHandler<typeof routes.getChecklist, AppEnv> = async (c) => {
  const db = createDb(c.env.DB);
  const event = await organisedEvent(db, c.get("viewer"), c.req.valid("param").eventId);
  return c.json(await readChecklist(db, event), 200);
};

export const createChecklist: RouteHandler<typeof routes.createChecklist, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  const { eventId } = c.req.valid("param");
  const body = c.req.valid("json");
  const db = createDb(c.env.DB);
  const event = await organisedEvent(db, viewer, eventId);
  const organiserId = body.organiserId === undefined ? event.organiserId : body.organiserId;
  if (organiserId != null) {
    const org = await db.get<{ id: number }>(sql`SELECT id FROM organisations WHERE id = ${organiserId} AND deleted_at IS NULL`);
    if (!org) throw validationFailed("Unknown organiser", [{ path: "organiserId", message: `No organisation ${organiserId}` }]);
  }
  const template = await templateFor(db, event.format, organiserId);
  const rows = template.items.map((i) => ({ position: i.position, key: i.key, title: i.title, offsetDays: i.offsetDays }));
  try {
    await db.batch([
      inBatch(db, db.run(sql`INSERT INTO event_checklists (event_id, template_id, created_at) VALUES (${eventId}, ${template.templateId}, ${nowIso()})`)),
      inBatch(db, db.run(sql`INSERT INTO event_checklist_items (event_id, position, builtin_key, title, offset_days)
        SELECT ${eventId}, json_extract(value, '$.position'), json_extract(value, '$.key'), json_extract(value, '$.title'), json_extract(value, '$.offsetDays')
        FROM json_each(${JSON.stringify(rows)})`)),
      auditInsert(db, viewer, { action: "create", entity: "event_checklists", entityId: eventId, regionCode: event.regionCode, detail: { format: event.format, templateSource: template.source, organiserId, items: rows.length } }),
    ]);
  } catch (err) {
    // The primary key on event_id: a second request for the same event finds the first one's copy.
    if (/UNIQUE|PRIMARY KEY/i.test(String(err))) throw new ApiError(409, "conflict", "This event has its checklist already");
    throw err;
  }
  return c.json(await readChecklist(db, event), 201);
};

async function itemOf(c: { env: { DB: D1Database } }, eventId: number, itemId: number) {
  const db = createDb(c.env.DB);
  const row = await db.get<ChecklistItemRow>(
    sql`SELECT id, position, builtin_key AS key, title, offset_days AS offsetDays, assignee, done_at AS doneAt, done_by AS doneBy
        FROM event_checklist_items WHERE id = ${itemId} AND event_id = ${eventId}`,
  );
  if (!row) throw notFound("Checklist item");
  return row;
}

/** Whole days from `from` to `to` (YYYY-MM-DD). */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export const addItem: RouteHandler<typeof routes.addItem, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  const { eventId } = c.req.valid("param");
  const body = c.req.valid("json");
  const db = createDb(c.env.DB);
  const event = await organisedEvent(db, viewer, eventId);
  const head = await db.get<{ n: number; next: number | null; exists: number }>(
    sql`SELECT (SELECT count(*) FROM event_checklist_items WHERE event_id = ${eventId}) AS n,
               (SELECT max(position) + 1 FROM event_checklist_items WHERE event_id = ${eventId}) AS next,
               (SELECT count(*) FROM event_checklists WHERE event_id = ${eventId}) AS "exists"`,
  );
  if (!head?.exists) throw notFound("Checklist");
  if (head.n >= CHECKLIST_LIMITS.maxItems || (head.next ?? 0) >= CHECKLIST_LIMITS.maxItems) {
    throw new ApiError(409, "conflict", `A checklist holds at most ${CHECKLIST_LIMITS.maxItems} items`);
  }
  const [inserted] = await db.batch([
    inBatch(db, db.run(sql`INSERT INTO event_checklist_items (event_id, position, builtin_key, title, offset_days, assignee)
      VALUES (${eventId}, ${head.next ?? 0}, NULL, ${body.title}, ${body.offsetDays}, ${body.assignee ?? null}) RETURNING id`)),
    auditInsert(db, viewer, { action: "create", entity: "event_checklist_items", entityId: sql`last_insert_rowid()`, regionCode: event.regionCode, detail: { eventId, title: body.title, offsetDays: body.offsetDays } }),
  ]);
  const id = (inserted as unknown as { results: { id: number }[] }).results[0].id;
  return c.json(presentItem(event.format, event.date, await itemOf(c, eventId, id)), 201);
};

export const updateItem: RouteHandler<typeof routes.updateItem, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const { eventId, itemId } = c.req.valid("param");
  const body = c.req.valid("json");
  const db = createDb(c.env.DB);
  const event = await organisedEvent(db, viewer, eventId);
  const item = await itemOf(c, eventId, itemId);
  if (body.dueOn !== undefined && body.offsetDays !== undefined) {
    throw validationFailed("Give the due date either as a day or as days from the event", [{ path: "dueOn", message: "Not together with offsetDays" }]);
  }
  const offsetDays = body.dueOn !== undefined ? daysBetween(event.date, body.dueOn) : (body.offsetDays ?? item.offsetDays);
  if (offsetDays < -730 || offsetDays > 730) throw validationFailed("Due date too far from the event", [{ path: "dueOn", message: "At most two years before or after the event" }]);
  const title = body.title ?? item.title;
  const key = body.title === undefined ? item.key : keepKey(event.format as ChecklistFormat, item.key, title);
  const doneAt = body.done === undefined ? item.doneAt : body.done ? (item.doneAt ?? nowIso()) : null;
  const doneBy = body.done === undefined ? item.doneBy : body.done ? (item.doneBy ?? viewer.actor) : null;
  const assignee = body.assignee === undefined ? item.assignee : body.assignee;
  await db.batch([
    inBatch(db, db.run(sql`UPDATE event_checklist_items SET title = ${title}, builtin_key = ${key}, offset_days = ${offsetDays}, assignee = ${assignee},
      done_at = ${doneAt}, done_by = ${doneBy} WHERE id = ${itemId}`)),
    auditInsert(db, viewer, { action: "update", entity: "event_checklist_items", entityId: itemId, regionCode: event.regionCode, detail: { eventId, ...body } }),
  ]);
  return c.json(presentItem(event.format, event.date, await itemOf(c, eventId, itemId)), 200);
};

export const deleteItem: RouteHandler<typeof routes.deleteItem, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const { eventId, itemId } = c.req.valid("param");
  const db = createDb(c.env.DB);
  const event = await organisedEvent(db, viewer, eventId);
  await itemOf(c, eventId, itemId);
  await db.batch([
    inBatch(db, db.run(sql`DELETE FROM event_checklist_items WHERE id = ${itemId}`)),
    auditInsert(db, viewer, { action: "delete", entity: "event_checklist_items", entityId: itemId, regionCode: event.regionCode, detail: { eventId } }),
  ]);
  return c.body(null, 204);
};
