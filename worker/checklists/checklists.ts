/**
 * @module
 * Checklist templates and an event's working copy (docs/checklists.md). A template is the built-in
 * one of its format unless the organiser has its own copy; the working copy is made once from the
 * template that applies, and its due dates are computed from the event's date when read.
 */
import { sql } from "drizzle-orm";
import { assertCanWrite, type Viewer } from "../lib/auth";
import { notFound, validationFailed } from "../lib/errors";
import type { Db } from "../db/client";
import { addDays, BUILTIN_TEMPLATES, builtinItem, formatOfKind, type ChecklistFormat } from "./templates";

export interface TemplateItem {
  position: number;
  key: string | null;
  title: string;
  offsetDays: number;
}

export interface Template {
  format: ChecklistFormat;
  organiserId: number | null;
  source: "builtin" | "organiser";
  templateId: number | null;
  items: TemplateItem[];
}

/** The built-in template as items (German text as the stored title; translations by key). */
export function builtinTemplate(format: ChecklistFormat): Template {
  return {
    format,
    organiserId: null,
    source: "builtin",
    templateId: null,
    items: BUILTIN_TEMPLATES[format].map((i, position) => ({ position, key: i.key, title: i.de, offsetDays: i.offsetDays })),
  };
}

/** The template an organiser's events use: its own copy if it made one, else the built-in one. */
export async function templateFor(db: Db, format: ChecklistFormat, organiserId: number | null): Promise<Template> {
  if (organiserId == null) return builtinTemplate(format);
  const own = await db.get<{ id: number }>(sql`SELECT id FROM checklist_templates WHERE organiser_id = ${organiserId} AND format = ${format}`);
  if (!own) return { ...builtinTemplate(format), organiserId };
  const items = await db.all<TemplateItem>(
    sql`SELECT position, builtin_key AS key, title, offset_days AS offsetDays FROM checklist_template_items WHERE template_id = ${own.id} ORDER BY position`,
  );
  return { format, organiserId, source: "organiser", templateId: own.id, items };
}

/** An organisation that may own a template: it exists; a coordinator writes only in its region. */
export async function organiserForWrite(db: Db, viewer: Viewer, organiserId: number) {
  const org = await db.get<{ id: number; regionCode: string }>(
    sql`SELECT id, region_code AS regionCode FROM organisations WHERE id = ${organiserId} AND deleted_at IS NULL`,
  );
  if (!org) throw notFound("Organiser");
  assertCanWrite(viewer, org.regionCode);
  return org;
}

/**
 * An item keeps its built-in key (and so its translations) only while its text is one of that
 * built-in item's texts; a changed text is the organiser's own.
 */
export function keepKey(format: ChecklistFormat, key: string | null | undefined, title: string): string | null {
  const builtin = builtinItem(format, key);
  return builtin && [builtin.de, builtin.en, builtin.nl].includes(title) ? builtin.key : null;
}

export interface ChecklistEvent {
  id: number;
  kind: string;
  title: string;
  date: string;
  regionCode: string;
  organiserId: number | null;
}

/** The event for its organiser (admins, coordinators of its region); its checklist format or 422. */
export async function organisedEvent(db: Db, viewer: Viewer, eventId: number): Promise<ChecklistEvent & { format: ChecklistFormat }> {
  const e = await db.get<ChecklistEvent>(
    sql`SELECT id, kind, title, date, region_code AS regionCode, organiser_id AS organiserId FROM events WHERE id = ${eventId} AND deleted_at IS NULL`,
  );
  if (!e) throw notFound("Event");
  assertCanWrite(viewer, e.regionCode);
  const format = formatOfKind(e.kind);
  if (!format) throw validationFailed("Events of kind 'other' have no checklist template", [{ path: "eventId", message: "Choose a format for the event first" }]);
  return { ...e, format };
}

export interface ChecklistItemRow {
  id: number;
  position: number;
  key: string | null;
  title: string;
  offsetDays: number;
  assignee: string | null;
  doneAt: string | null;
  doneBy: string | null;
}

/** Today as the date overdue items are measured against (UTC). */
export const todayUtc = () => new Date().toISOString().slice(0, 10);

/** An item as the API shows it: its due date from the event's date, overdue when open and past due. */
export function presentItem(format: ChecklistFormat, eventDate: string, row: ChecklistItemRow, today = todayUtc()) {
  const dueOn = addDays(eventDate, row.offsetDays);
  const builtin = builtinItem(format, row.key);
  return {
    id: row.id,
    position: row.position,
    key: row.key,
    title: row.title,
    titles: builtin ? { de: builtin.de, en: builtin.en, nl: builtin.nl } : null,
    offsetDays: row.offsetDays,
    dueOn,
    assignee: row.assignee,
    done: row.doneAt !== null,
    doneAt: row.doneAt,
    overdue: row.doneAt === null && dueOn < today,
  };
}

/**
 * The event's working copy. Before one is made: no items, `created` false, and the template a
 * copy would be made from (so the organiser's page offers it without a failed request).
 */
export async function readChecklist(db: Db, event: ChecklistEvent & { format: ChecklistFormat }, today = todayUtc()) {
  const [head, rows] = await Promise.all([
    db.get<{ templateId: number | null; createdAt: string }>(sql`SELECT template_id AS templateId, created_at AS createdAt FROM event_checklists WHERE event_id = ${event.id}`),
    db.all<ChecklistItemRow>(
      sql`SELECT id, position, builtin_key AS key, title, offset_days AS offsetDays, assignee, done_at AS doneAt, done_by AS doneBy
          FROM event_checklist_items WHERE event_id = ${event.id} ORDER BY offset_days, position, id`,
    ),
  ]);
  const source = head ? (head.templateId === null ? "builtin" : "organiser") : (await templateFor(db, event.format, event.organiserId)).source;
  const items = rows.map((r) => presentItem(event.format, event.date, r, today));
  return {
    event: { id: event.id, kind: event.kind, title: event.title, date: event.date, regionCode: event.regionCode },
    format: event.format,
    created: head !== undefined && head !== null,
    templateSource: source as "builtin" | "organiser",
    createdAt: head?.createdAt ?? null,
    today,
    items,
    counts: { total: items.length, done: items.filter((i) => i.done).length, overdue: items.filter((i) => i.overdue).length },
  };
}
