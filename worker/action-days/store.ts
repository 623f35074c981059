/**
 * @module
 * An action day as stored (schema/migrations/0010_action_days.sql, docs/action-days.md): the event
 * with its days and registration keys, its projects and teams with who registered them, the
 * assignment, and the results. Shared by the organiser's routes and the public link routes.
 */
import { sql } from "drizzle-orm";
import { assertCanWrite, type Viewer } from "../lib/auth";
import { notFound } from "../lib/errors";
import type { Db } from "../db/client";
import type { AssignmentReason, AssignProject, AssignTeam } from "./assignment";

export const ACTION_DAY_KINDS = ["action_day", "social_day", "action_72h"] as const;
export type ActionDayKind = (typeof ACTION_DAY_KINDS)[number];

/** Longest action: a 72-hour action spans three to four calendar days; two weeks is a typo's bound. */
export const MAX_ACTION_DAYS = 14;

export interface ActionDayRow {
  eventId: number;
  kind: ActionDayKind;
  title: string;
  date: string;
  endDate: string;
  regionCode: string;
  registrationCloses: string | null;
  projectKey: string;
  teamKey: string;
  createdAt: string;
  updatedAt: string;
}

/** Every day from `from` to `to`, inclusive (ISO dates). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(from + "T00:00:00Z"); t <= Date.parse(to + "T00:00:00Z") && out.length <= MAX_ACTION_DAYS; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** The action day of event `eventId` (not deleted, with its settings row), or a 404. */
export async function findActionDay(db: Db, eventId: number): Promise<ActionDayRow> {
  const row = await db.get<ActionDayRow>(sql`
    SELECT a.event_id AS eventId, e.kind, e.title, e.date, a.end_date AS endDate, e.region_code AS regionCode,
           a.registration_closes AS registrationCloses, a.project_key AS projectKey, a.team_key AS teamKey,
           a.created_at AS createdAt, a.updated_at AS updatedAt
    FROM action_days a JOIN events e ON e.id = a.event_id
    WHERE a.event_id = ${eventId} AND e.deleted_at IS NULL AND e.kind IN ('action_day', 'social_day', 'action_72h')`);
  if (!row) throw notFound("Action day");
  return row;
}

/** The action day for its organiser: an admin or a coordinator of the event's region. */
export async function organisedActionDay(db: Db, viewer: Viewer, eventId: number) {
  const a = await findActionDay(db, eventId);
  assertCanWrite(viewer, a.regionCode);
  return a;
}

/** The action day whose project or team page has `key`, with the side the key is for. */
export async function actionDayByKey(db: Db, key: string): Promise<{ a: ActionDayRow; side: "project" | "team" }> {
  const row = await db.get<{ eventId: number; side: "project" | "team" }>(sql`
    SELECT event_id AS eventId, CASE WHEN project_key = ${key} THEN 'project' ELSE 'team' END AS side
    FROM action_days WHERE project_key = ${key} OR team_key = ${key}`);
  if (!row) throw notFound("Registration page");
  const a = await findActionDay(db, row.eventId).catch(() => {
    throw notFound("Registration page");
  });
  return { a, side: row.side };
}

/** Whether the pages take new projects and teams, and changes through edit links, on `today`. */
export const actionDayOpen = (a: Pick<ActionDayRow, "registrationCloses" | "date">, today = new Date().toISOString().slice(0, 10)) => today <= (a.registrationCloses ?? a.date);

const list = (s: string | null) => (s ? s.split(",").filter(Boolean) : []);
export const joinList = (a: readonly string[] | undefined) => [...new Set((a ?? []).map((s) => s.trim()).filter(Boolean))].join(",");

export interface ProjectRow {
  id: number;
  registrationId: number;
  orgName: string;
  postcode: string | null;
  field: string | null;
  status: "pending" | "approved" | "rejected" | "withdrawn";
  organisationId: number | null;
  candidateOrganisationId: number | null;
  contactName: string | null;
  contactEmail: string | null;
  consentAt: string | null;
  title: string;
  description: string;
  place: string;
  volunteersWanted: number;
  skills: string[];
  accessibility: string | null;
  bring: string | null;
  days: string[];
  results: { volunteers: number; hours: number; peopleReached: number; comment: string | null; enteredBy: string; enteredAt: string } | null;
}

export interface TeamRow {
  id: number;
  registrationId: number;
  orgName: string;
  postcode: string | null;
  industry: string | null;
  status: "pending" | "approved" | "rejected" | "withdrawn";
  organisationId: number | null;
  candidateOrganisationId: number | null;
  contactName: string | null;
  contactEmail: string | null;
  consentAt: string | null;
  name: string | null;
  size: number;
  skills: string[];
  preferredFields: string[];
  day: string | null;
  assignment: { projectId: number; day: string; source: "suggested" | "manual"; reason: AssignmentReason | { manual: true }; decidedAt: string } | null;
}

/** Projects of an event (or the one `projectId`), with days and results, in entry order. */
export async function projectsOf(db: Db, eventId: number, projectId?: number): Promise<ProjectRow[]> {
  const rows = await db.all<Omit<ProjectRow, "skills" | "days" | "results"> & { skills: string; days: string | null; results: string | null }>(sql`
    SELECT p.id, p.registration_id AS registrationId, r.org_name AS orgName, r.postcode, r.field, r.status,
           r.organisation_id AS organisationId, r.candidate_organisation_id AS candidateOrganisationId,
           r.contact_name AS contactName, r.contact_email AS contactEmail, r.consent_at AS consentAt,
           p.title, p.description, p.place, p.volunteers_wanted AS volunteersWanted, p.skills, p.accessibility, p.bring,
           (SELECT group_concat(day, ',') FROM (SELECT day FROM action_day_project_days d WHERE d.project_id = p.id ORDER BY day)) AS days,
           (SELECT json_object('volunteers', x.volunteers, 'hours', x.hours, 'peopleReached', x.people_reached, 'comment', x.comment,
                               'enteredBy', x.entered_by, 'enteredAt', x.entered_at)
              FROM action_day_results x WHERE x.project_id = p.id) AS results
    FROM action_day_projects p JOIN registrations r ON r.id = p.registration_id
    WHERE p.event_id = ${eventId} ${projectId === undefined ? sql`` : sql`AND p.id = ${projectId}`}
    ORDER BY p.id`);
  return rows.map((r) => ({ ...r, skills: list(r.skills), days: list(r.days), results: r.results ? JSON.parse(r.results) : null }));
}

/** Teams of an event (or the one `teamId`), with their assignment, in entry order. */
export async function teamsOf(db: Db, eventId: number, teamId?: number): Promise<TeamRow[]> {
  const rows = await db.all<Omit<TeamRow, "skills" | "preferredFields" | "assignment"> & { skills: string; preferredFields: string; assignment: string | null }>(sql`
    SELECT t.id, t.registration_id AS registrationId, r.org_name AS orgName, r.postcode, r.industry, r.status,
           r.organisation_id AS organisationId, r.candidate_organisation_id AS candidateOrganisationId,
           r.contact_name AS contactName, r.contact_email AS contactEmail, r.consent_at AS consentAt,
           t.name, t.size, t.skills, t.preferred_fields AS preferredFields, t.day,
           (SELECT json_object('projectId', x.project_id, 'day', x.day, 'source', x.source, 'reason', json(x.reason), 'decidedAt', x.decided_at)
              FROM action_day_assignments x WHERE x.team_id = t.id) AS assignment
    FROM action_day_teams t JOIN registrations r ON r.id = t.registration_id
    WHERE t.event_id = ${eventId} ${teamId === undefined ? sql`` : sql`AND t.id = ${teamId}`}
    ORDER BY t.id`);
  return rows.map((r) => ({ ...r, skills: list(r.skills), preferredFields: list(r.preferredFields), assignment: r.assignment ? JSON.parse(r.assignment) : null }));
}

/** Projects and teams that take part in the assignment: not rejected, not withdrawn. */
export const live = (r: { status: string }) => r.status === "pending" || r.status === "approved";

export const toAssignProject = (p: ProjectRow): AssignProject => ({
  id: p.id,
  organisationId: p.organisationId,
  field: p.field,
  days: p.days,
  volunteersWanted: p.volunteersWanted,
  skills: p.skills,
});

export const toAssignTeam = (t: TeamRow): AssignTeam => ({
  id: t.id,
  organisationId: t.organisationId,
  size: t.size,
  skills: t.skills,
  preferredFields: t.preferredFields,
  day: t.day,
});

/** `nonprofit:company` of pairs among `orgIds` that share a cooperation before `before` (any event). */
export async function priorTies(db: Db, orgIds: number[], before: string): Promise<string[]> {
  if (orgIds.length === 0) return [];
  const rows = await db.all<{ a: number; b: number }>(sql`
    SELECT DISTINCT x.organisation_id AS a, y.organisation_id AS b
    FROM cooperation_partners x JOIN cooperation_partners y ON y.cooperation_id = x.cooperation_id AND y.organisation_id <> x.organisation_id
    JOIN cooperations c ON c.id = x.cooperation_id
    WHERE c.deleted_at IS NULL AND c.date_agreed < ${before}
      AND x.organisation_id IN (SELECT value FROM json_each(${JSON.stringify(orgIds)}))
      AND y.organisation_id IN (SELECT value FROM json_each(${JSON.stringify(orgIds)}))`);
  // Both orders: the assignment asks with the non-profit first.
  return rows.map((r) => `${r.a}:${r.b}`);
}

/** The consent shown next to the contact fields of both pages; the words shown are stored with the contact. */
export const ACTION_DAY_CONSENT = {
  de: "Ich bin damit einverstanden, dass der Veranstalter den Namen und die E-Mail-Adresse der Kontaktperson speichert, um diesen Aktionstag vorzubereiten, Teams und Projekte zusammenzubringen und nach den Ergebnissen zu fragen. Die Einwilligung kann ich jederzeit über meinen Bearbeitungslink widerrufen; dann werden die Kontaktdaten gelöscht.",
  en: "I agree that the organiser stores the contact person's name and e-mail address to prepare this action day, bring teams and projects together and ask about the results. I can withdraw this consent at any time through my edit link; the contact data is then erased.",
  nl: "Ik ga ermee akkoord dat de organisator de naam en het e-mailadres van de contactpersoon bewaart om deze actiedag voor te bereiden, teams en projecten te koppelen en naar de resultaten te vragen. Ik kan deze toestemming altijd intrekken via mijn bewerkingslink; dan worden de contactgegevens verwijderd.",
} as const;
