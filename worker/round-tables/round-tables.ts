/**
 * @module
 * Round tables (docs/round-tables.md): a series of meetings under one title, region and organiser.
 * Each meeting is an event of kind `round_table`, so its attendees are event participants and form
 * the event tie layer of the network (worker/network/snapshot-reads.ts) like any other event's.
 * The minutes — decisions and follow-up tasks — are the organiser's working notes, never public.
 */
import { and, isNull, sql } from "drizzle-orm";
import { assertCanWrite, type Viewer } from "../lib/auth";
import { notFound } from "../lib/errors";
import type { Db } from "../db/client";
import { organisations } from "../db/tables";
import { visibleOrganisations } from "../db/visibility";

export interface SeriesRow {
  id: number;
  title: string;
  regionCode: string;
  organiserId: number | null;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The series for its organiser (admins, coordinators of its region), or 404/403. */
export async function organisedSeries(db: Db, viewer: Viewer, seriesId: number): Promise<SeriesRow> {
  const s = await db.get<SeriesRow>(
    sql`SELECT id, title, region_code AS regionCode, organiser_id AS organiserId, description, created_at AS createdAt, updated_at AS updatedAt
        FROM round_table_series WHERE id = ${seriesId} AND deleted_at IS NULL`,
  );
  if (!s) throw notFound("Round table");
  assertCanWrite(viewer, s.regionCode);
  return s;
}

export interface MeetingRow {
  eventId: number;
  seriesId: number;
  title: string;
  date: string;
  regionCode: string;
  place: string | null;
  startsAt: string | null;
  minutesBy: string | null;
}

const MEETING_COLUMNS = sql`m.event_id AS eventId, m.series_id AS seriesId, e.title, e.date, e.region_code AS regionCode, m.place, m.starts_at AS startsAt, m.minutes_by AS minutesBy`;

/** A meeting (not deleted) for its organiser, with its series; 404/403 otherwise. */
export async function organisedMeeting(db: Db, viewer: Viewer, eventId: number): Promise<MeetingRow> {
  const m = await db.get<MeetingRow>(
    sql`SELECT ${MEETING_COLUMNS} FROM round_table_meetings m JOIN events e ON e.id = m.event_id
        JOIN round_table_series s ON s.id = m.series_id
        WHERE m.event_id = ${eventId} AND e.deleted_at IS NULL AND s.deleted_at IS NULL`,
  );
  if (!m) throw notFound("Meeting");
  assertCanWrite(viewer, m.regionCode);
  return m;
}

/** The series' meetings, latest first, with attendee counts. */
export async function meetingsOf(db: Db, seriesId: number, limit: number) {
  return db.all<MeetingRow & { attendees: number; decisions: number; openTasks: number }>(
    sql`SELECT ${MEETING_COLUMNS},
          (SELECT count(*) FROM event_participants p WHERE p.event_id = m.event_id) AS attendees,
          (SELECT count(*) FROM round_table_decisions d WHERE d.event_id = m.event_id) AS decisions,
          (SELECT count(*) FROM round_table_tasks t WHERE t.event_id = m.event_id AND t.done_at IS NULL) AS openTasks
        FROM round_table_meetings m JOIN events e ON e.id = m.event_id
        WHERE m.series_id = ${seriesId} AND e.deleted_at IS NULL
        ORDER BY e.date DESC, m.event_id DESC LIMIT ${limit}`,
  );
}

/**
 * The meeting's attendees the viewer may see (by name), and how many it may not: an organiser of
 * the region sees its own region's organisations and public ones, as everywhere else.
 */
export async function attendeesOf(db: Db, viewer: Viewer, eventId: number) {
  const visible = visibleOrganisations(viewer);
  const rows = await db.all<{ id: number; name: string; kind: string; shown: number }>(
    sql`SELECT organisations.id AS id, organisations.name AS name, organisations.kind AS kind,
          ${visible ? sql`CASE WHEN ${and(visible, isNull(organisations.deletedAt))} THEN 1 ELSE 0 END` : sql`organisations.deleted_at IS NULL`} AS shown
        FROM event_participants p JOIN organisations ON organisations.id = p.organisation_id
        WHERE p.event_id = ${eventId} ORDER BY organisations.name COLLATE NOCASE, organisations.id`,
  );
  return { visible: rows.filter((r) => r.shown).map(({ id, name, kind }) => ({ id, name, kind })), hidden: rows.filter((r) => !r.shown).map((r) => r.id) };
}

export interface TaskRow {
  id: number;
  eventId: number;
  task: string;
  ownerOrganisationId: number | null;
  ownerOrganisationName: string | null;
  ownerName: string | null;
  dueOn: string | null;
  doneAt: string | null;
  meetingDate: string;
}

const TASK_COLUMNS = sql`t.id, t.event_id AS eventId, t.task, t.owner_organisation_id AS ownerOrganisationId, o.name AS ownerOrganisationName,
  t.owner_name AS ownerName, t.due_on AS dueOn, t.done_at AS doneAt, e.date AS meetingDate`;

/** Tasks of one meeting, or the open tasks of a whole series (oldest due first). */
export async function tasksOf(db: Db, where: { eventId: number } | { seriesId: number; openOnly: true }) {
  const filter = "eventId" in where ? sql`t.event_id = ${where.eventId}` : sql`m.series_id = ${where.seriesId} AND t.done_at IS NULL AND e.deleted_at IS NULL`;
  return db.all<TaskRow>(
    sql`SELECT ${TASK_COLUMNS} FROM round_table_tasks t JOIN round_table_meetings m ON m.event_id = t.event_id JOIN events e ON e.id = t.event_id
        LEFT JOIN organisations o ON o.id = t.owner_organisation_id
        WHERE ${filter} ORDER BY t.due_on IS NULL, t.due_on, t.id`,
  );
}

/** A task as the API shows it: overdue when open and due before today (UTC). */
export function presentTask(t: TaskRow, today = new Date().toISOString().slice(0, 10)) {
  return {
    id: t.id,
    eventId: t.eventId,
    meetingDate: t.meetingDate,
    task: t.task,
    owner: { organisationId: t.ownerOrganisationId, organisationName: t.ownerOrganisationName, name: t.ownerName },
    dueOn: t.dueOn,
    done: t.doneAt !== null,
    doneAt: t.doneAt,
    overdue: t.doneAt === null && t.dueOn !== null && t.dueOn < today,
  };
}
