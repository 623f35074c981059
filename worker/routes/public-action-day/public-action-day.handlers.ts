/**
 * @module
 * An action day's public handlers, on the rules of registration by link
 * (worker/routes/public-registration): the per-address brakes, the per-event ceiling, size limits
 * in the schemas, the honeypot field, Turnstile where configured, consent stored with the contact,
 * and the organisation matched for the organiser. An edit or results link opens its own project or
 * team only; every other id answers the one 404.
 */
import type { RouteHandler } from "@hono/zod-openapi";
import { sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Context } from "hono";
import { anonymousViewer, hashToken, type Viewer } from "../../lib/auth";
import { LINK_HEADER } from "../../lib/create-app";
import type { AppEnv } from "../../lib/env";
import { ApiError, validationFailed, type ErrorDetail } from "../../lib/errors";
import { REGISTRATION_LIMITS } from "../../lib/limits";
import { auditInsert } from "../../db/audit";
import { createDb, inBatch, nowIso, type Db } from "../../db/client";
import { expiryAfter, LINK_TTL_DAYS, linkNotFound, newLinkSecret, resolveLink, type LinkPurpose } from "../../links/capability";
import { matchOrganisation } from "../../marketplace/registrations";
import { saveResults } from "../../action-days/results";
import { ACTION_DAY_CONSENT, actionDayByKey, actionDayOpen, daysBetween, findActionDay, joinList, projectsOf, teamsOf, type ActionDayRow } from "../../action-days/store";
import { brake, checkTurnstile, clientAddress, registrationEditLimiter, registrationLimiter } from "../../lib/public-forms";
import type { z } from "@hono/zod-openapi";
import type * as routes from "./public-action-day.routes";
import type { ProjectUpdate, TeamUpdate } from "./public-action-day.routes";

type Locale = "de" | "en" | "nl";
type Contact = { contactName?: string | null; contactEmail?: string | null; consent?: boolean; locale?: Locale };

function eventOf(a: ActionDayRow) {
  return {
    kind: a.kind,
    title: a.title,
    date: a.date,
    endDate: a.endDate,
    days: daysBetween(a.date, a.endDate),
    registrationCloses: a.registrationCloses ?? a.date,
    open: actionDayOpen(a),
    consentText: { ...ACTION_DAY_CONSENT },
  };
}

/** What schemas cannot see: days outside the action, a contact person without consent. */
function check(a: ActionDayRow, input: Contact & { days?: string[]; day?: string | null }) {
  const days = new Set(daysBetween(a.date, a.endDate));
  const details: ErrorDetail[] = [];
  (input.days ?? []).forEach((d, i) => {
    if (!days.has(d)) details.push({ path: `days[${i}]`, message: `${d} is not a day of this action (${a.date} to ${a.endDate})` });
  });
  if (input.day && !days.has(input.day)) details.push({ path: "day", message: `${input.day} is not a day of this action (${a.date} to ${a.endDate})` });
  if ((input.contactName || input.contactEmail) && input.consent !== true) details.push({ path: "consent", message: "A contact person is stored only with consent to the text shown" });
  if (details.length) throw validationFailed("The entry was not accepted; nothing was written", details);
}

function contactOf(input: Contact, now: string) {
  const has = !!(input.contactName || input.contactEmail);
  return {
    name: has ? (input.contactName ?? null) : null,
    email: has ? (input.contactEmail ?? null) : null,
    text: has ? ACTION_DAY_CONSENT[input.locale ?? "de"] : null,
    at: has ? now : null,
  };
}

export const page: RouteHandler<typeof routes.page, AppEnv> = async (c) => {
  const db = createDb(c.env.DB);
  const { a, side } = await actionDayByKey(db, c.req.valid("param").key);
  return c.json({ side, ...eventOf(a), turnstileSiteKey: c.env.TURNSTILE_SITE_KEY || null }, 200);
};

/**
 * The shared part of both submissions: the registration row (taking a place under the event's
 * ceiling in the insert itself), the side's own row, its link; then what the caller adds.
 */
async function submit(
  c: Context<AppEnv>,
  side: "project" | "team",
  input: Contact & { orgName: string; postcode?: string | null; field?: string | null; industry?: string | null; website?: string; turnstileToken?: string; days?: string[]; day?: string | null },
  own: (subject: SQL) => BatchItem<"sqlite">[],
) {
  brake(registrationLimiter, c, "registrations from this address");
  const db = createDb(c.env.DB);
  const { a, side: keySide } = await actionDayByKey(db, c.req.param("key")!);
  if (keySide !== side) throw new ApiError(404, "not_found", "Registration page not found");
  const purpose: LinkPurpose = side === "project" ? "project_edit" : "team_edit";
  const pathOf = (id: number, secret: string) => `/action-day/${side}/${id}#${secret}`;
  if (input.website) {
    // A bot filled the hidden field: it hears what a person would, and nothing is stored.
    const secret = newLinkSecret();
    return { id: 0, editKey: secret, editPath: pathOf(0, secret), expiresAt: expiryAfter(LINK_TTL_DAYS[purpose]) };
  }
  if (c.env.TURNSTILE_SECRET) await checkTurnstile(c.env.TURNSTILE_SECRET, input.turnstileToken, clientAddress(c));
  if (!actionDayOpen(a)) throw new ApiError(409, "conflict", "Registration has closed; nothing was written");
  check(a, input);
  const candidate = await matchOrganisation(db, a, input.orgName, input.postcode);
  const now = nowIso();
  const secret = newLinkSecret();
  const keyHash = await hashToken(secret);
  const expiresAt = expiryAfter(LINK_TTL_DAYS[purpose]);
  const contact = contactOf(input, now);
  const table = side === "project" ? sql`action_day_projects` : sql`action_day_teams`;
  const subject = sql`(SELECT subject_id FROM capability_links WHERE key_hash = ${keyHash})`;
  const [inserted] = await db.batch([
    inBatch(db, db.run(sql`INSERT INTO registrations (event_id, side, org_name, postcode, field, industry, candidate_organisation_id, status,
        contact_name, contact_email, consent_text, consent_at, locale, created_at, updated_at)
      SELECT ${a.eventId}, ${side === "project" ? "nonprofit" : "company"}, ${input.orgName}, ${input.postcode ?? null}, ${input.field ?? null}, ${input.industry ?? null},
        ${candidate?.id ?? null}, 'pending', ${contact.name}, ${contact.email}, ${contact.text}, ${contact.at}, ${input.locale ?? "de"}, ${now}, ${now}
      WHERE (SELECT count(*) FROM registrations WHERE event_id = ${a.eventId} AND status IN ('pending', 'approved')) < ${REGISTRATION_LIMITS.maxPerEvent}`)),
    inBatch(db, db.run(sql`INSERT INTO ${table} (event_id, registration_id, created_at, updated_at, ${side === "project" ? sql`title, description, place, volunteers_wanted` : sql`size`})
      SELECT ${a.eventId}, last_insert_rowid(), ${now}, ${now}, ${side === "project" ? sql`'-', '-', '-', 1` : sql`1`} WHERE changes() = 1`)),
    inBatch(db, db.run(sql`INSERT INTO capability_links (purpose, subject_id, key_hash, expires_at) SELECT ${purpose}, last_insert_rowid(), ${keyHash}, ${expiresAt} WHERE changes() = 1`)),
    ...own(subject),
  ]);
  if (inserted.meta.changes !== 1) throw new ApiError(409, "conflict", "The action day takes no more entries; nothing was written");
  const link = await db.get<{ id: number; subjectId: number }>(sql`SELECT id, subject_id AS subjectId FROM capability_links WHERE key_hash = ${keyHash}`);
  await auditInsert(db, { ...anonymousViewer, actor: `link:${link!.id}` }, {
    action: "create",
    entity: side === "project" ? "action_day_projects" : "action_day_teams",
    entityId: link!.subjectId,
    regionCode: a.regionCode,
    detail: { eventId: a.eventId, contact: contact.name || contact.email ? "[personal data]" : null },
  });
  return { id: link!.subjectId, editKey: secret, editPath: pathOf(link!.subjectId, secret), expiresAt };
}

type ProjectInput = z.output<typeof ProjectUpdate>;

/** Writes a project's own fields and days (the row exists; `id` an id or an SQL scalar). */
function projectStatements(db: Db, id: number | SQL, p: ProjectInput, now: string): BatchItem<"sqlite">[] {
  return [
    inBatch(db, db.run(sql`UPDATE action_day_projects SET title = ${p.title}, description = ${p.description}, place = ${p.place}, volunteers_wanted = ${p.volunteersWanted},
      skills = ${joinList(p.skills)}, accessibility = ${p.accessibility ?? null}, bring = ${p.bring ?? null}, updated_at = ${now} WHERE id = ${id}`)),
    inBatch(db, db.run(sql`DELETE FROM action_day_project_days WHERE project_id = ${id}`)),
    inBatch(db, db.run(sql`INSERT INTO action_day_project_days (project_id, day) SELECT DISTINCT ${id}, value FROM json_each(${JSON.stringify(p.days)}) WHERE ${id} IS NOT NULL`)),
  ];
}

type TeamInput = z.output<typeof TeamUpdate>;

function teamStatements(db: Db, id: number | SQL, t: TeamInput, now: string): BatchItem<"sqlite">[] {
  return [
    inBatch(db, db.run(sql`UPDATE action_day_teams SET name = ${t.name ?? null}, size = ${t.size}, skills = ${joinList(t.skills)},
      preferred_fields = ${joinList(t.preferredFields)}, day = ${t.day ?? null}, updated_at = ${now} WHERE id = ${id}`)),
  ];
}

export const submitProject: RouteHandler<typeof routes.submitProject, AppEnv> = async (c) => {
  const input = c.req.valid("json");
  const db = createDb(c.env.DB);
  const now = nowIso();
  return c.json(await submit(c as never, "project", input, (subject) => projectStatements(db, subject, input, now)), 201);
};

export const submitTeam: RouteHandler<typeof routes.submitTeam, AppEnv> = async (c) => {
  const input = c.req.valid("json");
  const db = createDb(c.env.DB);
  const now = nowIso();
  return c.json(await submit(c as never, "team", input, (subject) => teamStatements(db, subject, input, now)), 201);
};

/** The project or team this request's link opens, if it is `id`; every other case is the one 404. */
async function opened(c: Context<AppEnv>, db: Db, purpose: LinkPurpose, id: number) {
  const link = await resolveLink(c.env.DB, purpose, c.req.header(LINK_HEADER) ?? "");
  if (link.subjectId !== id) throw linkNotFound();
  const table = purpose === "team_edit" ? sql`action_day_teams` : sql`action_day_projects`;
  const row = await db.get<{ eventId: number }>(sql`SELECT event_id AS eventId FROM ${table} WHERE id = ${id}`);
  if (!row) throw linkNotFound();
  const a = await findActionDay(db, row.eventId).catch(() => {
    throw linkNotFound();
  });
  const viewer: Viewer = { ...anonymousViewer, actor: `link:${link.id}` };
  return { a, viewer };
}

async function ownProject(db: Db, a: ActionDayRow, id: number) {
  const [[p], teams] = await Promise.all([projectsOf(db, a.eventId, id), teamsOf(db, a.eventId)]);
  if (!p || p.status === "withdrawn") throw linkNotFound();
  return {
    id: p.id,
    event: eventOf(a),
    status: p.status,
    orgName: p.orgName,
    postcode: p.postcode,
    field: p.field,
    contactName: p.contactName,
    contactEmail: p.contactEmail,
    title: p.title,
    description: p.description,
    place: p.place,
    days: p.days,
    volunteersWanted: p.volunteersWanted,
    skills: p.skills,
    accessibility: p.accessibility,
    bring: p.bring,
    teams: teams.filter((t) => t.assignment?.projectId === p.id).map((t) => ({ orgName: t.orgName, teamName: t.name, size: t.size, day: t.assignment!.day })),
  };
}

async function ownTeam(db: Db, a: ActionDayRow, id: number) {
  const [t] = await teamsOf(db, a.eventId, id);
  if (!t || t.status === "withdrawn") throw linkNotFound();
  const [p] = t.assignment ? await projectsOf(db, a.eventId, t.assignment.projectId) : [];
  return {
    id: t.id,
    event: eventOf(a),
    status: t.status,
    orgName: t.orgName,
    postcode: t.postcode,
    industry: t.industry,
    contactName: t.contactName,
    contactEmail: t.contactEmail,
    name: t.name,
    size: t.size,
    skills: t.skills,
    preferredFields: t.preferredFields,
    day: t.day,
    project: p ? { title: p.title, orgName: p.orgName, place: p.place, day: t.assignment!.day, bring: p.bring, accessibility: p.accessibility } : null,
  };
}

export const readProject: RouteHandler<typeof routes.readProject, AppEnv> = async (c) => {
  const db = createDb(c.env.DB);
  const { id } = c.req.valid("param");
  const { a } = await opened(c as never, db, "project_edit", id);
  return c.json(await ownProject(db, a, id), 200);
};

export const readTeam: RouteHandler<typeof routes.readTeam, AppEnv> = async (c) => {
  const db = createDb(c.env.DB);
  const { id } = c.req.valid("param");
  const { a } = await opened(c as never, db, "team_edit", id);
  return c.json(await ownTeam(db, a, id), 200);
};

/** Changes through an edit link: the registrant's own fields, while registration is open. */
async function update(c: Context<AppEnv>, purpose: "project_edit" | "team_edit", id: number, input: Contact & { orgName: string; postcode?: string | null; field?: string | null; industry?: string | null; days?: string[]; day?: string | null }, own: (db: Db, now: string) => BatchItem<"sqlite">[]) {
  brake(registrationEditLimiter, c, "changes from this address");
  const db = createDb(c.env.DB);
  const { a, viewer } = await opened(c, db, purpose, id);
  const current = purpose === "project_edit" ? (await projectsOf(db, a.eventId, id))[0] : (await teamsOf(db, a.eventId, id))[0];
  if (!current || current.status === "withdrawn") throw linkNotFound();
  if (!actionDayOpen(a)) throw new ApiError(409, "conflict", "Registration has closed; the entry can no longer be changed");
  if (current.status === "rejected") throw new ApiError(409, "conflict", "The organiser declined this entry; it can no longer be changed");
  check(a, input);
  const now = nowIso();
  const contact = contactOf(input, now);
  // Consent given earlier stays dated as given, as long as the contact stays.
  const consentAt = contact.at && current.consentAt && current.contactName === contact.name && current.contactEmail === contact.email ? current.consentAt : contact.at;
  const candidate = current.status === "pending" ? await matchOrganisation(db, a, input.orgName, input.postcode) : null;
  await db.batch([
    inBatch(db, db.run(sql`UPDATE registrations SET org_name = ${input.orgName}, postcode = ${input.postcode ?? null},
      ${purpose === "project_edit" ? sql`field = ${input.field ?? null}` : sql`industry = ${input.industry ?? null}`},
      ${current.status === "pending" ? sql`candidate_organisation_id = ${candidate?.id ?? null},` : sql``}
      contact_name = ${contact.name}, contact_email = ${contact.email}, consent_text = ${contact.text}, consent_at = ${consentAt},
      locale = ${input.locale ?? "de"}, updated_at = ${now} WHERE id = ${current.registrationId}`)),
    ...own(db, now),
    auditInsert(db, viewer, { action: "update", entity: purpose === "project_edit" ? "action_day_projects" : "action_day_teams", entityId: id, regionCode: a.regionCode, detail: { eventId: a.eventId } }),
  ]);
  return a;
}

export const updateProject: RouteHandler<typeof routes.updateProject, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const input = c.req.valid("json");
  const a = await update(c as never, "project_edit", id, input, (db, now) => projectStatements(db, id, input, now));
  return c.json(await ownProject(createDb(c.env.DB), a, id), 200);
};

export const updateTeam: RouteHandler<typeof routes.updateTeam, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const input = c.req.valid("json");
  const a = await update(c as never, "team_edit", id, input, (db, now) => teamStatements(db, id, input, now));
  return c.json(await ownTeam(createDb(c.env.DB), a, id), 200);
};

async function resultsAnswer(db: Db, a: ActionDayRow, id: number) {
  const [[p], teams] = await Promise.all([projectsOf(db, a.eventId, id), teamsOf(db, a.eventId)]);
  if (!p) throw linkNotFound();
  const placed = teams.filter((t) => t.assignment?.projectId === p.id);
  return {
    projectId: p.id,
    event: { kind: a.kind, title: a.title, date: a.date, endDate: a.endDate },
    title: p.title,
    orgName: p.orgName,
    teams: placed.map((t) => ({ orgName: t.orgName, teamName: t.name, size: t.size, day: t.assignment!.day })),
    volunteersPlaced: placed.reduce((n, t) => n + t.size, 0),
    results: p.results ? { volunteers: p.results.volunteers, hours: p.results.hours, peopleReached: p.results.peopleReached, comment: p.results.comment, enteredAt: p.results.enteredAt } : null,
  };
}

export const readResults: RouteHandler<typeof routes.readResults, AppEnv> = async (c) => {
  const db = createDb(c.env.DB);
  const { id } = c.req.valid("param");
  const { a } = await opened(c as never, db, "action_day_results", id);
  return c.json(await resultsAnswer(db, a, id), 200);
};

export const enterResults: RouteHandler<typeof routes.enterResults, AppEnv> = async (c) => {
  brake(registrationEditLimiter, c, "changes from this address");
  const db = createDb(c.env.DB);
  const { id } = c.req.valid("param");
  const { a, viewer } = await opened(c as never, db, "action_day_results", id);
  // Results are of a day that happened.
  if (new Date().toISOString().slice(0, 10) < a.date) throw new ApiError(409, "conflict", "The action day has not begun; results can be entered from its first day");
  await saveResults(db, viewer, a, id, c.req.valid("json"));
  return c.json(await resultsAnswer(db, a, id), 200);
};

/** Consent withdrawn through the edit link: the contact and its consent go, whatever the date. */
async function eraseContact(c: Context<AppEnv>, purpose: "project_edit" | "team_edit", id: number) {
  brake(registrationEditLimiter, c, "changes from this address");
  const db = createDb(c.env.DB);
  const { a, viewer } = await opened(c, db, purpose, id);
  const table = purpose === "team_edit" ? sql`action_day_teams` : sql`action_day_projects`;
  await db.batch([
    inBatch(db, db.run(sql`UPDATE registrations SET contact_name = NULL, contact_email = NULL, consent_text = NULL, consent_at = NULL, updated_at = ${nowIso()}
      WHERE id = (SELECT registration_id FROM ${table} WHERE id = ${id})`)),
    auditInsert(db, viewer, { action: "erase_contact", entity: purpose === "project_edit" ? "action_day_projects" : "action_day_teams", entityId: id, regionCode: a.regionCode, detail: { eventId: a.eventId } }),
  ]);
}

export const eraseProjectContact: RouteHandler<typeof routes.eraseProjectContact, AppEnv> = async (c) => {
  await eraseContact(c as never, "project_edit", c.req.valid("param").id);
  return c.body(null, 204);
};

export const eraseTeamContact: RouteHandler<typeof routes.eraseTeamContact, AppEnv> = async (c) => {
  await eraseContact(c as never, "team_edit", c.req.valid("param").id);
  return c.body(null, 204);
};
