/**
 * @module
 * The organiser's action day (docs/action-days.md): an event of kind action_day, social_day or
 * action_72h with its days and two registration pages (projects, teams); approving who
 * registered, the suggested assignment and moves by hand, results per project and the link a
 * non-profit enters them with. Organisers are admins or coordinators of the event's region.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { onlyFor } from "../../lib/create-app";
import { DateString, errorResponses, IdText, jsonBody, jsonContent, Line, PageSize, Text } from "../../lib/schemas";
import { RegistrationApproval, RegistrationSchema } from "../marketplaces/registrations.routes";

const tags = ["Action days"];
const organisers = onlyFor("admin", "coordinator");

export const ActionDayKind = z.enum(["action_day", "social_day", "action_72h"]);

export const ActionDayCreate = z
  .strictObject({
    kind: ActionDayKind,
    title: Line(300).min(1).openapi({ example: "Sozialer Tag Jena 2027" }),
    date: DateString.openapi({ description: "The first day" }),
    endDate: DateString.optional().openapi({ description: "The last day (default: the first; a 72-hour action spans three)" }),
    regionCode: z.string().min(1).max(32).openapi({ example: "16053" }),
    registrationCloses: DateString.nullable().optional().openapi({ description: "Last day projects and teams register or change (none: the first day)" }),
  })
  .openapi("ActionDayCreate");

const Reason = z
  .object({ skills: z.array(z.string()), field: z.boolean(), newTie: z.boolean(), score: z.number() })
  .or(z.object({ manual: z.literal(true) }))
  .openapi("AssignmentReason", { description: "Why the team went there: the score's parts, or the organiser's move" });

const Registrant = {
  registrationId: z.number().int(),
  orgName: z.string(),
  postcode: z.string().nullable(),
  status: z.enum(["pending", "approved", "rejected", "withdrawn"]),
  organisationId: z.number().int().nullable(),
  candidateOrganisationId: z.number().int().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
};

export const ProjectSchema = z
  .object({
    id: z.number().int(),
    ...Registrant,
    field: z.string().nullable(),
    title: z.string(),
    description: z.string(),
    place: z.string(),
    volunteersWanted: z.number().int().openapi({ description: "People the project takes on each of its days" }),
    skills: z.array(z.string()),
    accessibility: z.string().nullable(),
    bring: z.string().nullable(),
    days: z.array(z.string()),
    results: z.object({ volunteers: z.number().int(), hours: z.number(), peopleReached: z.number().int(), comment: z.string().nullable(), enteredBy: z.string(), enteredAt: z.string() }).nullable(),
  })
  .openapi("ActionDayProject");

export const TeamSchema = z
  .object({
    id: z.number().int(),
    ...Registrant,
    industry: z.string().nullable(),
    name: z.string().nullable(),
    size: z.number().int(),
    skills: z.array(z.string()),
    preferredFields: z.array(z.string()),
    day: z.string().nullable(),
    assignment: z.object({ projectId: z.number().int(), day: z.string(), source: z.enum(["suggested", "manual"]), reason: Reason, decidedAt: z.string() }).nullable(),
  })
  .openapi("ActionDayTeam");

export const ActionDaySchema = z
  .object({
    eventId: z.number().int(),
    kind: ActionDayKind,
    title: z.string(),
    date: z.string(),
    endDate: z.string(),
    days: z.array(z.string()),
    regionCode: z.string(),
    registrationCloses: z.string().nullable(),
    projectPath: z.string().openapi({ example: "/action-day/ak_…", description: "The non-profits' project page" }),
    teamPath: z.string().openapi({ example: "/action-day/ak_…", description: "The companies' team page" }),
    projects: z.array(ProjectSchema),
    teams: z.array(TeamSchema),
    unassigned: z.array(z.number().int()).openapi({ description: "Teams (pending or approved) without a project" }),
    cooperations: z.number().int().openapi({ description: "Cooperations made from the results" }),
  })
  .openapi("ActionDay");

export const ActionDaySummary = ActionDaySchema.pick({ eventId: true, kind: true, title: true, date: true, endDate: true, regionCode: true }).extend({
  projects: z.number().int(),
  teams: z.number().int(),
}).openapi("ActionDaySummary");

export const Move = z
  .strictObject({ projectId: z.number().int().positive(), day: DateString })
  .openapi("ActionDayMove");

export const ResultsInput = z
  .strictObject({
    volunteers: z.number().int().min(0).max(10_000),
    hours: z.number().min(0).max(100_000).openapi({ description: "Volunteer hours of all who worked on the project" }),
    peopleReached: z.number().int().min(0).max(1_000_000),
    comment: Text(2000).nullable().optional(),
  })
  .openapi("ActionDayResultsInput");

export const ResultsLink = z
  .object({ key: z.string(), path: z.string().openapi({ example: "/action-day/results/12#kl_…" }), expiresAt: z.string() })
  .openapi("ActionDayResultsLink");

export const EventIdParam = z.object({ eventId: IdText.openapi({ param: { name: "eventId", in: "path" } }) });
const TeamParams = EventIdParam.extend({ teamId: IdText.openapi({ param: { name: "teamId", in: "path" } }) });
const ProjectParams = EventIdParam.extend({ projectId: IdText.openapi({ param: { name: "projectId", in: "path" } }) });
const RegistrationParams = EventIdParam.extend({ registrationId: IdText.openapi({ param: { name: "registrationId", in: "path" } }) });

export const list = createRoute({
  method: "get",
  path: "/action-days",
  operationId: "listActionDays",
  tags,
  summary: "Action days the caller organises (newest first)",
  security: organisers,
  request: { query: z.object({ limit: PageSize(100) }) },
  responses: { 200: jsonContent(z.object({ data: z.array(ActionDaySummary) }), "Action days"), ...errorResponses(401, 403, 422) },
});

export const create = createRoute({
  method: "post",
  path: "/action-days",
  operationId: "createActionDay",
  tags,
  summary: "Create an action day (its event and its two registration pages)",
  request: { body: jsonBody(ActionDayCreate) },
  responses: { 201: jsonContent(ActionDaySchema, "Created"), ...errorResponses(400, 401, 403, 413, 415, 422) },
});

export const get = createRoute({
  method: "get",
  path: "/action-days/{eventId}",
  operationId: "getActionDay",
  tags,
  summary: "An action day with its projects, teams, assignment and results",
  security: organisers,
  request: { params: EventIdParam },
  responses: { 200: jsonContent(ActionDaySchema, "The action day"), ...errorResponses(401, 403, 404, 422) },
});

export const approve = createRoute({
  method: "post",
  path: "/action-days/{eventId}/registrations/{registrationId}/approve",
  operationId: "createActionDayApproval",
  tags,
  summary: "Approve who registered a project or team: as an existing organisation or a new one",
  request: { params: RegistrationParams, body: jsonBody(RegistrationApproval) },
  responses: { 200: jsonContent(RegistrationSchema, "Approved"), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
});

export const suggest = createRoute({
  method: "post",
  path: "/action-days/{eventId}/assignment",
  operationId: "createActionDayAssignment",
  tags,
  summary: "Suggest the assignment anew: every team not moved by hand is placed by the stated rule",
  request: { params: EventIdParam },
  responses: { 200: jsonContent(ActionDaySchema, "The action day with the new assignment"), ...errorResponses(401, 403, 404, 422) },
});

export const move = createRoute({
  method: "put",
  path: "/action-days/{eventId}/teams/{teamId}/assignment",
  operationId: "updateActionDayAssignment",
  tags,
  summary: "Move a team to a project and day by hand (capacities are checked)",
  request: { params: TeamParams, body: jsonBody(Move) },
  responses: { 200: jsonContent(ActionDaySchema, "Moved"), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
});

export const unassign = createRoute({
  method: "delete",
  path: "/action-days/{eventId}/teams/{teamId}/assignment",
  operationId: "deleteActionDayAssignment",
  tags,
  summary: "Take a team off its project (it stays unassigned until moved or suggested again)",
  request: { params: TeamParams },
  responses: { 200: jsonContent(ActionDaySchema, "Taken off"), ...errorResponses(401, 403, 404, 422) },
});

export const enterResults = createRoute({
  method: "put",
  path: "/action-days/{eventId}/projects/{projectId}/results",
  operationId: "updateActionDayResults",
  tags,
  summary: "Enter a project's results; one cooperation per company–non-profit pair follows (entering again updates it)",
  request: { params: ProjectParams, body: jsonBody(ResultsInput) },
  responses: { 200: jsonContent(ActionDaySchema, "Entered"), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
});

export const resultsLink = createRoute({
  method: "post",
  path: "/action-days/{eventId}/projects/{projectId}/results-link",
  operationId: "createActionDayResultsLink",
  tags,
  summary: "A link for the non-profit to enter its project's results (earlier links stop working)",
  request: { params: ProjectParams },
  responses: { 201: jsonContent(ResultsLink, "The link, shown once"), ...errorResponses(401, 403, 404, 422) },
});
