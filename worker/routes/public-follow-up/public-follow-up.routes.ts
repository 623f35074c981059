/**
 * @module
 * A partner's follow-up by its personal link (docs/marketplace.md, "Follow-up"): read what the
 * link asks about, answer once. The secret travels in the `X-Link-Key` header.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { LINK_SECURITY } from "../../lib/create-app";
import { errorResponses, jsonBody, jsonContent, Line, Text } from "../../lib/schemas";
import { FOLLOW_UP_LIMITS } from "../../marketplace/follow-up";
import { openByLink } from "./public-follow-up.handlers";

const tags = ["Marketplace"];
const limitErrors = { 429: { description: "Too many requests from this address; see Retry-After", content: { "application/json": { schema: errorResponses(422)[422].content["application/json"].schema } } } };
const gone = { 410: { description: "The link was already used (each link answers once)", content: { "application/json": { schema: errorResponses(422)[422].content["application/json"].schema } } } };

export const FollowUpQuestion = z
  .object({
    organisationName: z.string().openapi({ description: "The partner the link belongs to" }),
    partnerNames: z.array(z.string()),
    event: z.object({ title: z.string(), date: z.string(), place: z.string().nullable() }),
    agreedText: z.string(),
    dueBy: z.string().nullable(),
    contributionTypes: z.array(z.string()),
    roundMonths: z.number().int(),
    locale: z.enum(["de", "en", "nl"]).openapi({ description: "The language the partner registered in" }),
    expiresAt: z.string(),
  })
  .openapi("FollowUpQuestion");

export const FollowUpAnswer = z
  .strictObject({
    outcome: z.enum(["done", "ongoing", "not_feasible"]),
    hours: z.number().min(0).max(FOLLOW_UP_LIMITS.hours).nullable().optional().openapi({ description: "Hours given (staff time)" }),
    volunteers: z.number().int().min(0).max(FOLLOW_UP_LIMITS.people).nullable().optional(),
    peopleReached: z.number().int().min(0).max(FOLLOW_UP_LIMITS.peopleReached).nullable().optional(),
    wouldRepeat: z.boolean().nullable().optional(),
    comment: Text(FOLLOW_UP_LIMITS.comment).nullable().optional(),
    answeredBy: Line(200).min(1).openapi({ description: "Who answers (a name), kept in the audit log", example: "Petra Schmidt" }),
  })
  .openapi("FollowUpAnswer");

export const question = createRoute({
  method: "get",
  path: "/public/follow-up",
  operationId: "getFollowUpQuestion",
  tags,
  summary: "What a follow-up link asks about (the deal, the partners, the round)",
  security: LINK_SECURITY,
  middleware: [openByLink] as const,
  responses: { 200: jsonContent(FollowUpQuestion, "The question"), ...errorResponses(404), ...gone, ...limitErrors },
});

export const answer = createRoute({
  method: "post",
  path: "/public/follow-up",
  operationId: "createFollowUpAnswer",
  tags,
  summary: "Answer a follow-up once: the answer updates the cooperation (audited, with who answered)",
  security: LINK_SECURITY,
  middleware: [openByLink] as const,
  request: { body: jsonBody(FollowUpAnswer) },
  responses: {
    200: jsonContent(z.object({ answeredAt: z.string(), updatesCooperation: z.boolean() }).openapi("FollowUpAnswered"), "Stored; the link is used up"),
    ...errorResponses(404, 413, 415, 422),
    ...gone,
    ...limitErrors,
  },
});
