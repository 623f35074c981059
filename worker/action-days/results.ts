/**
 * @module
 * From an action day's results to cooperations (docs/action-days.md, "Results"). Each project's
 * figures — volunteers, hours, people reached — are shared among the teams that worked on it in
 * proportion to team size (counts by largest remainder, so they add up to the project's figure);
 * then every company–non-profit pair gets ONE cooperation of the event that sums its teams'
 * shares over the non-profit's projects: status done, contribution type time, agreed on the first
 * day, done on the last day the pair worked.
 *
 * Idempotence: a pair's cooperation is keyed by `source = 'action_day'` and
 * `external_ref = 'action_day:<event>:<non-profit>:<company>'` (unique), so entering results
 * again updates it and never makes a second one. A pair that no longer works together (a team
 * moved after results were entered) has its cooperation deleted (soft), and brought back if it
 * does again. Everything is written in one batch with the audit entry and the revision bumps.
 */
import { sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Viewer } from "../lib/auth";
import { auditInsert } from "../db/audit";
import { bumpRevisions } from "../db/revisions";
import { inBatch, nowIso, type Db } from "../db/client";
import { ApiError, notFound } from "../lib/errors";
import { projectsOf, teamsOf, type ActionDayRow, type ProjectRow, type TeamRow } from "./store";

/** Splits the whole number `total` over `weights` in proportion, by largest remainder (sums to total). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] += 1;
    left -= 1;
  }
  return out;
}

export interface PairCooperation {
  nonprofitId: number;
  companyId: number;
  volunteers: number;
  hours: number;
  peopleReached: number;
  firstDay: string;
  lastDay: string;
  projectIds: number[];
}

/**
 * The pair cooperations the results make: only projects with results, only teams placed on
 * them, only pairs whose both registrations were approved (they name an organisation).
 */
export function pairCooperations(projects: ProjectRow[], teams: TeamRow[]): PairCooperation[] {
  const pairs = new Map<string, PairCooperation>();
  for (const p of projects) {
    if (!p.results) continue;
    const placed = teams.filter((t) => t.assignment?.projectId === p.id);
    if (placed.length === 0) continue;
    const sizes = placed.map((t) => t.size);
    const volunteers = apportion(p.results.volunteers, sizes);
    const reached = apportion(p.results.peopleReached, sizes);
    const hoursCents = apportion(Math.round(p.results.hours * 100), sizes);
    placed.forEach((t, i) => {
      if (p.status !== "approved" || t.status !== "approved" || p.organisationId == null || t.organisationId == null) return;
      if (p.organisationId === t.organisationId) return;
      const key = `${p.organisationId}:${t.organisationId}`;
      const day = t.assignment!.day;
      const pair = pairs.get(key) ?? { nonprofitId: p.organisationId, companyId: t.organisationId, volunteers: 0, hours: 0, peopleReached: 0, firstDay: day, lastDay: day, projectIds: [] };
      pair.volunteers += volunteers[i];
      pair.hours = Math.round(pair.hours * 100 + hoursCents[i]) / 100;
      pair.peopleReached += reached[i];
      if (day < pair.firstDay) pair.firstDay = day;
      if (day > pair.lastDay) pair.lastDay = day;
      if (!pair.projectIds.includes(p.id)) pair.projectIds.push(p.id);
      pairs.set(key, pair);
    });
  }
  return [...pairs.values()].sort((a, b) => a.nonprofitId - b.nonprofitId || a.companyId - b.companyId);
}

export const pairRef = (eventId: number, pair: Pick<PairCooperation, "nonprofitId" | "companyId">) => `action_day:${eventId}:${pair.nonprofitId}:${pair.companyId}`;

/**
 * The statements that bring the event's pair cooperations in line with `pairs` (insert, update,
 * soft-delete the ones no longer made), with the participants, the audit entry and the revision
 * bumps — to be put in one batch with the write that changed results or assignments.
 */
export async function syncStatements(db: Db, viewer: Viewer, a: ActionDayRow, pairs: PairCooperation[]): Promise<BatchItem<"sqlite">[]> {
  const now = nowIso();
  const existing = await db.all<{ id: number; externalRef: string; deleted: number }>(sql`
    SELECT id, external_ref AS externalRef, deleted_at IS NOT NULL AS deleted FROM cooperations
    WHERE source = 'action_day' AND event_id = ${a.eventId}`);
  const refs = pairs.map((p) => pairRef(a.eventId, p));
  const gone = existing.filter((e) => !e.deleted && !refs.includes(e.externalRef)).map((e) => e.id);
  const members = pairs.flatMap((p) => [p.nonprofitId, p.companyId]);
  const touched = existing.map((e) => e.id);
  const statements: BatchItem<"sqlite">[] = [bumpRevisions(db, { events: [a.eventId], cooperations: touched })];
  for (const p of pairs) {
    const ref = pairRef(a.eventId, p);
    statements.push(
      inBatch(db, db.run(sql`
        INSERT INTO cooperations (region_code, event_id, date_agreed, date_done, status, contribution_types, volunteers, hours, people_reached, source, external_ref, notes, created_at, updated_at)
        VALUES (${a.regionCode}, ${a.eventId}, ${a.date}, ${p.lastDay}, 'done', 'time', ${p.volunteers}, ${p.hours}, ${p.peopleReached}, 'action_day', ${ref}, ${a.title}, ${now}, ${now})
        ON CONFLICT (source, external_ref) WHERE external_ref IS NOT NULL DO UPDATE SET
          volunteers = excluded.volunteers, hours = excluded.hours, people_reached = excluded.people_reached,
          date_done = excluded.date_done, status = 'done', deleted_at = NULL, updated_at = excluded.updated_at`)),
      inBatch(db, db.run(sql`
        INSERT OR IGNORE INTO cooperation_partners (cooperation_id, organisation_id)
        SELECT c.id, v.value FROM cooperations c, json_each(${JSON.stringify([p.nonprofitId, p.companyId])}) v
        WHERE c.source = 'action_day' AND c.external_ref = ${ref}`)),
    );
  }
  if (gone.length) {
    statements.push(inBatch(db, db.run(sql`UPDATE cooperations SET deleted_at = ${now}, updated_at = ${now} WHERE id IN (SELECT value FROM json_each(${JSON.stringify(gone)}))`)));
  }
  if (members.length) {
    statements.push(inBatch(db, db.run(sql`INSERT OR IGNORE INTO event_participants (event_id, organisation_id) SELECT ${a.eventId}, value FROM json_each(${JSON.stringify([...new Set(members)])})`)));
  }
  statements.push(
    auditInsert(db, viewer, {
      action: "sync",
      entity: "cooperations",
      entityId: a.eventId,
      regionCode: a.regionCode,
      detail: { eventId: a.eventId, pairs: pairs.map((p) => ({ nonprofitId: p.nonprofitId, companyId: p.companyId, volunteers: p.volunteers, hours: p.hours, peopleReached: p.peopleReached })), removed: gone },
    }),
    bumpRevisions(db, { events: [a.eventId], members, regions: [a.regionCode] }),
  );
  return statements;
}

export interface ResultsInput {
  volunteers: number;
  hours: number;
  peopleReached: number;
  comment?: string | null;
}

/**
 * Stores project `projectId`'s results (replacing earlier ones) and brings the event's pair
 * cooperations in line, in one batch. `enteredBy`: 'token:<id>' or 'link:<id>'.
 */
export async function saveResults(db: Db, viewer: Viewer, a: ActionDayRow, projectId: number, input: ResultsInput) {
  const [projects, teams] = await Promise.all([projectsOf(db, a.eventId), teamsOf(db, a.eventId)]);
  const project = projects.find((p) => p.id === projectId);
  if (!project) throw notFound("Project");
  if (project.status === "rejected" || project.status === "withdrawn") throw new ApiError(409, "conflict", `The project is ${project.status}; it has no results`);
  const now = nowIso();
  project.results = { volunteers: input.volunteers, hours: input.hours, peopleReached: input.peopleReached, comment: input.comment ?? null, enteredBy: viewer.actor, enteredAt: now };
  const pairs = pairCooperations(projects, teams);
  const statements: BatchItem<"sqlite">[] = [
    inBatch(db, db.run(sql`
      INSERT INTO action_day_results (project_id, volunteers, hours, people_reached, comment, entered_by, entered_at)
      VALUES (${projectId}, ${input.volunteers}, ${input.hours}, ${input.peopleReached}, ${input.comment ?? null}, ${viewer.actor}, ${now})
      ON CONFLICT (project_id) DO UPDATE SET volunteers = excluded.volunteers, hours = excluded.hours, people_reached = excluded.people_reached,
        comment = excluded.comment, entered_by = excluded.entered_by, entered_at = excluded.entered_at`)),
    auditInsert(db, viewer, { action: "update", entity: "action_day_results", entityId: projectId, regionCode: a.regionCode, detail: { eventId: a.eventId, ...input } }),
    ...(await syncStatements(db, viewer, a, pairs)),
  ];
  await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return pairs;
}

/** Statements that keep the pair cooperations right after the assignment changed (when results exist). */
export async function resyncAfterMove(db: Db, viewer: Viewer, a: ActionDayRow, projects: ProjectRow[], teams: TeamRow[]): Promise<BatchItem<"sqlite">[]> {
  if (!projects.some((p) => p.results)) return [];
  return syncStatements(db, viewer, a, pairCooperations(projects, teams));
}
