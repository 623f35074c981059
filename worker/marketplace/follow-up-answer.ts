/**
 * @module
 * A partner's answer through its follow-up link (docs/marketplace.md, "Follow-up"): what the link
 * opens, and the one batch that stores the answer, uses up the link, updates the cooperation,
 * writes the audit row (with who answered) and bumps the data revisions — all or nothing.
 */
import { auditInsert } from "../db/audit";
import type { Db } from "../db/client";
import { bumpRevisions } from "../db/revisions";
import type { Viewer } from "../lib/auth";
import { ApiError } from "../lib/errors";
import { linkNotFound, markLinkUsed, resolveLink, type ResolvedLink } from "../links/capability";
import type { Answer } from "./follow-up";

/** A drizzle query as a plain D1 statement, so it joins a batch with the link statements. */
export function statementOf(db: Db, q: { toSQL(): { sql: string; params: unknown[] } } | { getQuery(): { sql: string; params: unknown[] } }): D1PreparedStatement {
  const { sql, params } = "toSQL" in q ? q.toSQL() : q.getQuery();
  return db.$client.prepare(sql).bind(...params);
}

export interface FollowUpContext {
  id: number;
  cooperationId: number;
  organisationId: number;
  organisationName: string;
  partnerNames: string[];
  roundMonths: number;
  dueOn: string;
  regionCode: string;
  dateAgreed: string;
  contributionTypes: string[];
  eventId: number;
  eventTitle: string;
  eventDate: string;
  place: string | null;
  agreedText: string;
  dueBy: string | null;
  locale: "de" | "en" | "nl";
}

/**
 * The request a live follow-up link opens, or the 404 every invalid link gets (also when the
 * deal was deleted or the organisation is no longer its partner: the link then opens nothing).
 * A used link is 410 to its holder (worker/links/capability.ts).
 */
export async function openFollowUp(db: Db, secret: string): Promise<{ link: ResolvedLink; request: FollowUpContext }> {
  const d1 = db.$client;
  const link = await resolveLink(d1, "follow_up", secret, { singleUse: true });
  const row = await d1
    .prepare(
      `SELECT f.id, f.cooperation_id AS cooperationId, f.organisation_id AS organisationId, o.name AS organisationName,
              f.round_months AS roundMonths, f.due_on AS dueOn, c.region_code AS regionCode, c.date_agreed AS dateAgreed,
              c.contribution_types AS contributionTypes, ed.event_id AS eventId, e.title AS eventTitle, e.date AS eventDate,
              m.place, ed.agreed_text AS agreedText, ed.due_by AS dueBy,
              (SELECT r.locale FROM registrations r WHERE r.event_id = ed.event_id AND r.organisation_id = f.organisation_id
                ORDER BY r.status = 'approved' DESC, r.id DESC LIMIT 1) AS locale
       FROM follow_up_requests f
       JOIN cooperations c ON c.id = f.cooperation_id AND c.deleted_at IS NULL
       JOIN event_deals ed ON ed.cooperation_id = f.cooperation_id
       JOIN events e ON e.id = ed.event_id AND e.deleted_at IS NULL
       LEFT JOIN marketplaces m ON m.event_id = ed.event_id
       JOIN organisations o ON o.id = f.organisation_id AND o.deleted_at IS NULL
       WHERE f.id = ?1
         AND EXISTS (SELECT 1 FROM cooperation_partners cp WHERE cp.cooperation_id = f.cooperation_id AND cp.organisation_id = f.organisation_id)`,
    )
    .bind(link.subjectId)
    .first<Omit<FollowUpContext, "partnerNames" | "contributionTypes" | "locale"> & { contributionTypes: string; locale: string | null }>();
  if (!row) throw linkNotFound();
  const partners = await d1
    .prepare(
      `SELECT o.name FROM cooperation_partners cp JOIN organisations o ON o.id = cp.organisation_id AND o.deleted_at IS NULL
       WHERE cp.cooperation_id = ?1 AND cp.organisation_id <> ?2 ORDER BY o.name`,
    )
    .bind(row.cooperationId, row.organisationId)
    .all<{ name: string }>();
  return {
    link,
    request: {
      ...row,
      partnerNames: partners.results.map((p) => p.name),
      contributionTypes: row.contributionTypes ? row.contributionTypes.split(",") : [],
      locale: row.locale === "en" || row.locale === "nl" ? row.locale : "de",
    },
  };
}

export interface AnswerInput extends Answer {
  wouldRepeat: boolean | null;
  comment: string | null;
  answeredBy: string;
}

/** The cooperation status an answer means. */
const STATUS: Record<Answer["outcome"], string> = { done: "done", ongoing: "ongoing", not_feasible: "not_feasible" };

/**
 * Stores the answer. The request's own update refuses a second answer (its outcome would become
 * invalid, so the whole batch fails): of two answers racing with the same link exactly one is
 * stored, and the other gets the 410 of a used link. The cooperation takes the answer unless a
 * partner already answered a later round (an old round answered late does not undo newer news).
 */
export async function storeAnswer(db: Db, link: ResolvedLink, request: FollowUpContext, input: AnswerInput, now = new Date()) {
  const d1 = db.$client;
  const at = now.toISOString();
  const today = at.slice(0, 10);
  const later = await d1
    .prepare("SELECT 1 AS x FROM follow_up_requests WHERE cooperation_id = ?1 AND round_months > ?2 AND answered_at IS NOT NULL LIMIT 1")
    .bind(request.cooperationId, request.roundMonths)
    .first();
  const updatesCooperation = !later;
  const viewer: Viewer = { role: "anonymous", tokenId: null, actor: `link:${link.id}`, scope: null };
  const statements: D1PreparedStatement[] = [
    d1
      .prepare(
        `UPDATE follow_up_requests SET answered_at = ?1, answered_by = ?2,
           outcome = CASE WHEN answered_at IS NULL THEN ?3 ELSE 'already answered' END,
           hours = ?4, volunteers = ?5, people_reached = ?6, would_repeat = ?7, comment = ?8
         WHERE id = ?9`,
      )
      .bind(at, input.answeredBy, input.outcome, input.hours, input.volunteers, input.peopleReached, input.wouldRepeat == null ? null : input.wouldRepeat ? 1 : 0, input.comment, request.id),
    markLinkUsed(d1, link.id),
  ];
  if (updatesCooperation) {
    statements.push(
      d1
        .prepare(
          `UPDATE cooperations SET status = ?1,
             date_done = CASE WHEN ?1 = 'done' THEN coalesce(date_done, max(date_agreed, ?2)) ELSE NULL END,
             hours = coalesce(?3, hours), volunteers = coalesce(?4, volunteers), people_reached = coalesce(?5, people_reached), updated_at = ?6
           WHERE id = ?7 AND deleted_at IS NULL`,
        )
        .bind(STATUS[input.outcome], today, input.hours, input.volunteers, input.peopleReached, at, request.cooperationId),
      statementOf(db, bumpRevisions(db, { cooperations: [request.cooperationId] })),
    );
  }
  statements.push(
    statementOf(
      db,
      auditInsert(db, viewer, {
        action: "follow_up_answer",
        entity: "cooperations",
        entityId: request.cooperationId,
        regionCode: request.regionCode,
        detail: {
          followUpRequest: request.id,
          organisationId: request.organisationId,
          roundMonths: request.roundMonths,
          answeredBy: input.answeredBy,
          outcome: input.outcome,
          hours: input.hours,
          volunteers: input.volunteers,
          peopleReached: input.peopleReached,
          wouldRepeat: input.wouldRepeat,
          updatesCooperation,
        },
      }),
    ),
  );
  try {
    await d1.batch(statements);
  } catch (e) {
    // The loser of a race: the other answer is stored, this one is the used link's 410.
    const stored = await d1.prepare("SELECT answered_at AS a FROM follow_up_requests WHERE id = ?").bind(request.id).first<{ a: string | null }>();
    if (stored?.a) throw new ApiError(410, "gone", "This link has already been used; each link answers once");
    throw e;
  }
  return { answeredAt: at, updatesCooperation };
}
