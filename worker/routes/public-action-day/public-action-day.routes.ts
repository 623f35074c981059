/**
 * @module
 * An action day's public pages (docs/action-days.md): non-profits submit projects and companies
 * register teams through the published page (`/action-day/<key>`, one key per side), without an
 * account; each gets an edit link (project_edit / team_edit capability) that opens its own entry
 * and nothing else. After the day a non-profit enters its project's results through an
 * action_day_results link the organiser sent.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { LINK_SECURITY, PUBLIC_SECURITY } from "../../lib/create-app";
import { DateString, errorResponses, IdText, jsonBody, jsonContent, Line, Text } from "../../lib/schemas";
import { ActionDayKind, ResultsInput } from "../action-days/action-days.routes";

const tags = ["Action days"];

const Word = z.string().trim().min(1).max(50).regex(/^[\p{L}\p{N} _.&/+-]+$/u, "Letters, digits, spaces and _ . & / + - only");
const Key = z.string().trim().min(1).max(100).regex(/^[a-z0-9_]+$/, "Lowercase key like youth_work");

const Registrant = {
  orgName: Line(300).min(1).openapi({ example: "Tafel Jena e.V." }),
  postcode: z.string().trim().regex(/^[0-9A-Za-z -]{3,10}$/, "Not a postcode").nullable().optional(),
  contactName: Line(200).min(1).nullable().optional().openapi({ description: "Personal data: stored only with consent" }),
  contactEmail: z.email().max(254).nullable().optional().openapi({ description: "Personal data: stored only with consent" }),
  consent: z.boolean().optional().openapi({ description: "Agrees to the consent text shown (needed for a contact person)" }),
  locale: z.enum(["de", "en", "nl"]).optional(),
};
const Bot = {
  website: z.string().max(500).optional().openapi({ description: "Leave empty (a field for bots)" }),
  turnstileToken: z.string().max(4096).optional().openapi({ description: "Cloudflare Turnstile answer, where the page shows the check" }),
};

const ProjectFields = {
  ...Registrant,
  field: Key.nullable().optional().openapi({ description: "The non-profit's field of work" }),
  title: Line(200).min(1).openapi({ example: "Spielplatz streichen" }),
  description: Text(2000).transform((s) => s.trim()).pipe(z.string().min(1, "Describe the project")),
  place: Line(300).min(1).openapi({ example: "Kita Sonnenschein, Jena-Lobeda" }),
  days: z.array(DateString).min(1).max(14).openapi({ description: "Days of the action the project takes teams" }),
  volunteersWanted: z.number().int().min(1).max(500).openapi({ description: "People the project takes on each of its days" }),
  skills: z.array(Word).max(20).optional(),
  accessibility: Line(500).nullable().optional().openapi({ example: "Ebenerdig, barrierefreies WC" }),
  bring: Line(500).nullable().optional().openapi({ description: "What the company team should bring", example: "Arbeitskleidung" }),
};
const TeamFields = {
  ...Registrant,
  industry: Key.nullable().optional(),
  name: Line(200).min(1).nullable().optional().openapi({ example: "Azubis 2. Lehrjahr" }),
  size: z.number().int().min(1).max(200),
  skills: z.array(Word).max(20).optional(),
  preferredFields: z.array(Key).max(20).optional(),
  day: DateString.nullable().optional().openapi({ description: "The day the team works (none: any day of the action)" }),
};

export const ProjectCreate = z.strictObject({ ...ProjectFields, ...Bot }).openapi("ActionDayProjectCreate");
export const ProjectUpdate = z.strictObject(ProjectFields).openapi("ActionDayProjectUpdate");
export const TeamCreate = z.strictObject({ ...TeamFields, ...Bot }).openapi("ActionDayTeamCreate");
export const TeamUpdate = z.strictObject(TeamFields).openapi("ActionDayTeamUpdate");

export const PublicActionDay = z
  .object({
    side: z.enum(["project", "team"]).openapi({ description: "Which page this key opens: non-profits' projects or companies' teams" }),
    kind: ActionDayKind,
    title: z.string(),
    date: z.string(),
    endDate: z.string(),
    days: z.array(z.string()),
    registrationCloses: z.string(),
    open: z.boolean().openapi({ description: "Whether the page takes entries today" }),
    consentText: z.object({ de: z.string(), en: z.string(), nl: z.string() }),
    turnstileSiteKey: z.string().nullable(),
  })
  .openapi("PublicActionDay");

export const Submitted = z
  .object({
    id: z.number().int(),
    editKey: z.string().openapi({ description: "The edit link's secret, shown once" }),
    editPath: z.string().openapi({ example: "/action-day/project/17#kl_…" }),
    expiresAt: z.string(),
  })
  .openapi("ActionDaySubmitted");

const Event = PublicActionDay.pick({ kind: true, title: true, date: true, endDate: true, days: true, registrationCloses: true, open: true, consentText: true });
const Partner = z.object({ orgName: z.string(), day: z.string(), size: z.number().int().optional(), teamName: z.string().nullable().optional() });

export const OwnProject = z
  .object({
    id: z.number().int(),
    event: Event,
    status: z.enum(["pending", "approved", "rejected", "withdrawn"]),
    orgName: z.string(),
    postcode: z.string().nullable(),
    field: z.string().nullable(),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    title: z.string(),
    description: z.string(),
    place: z.string(),
    days: z.array(z.string()),
    volunteersWanted: z.number().int(),
    skills: z.array(z.string()),
    accessibility: z.string().nullable(),
    bring: z.string().nullable(),
    teams: z.array(Partner).openapi({ description: "The teams placed on the project (companies' names as they registered)" }),
  })
  .openapi("OwnActionDayProject");

export const OwnTeam = z
  .object({
    id: z.number().int(),
    event: Event,
    status: z.enum(["pending", "approved", "rejected", "withdrawn"]),
    orgName: z.string(),
    postcode: z.string().nullable(),
    industry: z.string().nullable(),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    name: z.string().nullable(),
    size: z.number().int(),
    skills: z.array(z.string()),
    preferredFields: z.array(z.string()),
    day: z.string().nullable(),
    project: z
      .object({ title: z.string(), orgName: z.string(), place: z.string(), day: z.string(), bring: z.string().nullable(), accessibility: z.string().nullable() })
      .nullable()
      .openapi({ description: "Where the team works, once assigned" }),
  })
  .openapi("OwnActionDayTeam");

export const ProjectResults = z
  .object({
    projectId: z.number().int(),
    event: Event.pick({ kind: true, title: true, date: true, endDate: true }),
    title: z.string(),
    orgName: z.string(),
    teams: z.array(Partner),
    volunteersPlaced: z.number().int().openapi({ description: "People of the teams placed on the project" }),
    results: z.object({ volunteers: z.number().int(), hours: z.number(), peopleReached: z.number().int(), comment: z.string().nullable(), enteredAt: z.string() }).nullable(),
  })
  .openapi("ActionDayProjectResults");

const KeyParam = z.object({ key: z.string().min(1).max(64).openapi({ param: { name: "key", in: "path" } }) });
const IdParam = z.object({ id: IdText.openapi({ param: { name: "id", in: "path" } }) });

export const page = createRoute({
  method: "get",
  path: "/public/action-day/{key}",
  operationId: "getActionDayPage",
  tags,
  summary: "An action day's project or team page: the event, its days, whether it takes entries",
  request: { params: KeyParam },
  responses: { 200: jsonContent(PublicActionDay, "The page"), ...errorResponses(404) },
});

export const submitProject = createRoute({
  method: "post",
  path: "/public/action-day/{key}/projects",
  operationId: "createActionDayProject",
  tags,
  summary: "Submit a non-profit's project (no account; answers the edit link once)",
  security: PUBLIC_SECURITY,
  request: { params: KeyParam, body: jsonBody(ProjectCreate) },
  responses: { 201: jsonContent(Submitted, "Submitted; waits for the organiser's approval"), ...errorResponses(400, 403, 404, 409, 413, 415, 422, 429) },
});

export const submitTeam = createRoute({
  method: "post",
  path: "/public/action-day/{key}/teams",
  operationId: "createActionDayTeam",
  tags,
  summary: "Register a company's team (no account; answers the edit link once)",
  security: PUBLIC_SECURITY,
  request: { params: KeyParam, body: jsonBody(TeamCreate) },
  responses: { 201: jsonContent(Submitted, "Registered; waits for the organiser's approval"), ...errorResponses(400, 403, 404, 409, 413, 415, 422, 429) },
});

export const readProject = createRoute({
  method: "get",
  path: "/public/action-day-projects/{id}",
  operationId: "getOwnActionDayProject",
  tags,
  summary: "The non-profit's own project, opened by its edit link",
  security: LINK_SECURITY,
  request: { params: IdParam },
  responses: { 200: jsonContent(OwnProject, "The project"), ...errorResponses(404, 422) },
});

export const updateProject = createRoute({
  method: "put",
  path: "/public/action-day-projects/{id}",
  operationId: "updateOwnActionDayProject",
  tags,
  summary: "Change the own project (until registration closes)",
  security: LINK_SECURITY,
  request: { params: IdParam, body: jsonBody(ProjectUpdate) },
  responses: { 200: jsonContent(OwnProject, "Changed"), ...errorResponses(400, 404, 409, 413, 415, 422, 429) },
});

export const readTeam = createRoute({
  method: "get",
  path: "/public/action-day-teams/{id}",
  operationId: "getOwnActionDayTeam",
  tags,
  summary: "The company's own team, opened by its edit link (with its project, once assigned)",
  security: LINK_SECURITY,
  request: { params: IdParam },
  responses: { 200: jsonContent(OwnTeam, "The team"), ...errorResponses(404, 422) },
});

export const updateTeam = createRoute({
  method: "put",
  path: "/public/action-day-teams/{id}",
  operationId: "updateOwnActionDayTeam",
  tags,
  summary: "Change the own team (until registration closes)",
  security: LINK_SECURITY,
  request: { params: IdParam, body: jsonBody(TeamUpdate) },
  responses: { 200: jsonContent(OwnTeam, "Changed"), ...errorResponses(400, 404, 409, 413, 415, 422, 429) },
});

export const readResults = createRoute({
  method: "get",
  path: "/public/action-day-results/{id}",
  operationId: "getActionDayProjectResults",
  tags,
  summary: "A project's results form, opened by the results link the organiser sent",
  security: LINK_SECURITY,
  request: { params: IdParam },
  responses: { 200: jsonContent(ProjectResults, "The project and its results so far"), ...errorResponses(404, 422) },
});

export const enterResults = createRoute({
  method: "put",
  path: "/public/action-day-results/{id}",
  operationId: "updateActionDayProjectResults",
  tags,
  summary: "Enter the project's results after the day (entering again replaces them)",
  security: LINK_SECURITY,
  request: { params: IdParam, body: jsonBody(ResultsInput) },
  responses: { 200: jsonContent(ProjectResults, "Entered"), ...errorResponses(400, 404, 409, 413, 415, 422, 429) },
});

export const eraseProjectContact = createRoute({
  method: "delete",
  path: "/public/action-day-projects/{id}/contact",
  operationId: "deleteOwnActionDayProjectContact",
  tags,
  summary: "Withdraw consent: the project's contact person is erased (at any time, also after registration closed)",
  security: LINK_SECURITY,
  request: { params: IdParam },
  responses: { 204: { description: "Erased" }, ...errorResponses(404, 422, 429) },
});

export const eraseTeamContact = createRoute({
  method: "delete",
  path: "/public/action-day-teams/{id}/contact",
  operationId: "deleteOwnActionDayTeamContact",
  tags,
  summary: "Withdraw consent: the team's contact person is erased (at any time, also after registration closed)",
  security: LINK_SECURITY,
  request: { params: IdParam },
  responses: { 204: { description: "Erased" }, ...errorResponses(404, 422, 429) },
});
