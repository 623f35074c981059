/**
 * @module
 * Round tables (docs/round-tables.md): series, their meetings (events of kind `round_table`),
 * attendees and minutes — decisions and follow-up tasks. Organisers are admins and coordinators
 * of the series' region; minutes are never public.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { onlyFor } from "../../lib/create-app";
import { ROUND_TABLE_LIMITS } from "../../lib/limits";
import { DateString, errorResponses, IdText, jsonBody, jsonContent, Line, PageSize, Text } from "../../lib/schemas";

const tags = ["Round tables"];
const organisers = onlyFor("admin", "coordinator");

const Clock = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "Expected a time as HH:MM (24 h)")
  .openapi({ example: "18:00" });

const SeriesId = z.object({ seriesId: IdText.openapi({ param: { name: "seriesId", in: "path" } }) });
const MeetingId = z.object({ eventId: IdText.openapi({ param: { name: "eventId", in: "path" } }) });

const Owner = z.object({ organisationId: z.number().int().nullable(), organisationName: z.string().nullable(), name: z.string().nullable() });

export const TaskSchema = z
  .object({
    id: z.number().int(),
    eventId: z.number().int(),
    meetingDate: z.string(),
    task: z.string(),
    owner: Owner,
    dueOn: z.string().nullable(),
    done: z.boolean(),
    doneAt: z.string().nullable(),
    overdue: z.boolean(),
  })
  .openapi("RoundTableTask");

const MeetingSummary = z
  .object({
    eventId: z.number().int(),
    title: z.string(),
    date: z.string(),
    place: z.string().nullable(),
    startsAt: z.string().nullable(),
    attendees: z.number().int(),
    decisions: z.number().int(),
    openTasks: z.number().int(),
  })
  .openapi("RoundTableMeetingSummary");

export const SeriesSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    regionCode: z.string(),
    organiserId: z.number().int().nullable(),
    organiserName: z.string().nullable(),
    description: z.string().nullable(),
    meetings: z.array(MeetingSummary),
    openTasks: z.array(TaskSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("RoundTable");

export const MeetingSchema = z
  .object({
    eventId: z.number().int(),
    series: z.object({ id: z.number().int(), title: z.string(), regionCode: z.string(), organiserName: z.string().nullable() }),
    title: z.string(),
    date: z.string(),
    place: z.string().nullable(),
    startsAt: z.string().nullable(),
    minutesBy: z.string().nullable(),
    attendees: z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.string() })),
    hiddenAttendees: z.number().int().openapi({ description: "Attendees registered outside the caller's regions and not public (kept, not named)" }),
    decisions: z.array(z.object({ id: z.number().int(), text: z.string() })),
    tasks: z.array(TaskSchema),
  })
  .openapi("RoundTableMeeting");

export const list = createRoute({
  method: "get",
  path: "/round-tables",
  operationId: "listRoundTables",
  tags,
  summary: "The round-table series the caller organises (coordinators: of their regions)",
  security: organisers,
  request: {
    query: z.object({
      region: z.string().min(1).max(32).optional().openapi({ description: "Only this region and its sub-regions" }),
      limit: PageSize(100),
    }),
  },
  responses: { 200: jsonContent(z.object({ data: z.array(SeriesSchema.omit({ openTasks: true })) }).openapi("RoundTableList"), "Series"), ...errorResponses(401, 403, 422) },
});

const SeriesFields = {
  title: Line(300).min(1).openapi({ example: "Runder Tisch engagierter Unternehmen Brandenburg" }),
  organiserId: z.number().int().min(1).nullable().optional().openapi({ description: "The organisation that runs the series (a volunteer agency, chamber …)" }),
  description: Text(2000).nullable().optional(),
};

export const create = createRoute({
  method: "post",
  path: "/round-tables",
  operationId: "createRoundTable",
  tags,
  summary: "Start a round-table series",
  request: { body: jsonBody(z.strictObject({ ...SeriesFields, regionCode: z.string().min(1).max(32).openapi({ example: "12" }) }).openapi("RoundTableCreate")) },
  responses: { 201: jsonContent(SeriesSchema, "Created"), ...errorResponses(400, 401, 403, 413, 415, 422) },
});

export const get = createRoute({
  method: "get",
  path: "/round-tables/{seriesId}",
  operationId: "getRoundTable",
  tags,
  summary: "A series with its meetings and the open tasks of all of them",
  security: organisers,
  request: { params: SeriesId },
  responses: { 200: jsonContent(SeriesSchema, "The series"), ...errorResponses(401, 403, 404, 422) },
});

export const update = createRoute({
  method: "patch",
  path: "/round-tables/{seriesId}",
  operationId: "updateRoundTable",
  tags,
  summary: "Change a series' title, description or organiser (its meetings' organiser follows)",
  request: { params: SeriesId, body: jsonBody(z.strictObject({ ...SeriesFields, title: SeriesFields.title.optional() }).openapi("RoundTableUpdate")) },
  responses: { 200: jsonContent(SeriesSchema, "Updated"), ...errorResponses(400, 401, 403, 404, 415, 422) },
});

const AttendeeIds = z
  .array(z.number().int().min(1))
  .max(ROUND_TABLE_LIMITS.maxAttendees)
  .openapi({ description: "The organisations that attended (replaces the list; attendees hidden from the caller stay)" });

export const addMeeting = createRoute({
  method: "post",
  path: "/round-tables/{seriesId}/meetings",
  operationId: "createRoundTableMeeting",
  tags,
  summary: "Add a meeting: an event of kind round_table in the series' region, with its attendees",
  request: {
    params: SeriesId,
    body: jsonBody(
      z
        .strictObject({
          date: DateString,
          title: Line(300).min(1).optional().openapi({ description: "Default: the series' title" }),
          place: Line(300).min(1).nullable().optional(),
          startsAt: Clock.nullable().optional(),
          attendeeIds: AttendeeIds.optional(),
        })
        .openapi("RoundTableMeetingCreate"),
    ),
  },
  responses: { 201: jsonContent(MeetingSchema, "Created"), ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
});

export const getMeeting = createRoute({
  method: "get",
  path: "/round-table-meetings/{eventId}",
  operationId: "getRoundTableMeeting",
  tags,
  summary: "A meeting with its attendees and minutes (decisions and tasks)",
  security: organisers,
  request: { params: MeetingId },
  responses: { 200: jsonContent(MeetingSchema, "The meeting"), ...errorResponses(401, 403, 404, 422) },
});

export const updateMeeting = createRoute({
  method: "patch",
  path: "/round-table-meetings/{eventId}",
  operationId: "updateRoundTableMeeting",
  tags,
  summary: "Change a meeting's date, place, time, minute-taker or attendees",
  request: {
    params: MeetingId,
    body: jsonBody(
      z
        .strictObject({
          date: DateString.optional(),
          title: Line(300).min(1).optional(),
          place: Line(300).min(1).nullable().optional(),
          startsAt: Clock.nullable().optional(),
          minutesBy: Line(200).min(1).nullable().optional(),
          attendeeIds: AttendeeIds.optional(),
        })
        .openapi("RoundTableMeetingUpdate"),
    ),
  },
  responses: { 200: jsonContent(MeetingSchema, "Updated"), ...errorResponses(400, 401, 403, 404, 415, 422) },
});

export const addDecision = createRoute({
  method: "post",
  path: "/round-table-meetings/{eventId}/decisions",
  operationId: "createRoundTableDecision",
  tags,
  summary: "Record a decision in the minutes",
  request: { params: MeetingId, body: jsonBody(z.strictObject({ text: Text(2000).trim().min(1) }).openapi("RoundTableDecisionCreate")) },
  responses: { 201: jsonContent(MeetingSchema, "The meeting with the decision"), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
});

export const removeDecision = createRoute({
  method: "delete",
  path: "/round-table-meetings/{eventId}/decisions/{decisionId}",
  operationId: "deleteRoundTableDecision",
  tags,
  summary: "Remove a decision from the minutes",
  request: { params: MeetingId.extend({ decisionId: IdText.openapi({ param: { name: "decisionId", in: "path" } }) }) },
  responses: { 204: { description: "Removed" }, ...errorResponses(401, 403, 404, 422) },
});

const TaskFields = {
  task: Text(1000).trim().min(1),
  ownerOrganisationId: z.number().int().min(1).nullable().optional().openapi({ description: "Who: an attendee of the meeting" }),
  ownerName: Line(200).min(1).nullable().optional().openapi({ description: "Who: a person (organiser's note, never public)" }),
  dueOn: DateString.nullable().optional().openapi({ description: "By when" }),
};

export const addTask = createRoute({
  method: "post",
  path: "/round-table-meetings/{eventId}/tasks",
  operationId: "createRoundTableTask",
  tags,
  summary: "Record a follow-up task in the minutes: what, who, by when",
  request: { params: MeetingId, body: jsonBody(z.strictObject(TaskFields).openapi("RoundTableTaskCreate")) },
  responses: { 201: jsonContent(TaskSchema, "Added"), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
});

export const updateTask = createRoute({
  method: "patch",
  path: "/round-table-tasks/{taskId}",
  operationId: "updateRoundTableTask",
  tags,
  summary: "Tick a task done (or open it again), or change what, who and by when",
  request: {
    params: z.object({ taskId: IdText.openapi({ param: { name: "taskId", in: "path" } }) }),
    body: jsonBody(z.strictObject({ ...TaskFields, task: TaskFields.task.optional(), done: z.boolean().optional() }).openapi("RoundTableTaskUpdate")),
  },
  responses: { 200: jsonContent(TaskSchema, "Updated"), ...errorResponses(400, 401, 403, 404, 415, 422) },
});
