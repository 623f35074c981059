/**
 * @module
 * Events: format instances (action day, marketplace, round table, 72-hour action, social day)
 * with the organisations that took part.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { DateString, errorResponses, EventKind, IdParam, IdText, jsonBody, jsonContent, Line, ListQueryBase, listEnvelope, RegionFilter, Text } from "../../lib/schemas";
import { ExportQuery, withExportContent } from "../../export/list-export";

const EventFields = {
  kind: EventKind,
  title: Line(300).min(1).openapi({ example: "Gute Geschäfte Essen 2024" }),
  date: DateString,
  regionCode: z.string().min(1).max(32),
  organiserId: z.number().int().positive().nullable().optional(),
  participantIds: z.array(z.number().int().positive()).max(2000).optional().openapi({ description: "Organisations attending" }),
  source: Line(50).min(1).optional(),
  externalRef: Line(200).min(1).nullable().optional(),
  notes: Text(5000).nullable().optional(),
};

export const EventCreate = z.strictObject(EventFields).openapi("EventCreate");
export const EventUpdate = z
  .strictObject(Object.fromEntries(Object.entries(EventFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof EventFields]: z.ZodOptional<(typeof EventFields)[K]>;
  })
  .openapi("EventUpdate");

export const EventSchema = z
  .object({
    id: z.number().int(),
    kind: EventKind,
    title: z.string(),
    date: z.string(),
    regionCode: z.string(),
    organiserId: z.number().int().nullable(),
    participantIds: z.array(z.number().int()).openapi({ description: "Participants the caller may see" }),
    participantCount: z.union([z.number().int(), z.literal("<3")]).openapi({ description: "Anonymous callers: \"<3\" when 1 or 2 participants are not public (count minus the visible ids would name them)" }),
    source: z.string(),
    externalRef: z.string().nullable(),
    notes: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Event");

const tags = ["Events"];

export const list = createRoute({
  method: "get",
  path: "/events",
  operationId: "listEvents",
  tags,
  summary: "List events",
  request: {
    query: z.object({
      ...ListQueryBase,
      region: RegionFilter,
      kind: EventKind.optional(),
      from: DateString.optional(),
      to: DateString.optional(),
      organisation: IdText.optional().openapi({ description: "Events this organisation took part in" }),
      sort: z.string().optional().openapi({ description: "date, title, createdAt, id; prefix - for descending (default -date)" }),
      ...ExportQuery,
    }),
  },
  responses: { 200: withExportContent(jsonContent(listEnvelope(EventSchema, "EventList"), "Events")), ...errorResponses(422) },
});

export const get = createRoute({
  method: "get",
  path: "/events/{id}",
  operationId: "getEvent",
  tags,
  summary: "One event with its participants",
  request: { params: IdParam },
  responses: { 200: jsonContent(EventSchema, "The event"), ...errorResponses(404, 422) },
});

export const create = createRoute({
  method: "post",
  path: "/events",
  operationId: "createEvent",
  tags,
  summary: "Create an event",
  request: { body: jsonBody(EventCreate) },
  responses: { 201: jsonContent(EventSchema, "Created"), ...errorResponses(400, 401, 403, 409, 413, 415, 422) },
});

export const update = createRoute({
  method: "patch",
  path: "/events/{id}",
  operationId: "updateEvent",
  tags,
  summary: "Change an event (participantIds replaces the list)",
  request: { params: IdParam, body: jsonBody(EventUpdate) },
  responses: { 200: jsonContent(EventSchema, "Updated"), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
});

export const remove = createRoute({
  method: "delete",
  path: "/events/{id}",
  operationId: "deleteEvent",
  tags,
  summary: "Delete an event (soft)",
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...errorResponses(401, 403, 404) },
});
