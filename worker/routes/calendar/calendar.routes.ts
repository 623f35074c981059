/**
 * @module
 * The public event calendar of a region (docs/directory.md, "Event calendar"): as JSON for the
 * region page and as an iCalendar feed to subscribe to.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, EventKind, jsonContent } from "../../lib/schemas";

const tags = ["Directory"];
const params = z.object({ code: z.string().min(1).max(32).openapi({ param: { name: "code", in: "path" }, example: "16053" }) });
const query = z.object({ locale: z.enum(["de", "en", "nl"]).optional().openapi({ description: "Language of the format names in the feed (default de)" }) });

export const CalendarEvent = z
  .object({
    id: z.number().int(),
    kind: EventKind,
    title: z.string(),
    date: z.string(),
    endDate: z.string().openapi({ description: "Last day (multi-day action days); equal to date otherwise" }),
    regionCode: z.string(),
    regionName: z.string(),
    place: z.string().nullable(),
    organiserName: z.string().nullable().openapi({ description: "Only where the organiser may be named in public" }),
    registrationPath: z.string().nullable().openapi({ description: "The public registration page while registration is open (a marketplace's; an action day's for company teams)" }),
    projectRegistrationPath: z.string().nullable().openapi({ description: "An action day's page where non-profits submit projects, while registration is open" }),
    updatedAt: z.string(),
  })
  .openapi("CalendarEvent");

export const calendar = createRoute({
  method: "get",
  path: "/regions/{code}/calendar",
  operationId: "getRegionCalendar",
  tags,
  summary: "Events of a region and its sub-regions from a month back to two years ahead (at most 200)",
  request: { params },
  responses: {
    200: jsonContent(z.object({ regionCode: z.string(), events: z.array(CalendarEvent), feedPath: z.string() }), "The calendar"),
    ...errorResponses(404, 422),
  },
});

export const feed = createRoute({
  method: "get",
  path: "/regions/{code}/calendar.ics",
  operationId: "getRegionCalendarFeed",
  tags,
  summary: "The same events as an iCalendar feed (RFC 5545) to subscribe to in a calendar program",
  request: { params, query },
  responses: {
    200: { description: "iCalendar", content: { "text/calendar": { schema: z.string() } } },
    ...errorResponses(404, 422),
  },
});
