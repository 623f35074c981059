/**
 * @module
 * Follow-up handlers of the organiser (a coordinator of the event's region, or an admin).
 */
import type { RouteHandler } from "@hono/zod-openapi";
import { assertCanWrite, type Viewer } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { ApiError, notFound } from "../../lib/errors";
import { toCsv, CSV_MEDIA_TYPE } from "../../export/csv";
import { canRemind, disagreement, followUpState, type Answer, type FollowUpState } from "../../marketplace/follow-up";
import { issueFollowUpLink, mailFollowUps, recipients } from "../../marketplace/follow-up-delivery";
import { scheduleFollowUps } from "../../marketplace/follow-up-schedule";
import { mailTransport } from "../../mail/transport";
import type * as routes from "./follow-ups.routes";

/** The marketplace event, if the caller organises it (its region's coordinator or an admin). */
async function organisedEvent(db: D1Database, viewer: Viewer, eventId: number) {
  const event = await db
    .prepare("SELECT e.id, e.title, e.date, e.region_code AS regionCode FROM events e JOIN marketplaces m ON m.event_id = e.id WHERE e.id = ? AND e.deleted_at IS NULL")
    .bind(eventId)
    .first<{ id: number; title: string; date: string; regionCode: string }>();
  if (!event) throw notFound("Marketplace");
  assertCanWrite(viewer, event.regionCode);
  return event;
}

interface BoardRow {
  id: number;
  cooperationId: number;
  organisationId: number;
  organisationName: string;
  partnerNames: string | null;
  agreedText: string;
  roundMonths: number;
  dueOn: string;
  sentAt: string | null;
  sentVia: "mail" | "download" | null;
  reminders: number;
  lastRemindedAt: string | null;
  hasAddress: number;
  answeredAt: string | null;
  answeredBy: string | null;
  outcome: "done" | "ongoing" | "not_feasible" | null;
  hours: number | null;
  volunteers: number | null;
  peopleReached: number | null;
  wouldRepeat: number | null;
  comment: string | null;
}

const answerOf = (r: BoardRow): Answer => ({ outcome: r.outcome ?? "ongoing", hours: r.hours, volunteers: r.volunteers, peopleReached: r.peopleReached });

export const board: RouteHandler<typeof routes.board, AppEnv> = async (c) => {
  const { eventId } = c.req.valid("param");
  const db = c.env.DB;
  const event = await organisedEvent(db, c.get("viewer"), eventId);
  const { results } = await db
    .prepare(
      `SELECT f.id, f.cooperation_id AS cooperationId, f.organisation_id AS organisationId, o.name AS organisationName,
              (SELECT json_group_array(name) FROM (SELECT p.name FROM cooperation_partners cp JOIN organisations p ON p.id = cp.organisation_id
                 WHERE cp.cooperation_id = f.cooperation_id AND cp.organisation_id <> f.organisation_id AND p.deleted_at IS NULL ORDER BY p.name)) AS partnerNames,
              ed.agreed_text AS agreedText, f.round_months AS roundMonths, f.due_on AS dueOn, f.sent_at AS sentAt, f.sent_via AS sentVia,
              f.reminders, f.last_reminded_at AS lastRemindedAt,
              (coalesce((SELECT r.contact_email FROM registrations r WHERE r.event_id = ed.event_id AND r.organisation_id = f.organisation_id
                          ORDER BY r.status = 'approved' DESC, r.id DESC LIMIT 1), o.contact_email) IS NOT NULL) AS hasAddress,
              f.answered_at AS answeredAt, f.answered_by AS answeredBy, f.outcome, f.hours, f.volunteers, f.people_reached AS peopleReached,
              f.would_repeat AS wouldRepeat, f.comment
       FROM follow_up_requests f
       JOIN event_deals ed ON ed.cooperation_id = f.cooperation_id AND ed.event_id = ?1
       JOIN cooperations c ON c.id = f.cooperation_id AND c.deleted_at IS NULL
       JOIN organisations o ON o.id = f.organisation_id AND o.deleted_at IS NULL
       ORDER BY f.due_on, f.cooperation_id, f.round_months, o.name`,
    )
    .bind(eventId)
    .all<BoardRow>();
  const now = new Date();
  // Answers of the same deal and round, side by side.
  const byRound = new Map<string, BoardRow[]>();
  for (const r of results) {
    if (!r.answeredAt || !r.outcome) continue;
    const key = `${r.cooperationId}:${r.roundMonths}`;
    byRound.set(key, [...(byRound.get(key) ?? []), r]);
  }
  const disagreeing = new Set<number>();
  const disagreements = [];
  for (const answers of byRound.values()) {
    if (answers.length < 2) continue;
    const on = new Set<"outcome" | "hours" | "volunteers" | "peopleReached">();
    for (let i = 0; i < answers.length; i++)
      for (let j = i + 1; j < answers.length; j++) for (const k of disagreement(answerOf(answers[i]), answerOf(answers[j]))) on.add(k);
    if (on.size === 0) continue;
    for (const a of answers) disagreeing.add(a.id);
    disagreements.push({ cooperationId: answers[0].cooperationId, roundMonths: answers[0].roundMonths, agreedText: answers[0].agreedText, on: [...on], requestIds: answers.map((a) => a.id) });
  }
  const counts: Record<FollowUpState | "disagreeing" | "remindable", number> = { upcoming: 0, due: 0, sent: 0, overdue: 0, answered: 0, disagreeing: disagreements.length, remindable: 0 };
  const items = results.map((r) => {
    const state = followUpState(r, now);
    const remind = canRemind(r, now);
    counts[state]++;
    if (remind) counts.remindable++;
    return {
      ...r,
      partnerNames: JSON.parse(r.partnerNames ?? "[]") as string[],
      state,
      canRemind: remind,
      hasAddress: r.hasAddress === 1,
      wouldRepeat: r.wouldRepeat == null ? null : r.wouldRepeat === 1,
      disagrees: disagreeing.has(r.id),
    };
  });
  const transport = mailTransport(c.env);
  return c.json(
    { event, today: now.toISOString().slice(0, 10), mail: { configured: transport !== null, transport: transport?.name ?? null }, counts, items, disagreements },
    200,
  );
};

export const schedule: RouteHandler<typeof routes.schedule, AppEnv> = async (c) => {
  const { eventId } = c.req.valid("param");
  await organisedEvent(c.env.DB, c.get("viewer"), eventId);
  return c.json({ created: await scheduleFollowUps(c.env.DB, eventId) }, 200);
};

export const send: RouteHandler<typeof routes.send, AppEnv> = async (c) => {
  const { eventId } = c.req.valid("param");
  const { which } = c.req.valid("json");
  await organisedEvent(c.env.DB, c.get("viewer"), eventId);
  const transport = mailTransport(c.env);
  if (!transport) throw new ApiError(409, "conflict", "No mail transport is configured; download the links as a mail-merge file instead");
  await scheduleFollowUps(c.env.DB, eventId);
  return c.json(await mailFollowUps(c.env.DB, transport, eventId, which, new URL(c.req.url).origin), 200);
};

/** At most this many rows per download. */
const DOWNLOAD_ROWS = 500;

const HEADER = {
  de: ["E-Mail", "Ansprechperson", "Organisation", "Partner", "Veranstaltung", "Datum", "Vereinbarung", "Runde (Monate)", "Fällig am", "Erinnerung", "Link", "Gültig bis"],
  en: ["Email", "Contact", "Organisation", "Partners", "Event", "Date", "Agreed", "Round (months)", "Due on", "Reminder", "Link", "Valid until"],
};

export const download: RouteHandler<typeof routes.download, AppEnv> = async (c) => {
  const { eventId } = c.req.valid("param");
  const { which, locale } = c.req.valid("json");
  const db = c.env.DB;
  const event = await organisedEvent(db, c.get("viewer"), eventId);
  await scheduleFollowUps(db, eventId);
  const now = new Date();
  const origin = new URL(c.req.url).origin;
  const rows = [];
  for (const r of await recipients(db, eventId, which, now, DOWNLOAD_ROWS)) {
    const link = await issueFollowUpLink(db, r, origin, "download", now);
    rows.push([r.email, r.contactName, r.organisationName, r.partnerNames, r.eventTitle, { date: r.eventDate }, r.agreedText, r.roundMonths, { date: r.dueOn }, r.sentAt !== null, link.url, { date: link.expiresAt.slice(0, 10) }]);
  }
  const file = toCsv(HEADER[locale], rows, locale);
  const name = `follow-ups-${event.id}-${now.toISOString().slice(0, 10)}.csv`;
  return c.body(file, 200, { "Content-Type": CSV_MEDIA_TYPE, "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" }) as never;
};
