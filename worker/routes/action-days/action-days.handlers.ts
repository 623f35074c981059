/**
 * @module
 * The organiser's action-day handlers. Every write is audited; writes that change what figures
 * read (approvals, cooperations from results) bump the revisions in the same batch.
 */
import type { RouteHandler } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { assertCanWrite, requireRole, type Viewer } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { ApiError, notFound, unknownReference, validationFailed } from "../../lib/errors";
import { auditInsert } from "../../db/audit";
import { bumpRevisions } from "../../db/revisions";
import { createDb, inBatch, nowIso, type Db } from "../../db/client";
import { existingRegionCodes } from "../../db/lookups";
import { issueLink, revokeLinks } from "../../links/capability";
import { moveProblem, suggestAssignment } from "../../action-days/assignment";
import { resyncAfterMove, saveResults } from "../../action-days/results";
import {
  daysBetween,
  findActionDay,
  live,
  MAX_ACTION_DAYS,
  organisedActionDay,
  priorTies,
  projectsOf,
  teamsOf,
  toAssignProject,
  toAssignTeam,
  type ActionDayRow,
} from "../../action-days/store";
import { newRegistrationKey } from "../../marketplace/workspace";
import { approveRegistration } from "../../marketplace/approval";
import type * as routes from "./action-days.routes";

/** A registration page key of an action day: `ak_` + the marketplace key's random part. */
const newKey = () => "ak_" + newRegistrationKey().slice(3);

export async function actionDayAnswer(db: Db, a: ActionDayRow) {
  const [projects, teams, coops] = await Promise.all([
    projectsOf(db, a.eventId),
    teamsOf(db, a.eventId),
    db.get<{ n: number }>(sql`SELECT count(*) AS n FROM cooperations WHERE source = 'action_day' AND event_id = ${a.eventId} AND deleted_at IS NULL`),
  ]);
  return {
    eventId: a.eventId,
    kind: a.kind,
    title: a.title,
    date: a.date,
    endDate: a.endDate,
    days: daysBetween(a.date, a.endDate),
    regionCode: a.regionCode,
    registrationCloses: a.registrationCloses,
    projectPath: `/action-day/${a.projectKey}`,
    teamPath: `/action-day/${a.teamKey}`,
    projects,
    teams,
    unassigned: teams.filter((t) => live(t) && !t.assignment).map((t) => t.id),
    cooperations: coops?.n ?? 0,
  };
}

export const list: RouteHandler<typeof routes.list, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  const db = createDb(c.env.DB);
  const scope = viewer.role === "coordinator" ? sql`AND e.region_code IN (SELECT value FROM json_each(${JSON.stringify([...viewer.scope!])}))` : sql``;
  const rows = await db.all<{ eventId: number; kind: "action_day"; title: string; date: string; endDate: string; regionCode: string; projects: number; teams: number }>(sql`
    SELECT a.event_id AS eventId, e.kind, e.title, e.date, a.end_date AS endDate, e.region_code AS regionCode,
           (SELECT count(*) FROM action_day_projects p WHERE p.event_id = a.event_id) AS projects,
           (SELECT count(*) FROM action_day_teams t WHERE t.event_id = a.event_id) AS teams
    FROM action_days a JOIN events e ON e.id = a.event_id
    WHERE e.deleted_at IS NULL ${scope}
    ORDER BY e.date DESC, e.id DESC LIMIT ${c.req.valid("query").limit}`);
  return c.json({ data: rows }, 200);
};

export const get: RouteHandler<typeof routes.get, AppEnv> = async (c) => {
  const db = createDb(c.env.DB);
  const a = await organisedActionDay(db, c.get("viewer"), c.req.valid("param").eventId);
  return c.json(await actionDayAnswer(db, a), 200);
};

export const create: RouteHandler<typeof routes.create, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  const { kind, title, date, endDate = date, regionCode, registrationCloses = null } = c.req.valid("json");
  assertCanWrite(viewer, regionCode);
  const details = [];
  if (endDate < date) details.push({ path: "endDate", message: "The last day must not be before the first" });
  else if (daysBetween(date, endDate).length > MAX_ACTION_DAYS) details.push({ path: "endDate", message: `An action day spans at most ${MAX_ACTION_DAYS} days` });
  if (registrationCloses && registrationCloses > date) details.push({ path: "registrationCloses", message: "Registration must close by the first day" });
  if (details.length) throw validationFailed("Invalid action day; nothing was written", details);
  const db = createDb(c.env.DB);
  if ((await existingRegionCodes(db, [regionCode])).size === 0) throw unknownReference("Unknown region", [{ path: "regionCode", message: `No region ${regionCode}` }]);
  const now = nowIso();
  const projectKey = newKey();
  const [inserted] = await db.batch([
    inBatch(db, db.run(sql`INSERT INTO events (kind, title, date, region_code, source, created_at, updated_at) VALUES (${kind}, ${title}, ${date}, ${regionCode}, 'action_day', ${now}, ${now}) RETURNING id`)),
    inBatch(db, db.run(sql`INSERT INTO action_days (event_id, end_date, registration_closes, project_key, team_key, created_at, updated_at)
      VALUES (last_insert_rowid(), ${endDate}, ${registrationCloses}, ${projectKey}, ${newKey()}, ${now}, ${now})`)),
    auditInsert(db, viewer, {
      action: "create",
      entity: "action_days",
      entityId: sql`(SELECT event_id FROM action_days WHERE project_key = ${projectKey})`,
      regionCode,
      detail: { kind, title, date, endDate, regionCode, registrationCloses },
    }),
    bumpRevisions(db, { regions: [regionCode] }),
  ]);
  const id = (inserted as unknown as { results: { id: number }[] }).results[0].id;
  return c.json(await actionDayAnswer(db, await findActionDay(db, id)), 201);
};

export const approve: RouteHandler<typeof routes.approve, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const { eventId, registrationId } = c.req.valid("param");
  const db = createDb(c.env.DB);
  const a = await organisedActionDay(db, viewer, eventId);
  return c.json(await approveRegistration(db, viewer, a, registrationId, c.req.valid("json")), 200);
};

/** Writes `placements` as the suggested assignment (earlier suggestions go; hand moves stay). */
export const suggest: RouteHandler<typeof routes.suggest, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const db = createDb(c.env.DB);
  const a = await organisedActionDay(db, viewer, c.req.valid("param").eventId);
  const [projects, teams] = await Promise.all([projectsOf(db, a.eventId), teamsOf(db, a.eventId)]);
  const liveProjects = projects.filter(live);
  const liveTeams = teams.filter(live);
  const fixed = liveTeams.flatMap((t) => (t.assignment?.source === "manual" && liveProjects.some((p) => p.id === t.assignment!.projectId) ? [{ teamId: t.id, projectId: t.assignment.projectId, day: t.assignment.day }] : []));
  const orgs = [...liveProjects, ...liveTeams].flatMap((r) => (r.organisationId != null ? [r.organisationId] : []));
  const { placements } = suggestAssignment(liveProjects.map(toAssignProject), liveTeams.map(toAssignTeam), fixed, await priorTies(db, orgs, a.date));
  const now = nowIso();
  // The pair cooperations follow the new assignment where results exist already.
  const after = teams.map((t) => {
    const p = placements.find((x) => x.teamId === t.id);
    if (p) return { ...t, assignment: { projectId: p.projectId, day: p.day, source: "suggested" as const, reason: p.reason, decidedAt: now } };
    return fixed.some((f) => f.teamId === t.id) ? t : { ...t, assignment: null };
  });
  await db.batch([
    inBatch(db, db.run(sql`DELETE FROM action_day_assignments WHERE event_id = ${a.eventId} AND (source = 'suggested' OR team_id NOT IN (SELECT value FROM json_each(${JSON.stringify(fixed.map((f) => f.teamId))})))`)),
    inBatch(db, db.run(sql`INSERT INTO action_day_assignments (team_id, event_id, project_id, day, source, reason, decided_by, decided_at)
      SELECT json_extract(value, '$.teamId'), ${a.eventId}, json_extract(value, '$.projectId'), json_extract(value, '$.day'), 'suggested',
             json_extract(value, '$.reason'), ${viewer.actor}, ${now}
      FROM json_each(${JSON.stringify(placements.map((p) => ({ ...p, reason: JSON.stringify(p.reason) })))})`)),
    auditInsert(db, viewer, { action: "suggest", entity: "action_day_assignments", entityId: a.eventId, regionCode: a.regionCode, detail: { placements: placements.length, kept: fixed.length } }),
    ...(await resyncAfterMove(db, viewer, a, projects, after)),
  ]);
  return c.json(await actionDayAnswer(db, a), 200);
};

async function teamOf(db: Db, a: ActionDayRow, teamId: number) {
  const [projects, teams] = await Promise.all([projectsOf(db, a.eventId), teamsOf(db, a.eventId)]);
  const team = teams.find((t) => t.id === teamId);
  if (!team) throw notFound("Team");
  return { projects, teams, team };
}

export const move: RouteHandler<typeof routes.move, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  const { eventId, teamId } = c.req.valid("param");
  const { projectId, day } = c.req.valid("json");
  const db = createDb(c.env.DB);
  const a = await organisedActionDay(db, viewer, eventId);
  const { projects, teams, team } = await teamOf(db, a, teamId);
  const project = projects.find((p) => p.id === projectId);
  if (!project) throw unknownReference("Unknown project", [{ path: "projectId", message: `No project ${projectId} in this action day` }]);
  if (!live(team) || !live(project)) throw new ApiError(409, "conflict", "Only pending or approved teams and projects are assigned");
  const others = teams.flatMap((t) => (t.assignment && live(t) ? [{ teamId: t.id, projectId: t.assignment.projectId, day: t.assignment.day, size: t.size }] : []));
  const problem = moveProblem(toAssignProject(project), toAssignTeam(team), day, others);
  if (problem) throw new ApiError(409, "conflict", `${problem}; nothing was changed`, [{ path: "projectId", message: problem }]);
  const now = nowIso();
  const reason = JSON.stringify({ manual: true });
  const after = teams.map((t) => (t.id === teamId ? { ...t, assignment: { projectId, day, source: "manual" as const, reason: { manual: true as const }, decidedAt: now } } : t));
  await db.batch([
    inBatch(db, db.run(sql`INSERT INTO action_day_assignments (team_id, event_id, project_id, day, source, reason, decided_by, decided_at)
      VALUES (${teamId}, ${a.eventId}, ${projectId}, ${day}, 'manual', ${reason}, ${viewer.actor}, ${now})
      ON CONFLICT (team_id) DO UPDATE SET project_id = excluded.project_id, day = excluded.day, source = 'manual', reason = excluded.reason,
        decided_by = excluded.decided_by, decided_at = excluded.decided_at`)),
    auditInsert(db, viewer, { action: "move", entity: "action_day_assignments", entityId: teamId, regionCode: a.regionCode, detail: { eventId: a.eventId, from: team.assignment ? { projectId: team.assignment.projectId, day: team.assignment.day } : null, to: { projectId, day } } }),
    ...(await resyncAfterMove(db, viewer, a, projects, after)),
  ]);
  return c.json(await actionDayAnswer(db, a), 200);
};

export const unassign: RouteHandler<typeof routes.unassign, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const { eventId, teamId } = c.req.valid("param");
  const db = createDb(c.env.DB);
  const a = await organisedActionDay(db, viewer, eventId);
  const { projects, teams, team } = await teamOf(db, a, teamId);
  if (team.assignment) {
    const after = teams.map((t) => (t.id === teamId ? { ...t, assignment: null } : t));
    await db.batch([
      inBatch(db, db.run(sql`DELETE FROM action_day_assignments WHERE team_id = ${teamId}`)),
      auditInsert(db, viewer, { action: "unassign", entity: "action_day_assignments", entityId: teamId, regionCode: a.regionCode, detail: { eventId: a.eventId, from: team.assignment } }),
      ...(await resyncAfterMove(db, viewer, a, projects, after)),
    ]);
  }
  return c.json(await actionDayAnswer(db, a), 200);
};

export const enterResults: RouteHandler<typeof routes.enterResults, AppEnv> = async (c) => {
  const viewer: Viewer = c.get("viewer");
  const { eventId, projectId } = c.req.valid("param");
  const db = createDb(c.env.DB);
  const a = await organisedActionDay(db, viewer, eventId);
  await saveResults(db, viewer, a, projectId, c.req.valid("json"));
  return c.json(await actionDayAnswer(db, a), 200);
};

export const resultsLink: RouteHandler<typeof routes.resultsLink, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  const { eventId, projectId } = c.req.valid("param");
  const db = createDb(c.env.DB);
  const a = await organisedActionDay(db, viewer, eventId);
  const [project] = await projectsOf(db, a.eventId, projectId);
  if (!project) throw notFound("Project");
  const link = await issueLink(c.env.DB, "action_day_results", projectId);
  const audit = auditInsert(db, viewer, { action: "issue_link", entity: "capability_links", entityId: projectId, regionCode: a.regionCode, detail: { purpose: "action_day_results", eventId: a.eventId, expiresAt: link.expiresAt } });
  const { sql: auditSql, params } = audit.toSQL();
  // One link per project is live: the earlier ones stop working as the new one is stored.
  await c.env.DB.batch([revokeLinks(c.env.DB, "action_day_results", projectId), link.statement, c.env.DB.prepare(auditSql).bind(...params)]);
  return c.json({ key: link.secret, path: `/action-day/results/${projectId}#${link.secret}`, expiresAt: link.expiresAt }, 201);
};
