/**
 * @module
 * The organiser's follow-ups of a marketplace (docs/marketplace.md, "Follow-up"): the board,
 * scheduling, mailing the due links or reminders, and the mail-merge download.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, IdText, jsonBody, jsonContent } from "../../lib/schemas";
import { onlyFor } from "../../lib/create-app";

const tags = ["Marketplace"];
const EventParam = z.object({ eventId: IdText.openapi({ param: { name: "eventId", in: "path" } }) });

const Outcome = z.enum(["done", "ongoing", "not_feasible"]);
const State = z.enum(["upcoming", "due", "sent", "overdue", "answered"]).openapi({
  description: "upcoming: not yet due; due: due, not sent; sent: waiting for the answer; overdue: no answer 14 days after the last send; answered",
});

const FollowUpItem = z
  .object({
    id: z.number().int(),
    cooperationId: z.number().int(),
    organisationId: z.number().int(),
    organisationName: z.string(),
    partnerNames: z.array(z.string()),
    agreedText: z.string(),
    roundMonths: z.number().int(),
    dueOn: z.string(),
    state: State,
    sentAt: z.string().nullable(),
    sentVia: z.enum(["mail", "download"]).nullable(),
    reminders: z.number().int(),
    lastRemindedAt: z.string().nullable(),
    canRemind: z.boolean(),
    hasAddress: z.boolean().openapi({ description: "A contact address is known (mail can reach the partner)" }),
    answeredAt: z.string().nullable(),
    answeredBy: z.string().nullable(),
    outcome: Outcome.nullable(),
    hours: z.number().nullable(),
    volunteers: z.number().int().nullable(),
    peopleReached: z.number().int().nullable(),
    wouldRepeat: z.boolean().nullable(),
    comment: z.string().nullable(),
    disagrees: z.boolean().openapi({ description: "The other partner's answer of the same round disagrees" }),
  })
  .openapi("FollowUpItem");

const Disagreement = z
  .object({
    cooperationId: z.number().int(),
    roundMonths: z.number().int(),
    agreedText: z.string(),
    on: z.array(z.enum(["outcome", "hours", "volunteers", "peopleReached"])),
    requestIds: z.array(z.number().int()),
  })
  .openapi("FollowUpDisagreement");

const Counts = z.object({ upcoming: z.number().int(), due: z.number().int(), sent: z.number().int(), overdue: z.number().int(), answered: z.number().int(), disagreeing: z.number().int(), remindable: z.number().int() });

export const FollowUpBoard = z
  .object({
    event: z.object({ id: z.number().int(), title: z.string(), date: z.string(), regionCode: z.string() }),
    today: z.string(),
    mail: z.object({ configured: z.boolean(), transport: z.string().nullable() }).openapi({ description: "Without a mail transport the organiser downloads the links as a mail-merge CSV" }),
    counts: Counts,
    items: z.array(FollowUpItem),
    disagreements: z.array(Disagreement),
  })
  .openapi("FollowUpBoard");

export const board = createRoute({
  method: "get",
  path: "/marketplaces/{eventId}/follow-ups",
  operationId: "getFollowUpBoard",
  tags,
  summary: "The follow-up board: due, sent, overdue, answered and disagreeing requests",
  security: onlyFor("admin", "coordinator"),
  request: { params: EventParam },
  responses: { 200: jsonContent(FollowUpBoard, "The event's follow-up requests"), ...errorResponses(401, 403, 404, 422) },
});

export const schedule = createRoute({
  method: "post",
  path: "/marketplaces/{eventId}/follow-ups/schedule",
  operationId: "createFollowUpRequests",
  tags,
  summary: "Create the follow-up requests of the event's deals (idempotent; the Cron job does the same)",
  request: { params: EventParam },
  responses: { 200: jsonContent(z.object({ created: z.number().int() }).openapi("FollowUpSchedule"), "Requests created now"), ...errorResponses(401, 403, 404, 422) },
});

const Which = z.enum(["due", "reminders"]).openapi({ description: "due: due requests never sent; reminders: overdue requests (at most two reminders each)" });

export const send = createRoute({
  method: "post",
  path: "/marketplaces/{eventId}/follow-ups/send",
  operationId: "createFollowUpMails",
  tags,
  summary: "Mail fresh follow-up links (first requests or reminders) through the configured mail transport",
  request: { params: EventParam, body: jsonBody(z.strictObject({ which: Which }).openapi("FollowUpSend")) },
  responses: {
    200: jsonContent(
      z.object({ sent: z.number().int(), withoutAddress: z.number().int(), failed: z.number().int(), more: z.boolean() }).openapi("FollowUpMailRun"),
      "What was sent; requests without an address are left for the download",
    ),
    ...errorResponses(401, 403, 404, 409, 415, 422),
  },
});

export const download = createRoute({
  method: "post",
  path: "/marketplaces/{eventId}/follow-ups/download",
  operationId: "createFollowUpMailMerge",
  tags,
  summary: "Issue fresh follow-up links and download them as a mail-merge CSV (German Excel dialect by default)",
  description: "Each row's link replaces any earlier link of that request, so download once and send the file's links. The requests count as sent (or reminded).",
  request: {
    params: EventParam,
    body: jsonBody(z.strictObject({ which: Which, locale: z.enum(["de", "en"]).default("de") }).openapi("FollowUpDownload")),
  },
  responses: {
    200: { description: "CSV file (UTF-8 with BOM; German: `;` and dd.mm.yyyy)", content: { "text/csv": { schema: z.string() } } },
    ...errorResponses(401, 403, 404, 415, 422),
  },
});
