/**
 * @module
 * The organiser's side of the deal sheet (docs/marketplace.md, "Deal sheet"): the event's deals,
 * recording one, and the deal-sheet links the phones in the hall use.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { onlyFor } from "../../lib/create-app";
import { errorResponses, IdText, jsonBody, jsonContent } from "../../lib/schemas";
import { DealInput, DealSchema } from "../../marketplace/deals";

const tags = ["Marketplace"];
const EventParam = z.object({ eventId: IdText.openapi({ param: { name: "eventId", in: "path" } }) });
const organiser = onlyFor("admin", "coordinator");

export const list = createRoute({
  method: "get",
  path: "/marketplaces/{eventId}/deals",
  operationId: "listMarketplaceDeals",
  tags,
  summary: "The deals made at a marketplace (organiser: a coordinator of the event's region, or admin)",
  security: organiser,
  request: { params: EventParam },
  responses: {
    200: jsonContent(z.object({ data: z.array(DealSchema) }).openapi("DealList"), "Deals, newest first"),
    ...errorResponses(401, 403, 404, 422),
  },
});

export const create = createRoute({
  method: "post",
  path: "/marketplaces/{eventId}/deals",
  operationId: "createMarketplaceDeal",
  tags,
  summary: "Record a deal: it becomes a cooperation of the event (idempotent by clientId)",
  security: organiser,
  request: { params: EventParam, body: jsonBody(DealInput) },
  responses: {
    201: jsonContent(DealSchema, "Recorded"),
    200: jsonContent(DealSchema, "Already recorded with this clientId: the stored deal, nothing written"),
    ...errorResponses(401, 403, 404, 409, 413, 415, 422),
  },
});

export const DealSheetLink = z
  .object({
    secret: z.string().openapi({ description: "Shown once; stored only as its hash" }),
    path: z.string().openapi({ example: "/deal-sheet#kl_…", description: "The phone page with the secret in its fragment (never sent to a server log)" }),
    expiresAt: z.string(),
  })
  .openapi("DealSheetLink");

export const issueLink = createRoute({
  method: "post",
  path: "/marketplaces/{eventId}/deal-sheet-links",
  operationId: "createDealSheetLink",
  tags,
  summary: "A new deal-sheet link for the phones in the hall (earlier links stay valid until they expire or are withdrawn)",
  security: organiser,
  request: { params: EventParam },
  responses: { 201: jsonContent(DealSheetLink, "The link, shown once"), ...errorResponses(401, 403, 404, 422) },
});

export const revokeLinks = createRoute({
  method: "delete",
  path: "/marketplaces/{eventId}/deal-sheet-links",
  operationId: "deleteDealSheetLinks",
  tags,
  summary: "Withdraw every deal-sheet link of the event",
  security: organiser,
  request: { params: EventParam },
  responses: { 204: { description: "Withdrawn" }, ...errorResponses(401, 403, 404, 422) },
});
