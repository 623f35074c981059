/**
 * @module
 * An event's own results (docs/marketplace.md, "The event's results"): the organiser's view with
 * names, and the public figures, withheld by the small-numbers rule (docs/privacy.md).
 */
import { createRoute, z } from "@hono/zod-openapi";
import { onlyFor } from "../../lib/create-app";
import { ContributionType, errorResponses, IdText, jsonContent, OrganisationKind } from "../../lib/schemas";

const tags = ["Marketplace"];

export const EventIdParam = z.object({ eventId: IdText.openapi({ param: { name: "eventId", in: "path" } }) });

const Count = z.union([z.number().int(), z.literal("<3")]).openapi({
  description: "Anonymous callers: \"<3\" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md)",
});
const Rate = z.number().nullable().openapi({ description: "Done ÷ all deals; null without deals, or for anonymous callers when either count is withheld" });
const ByStatus = <T extends z.ZodType>(v: T) => z.object({ agreed: v, done: v, ongoing: v, cancelled: v, not_feasible: v });

const ResultsEvent = z.object({ id: z.number().int(), title: z.string(), date: z.string(), regionCode: z.string() });
const Organisation = z.object({ id: z.number().int(), name: z.string(), kind: OrganisationKind, isPublic: z.boolean() }).openapi("ResultsOrganisation");

export const EventResultsSchema = z
  .object({
    event: ResultsEvent,
    deals: z.object({ total: z.number().int(), active: z.number().int().openapi({ description: "Agreed, done or ongoing" }), byStatus: ByStatus(z.number().int()), fulfilmentRate: Rate }),
    ties: z.object({ total: z.number().int().openapi({ description: "Pairs of partners of the event's active deals" }), new: z.number().int().openapi({ description: "Pairs without an active cooperation agreed before the event" }), earlier: z.number().int() }),
    partners: z.object({ total: z.number().int(), firstPartner: z.number().int().openapi({ description: "Partners without any active cooperation agreed before the event: the event gave them their first partner" }) }),
    needs: z.object({ total: z.number().int(), met: z.number().int(), unmet: z.number().int(), unmetByType: z.record(z.string(), z.number().int()) }),
    followUps: z.object({ total: z.number().int(), answered: z.number().int(), overdue: z.number().int().openapi({ description: "Not answered, due before today" }) }),
    newTies: z.array(z.object({ a: Organisation, b: Organisation })),
    firstPartners: z.array(Organisation),
    unmetNeeds: z.array(z.object({ itemId: z.number().int(), organisation: Organisation, contributionType: ContributionType, description: z.string() })),
  })
  .openapi("EventResults");

export const PublicEventResultsSchema = z
  .object({
    event: ResultsEvent,
    deals: z.object({ total: Count, active: Count, byStatus: ByStatus(Count), fulfilmentRate: Rate }),
    ties: z.object({ total: Count, new: Count }),
    partners: z.object({ total: Count, firstPartner: Count }),
    needs: z.object({ total: Count, unmet: Count, unmetByType: z.record(z.string(), Count) }),
  })
  .openapi("PublicEventResults");

export const results = createRoute({
  method: "get",
  path: "/marketplaces/{eventId}/results",
  operationId: "getMarketplaceResults",
  tags,
  summary: "The event's own results, with names (organiser: a coordinator of the event's region, or admin)",
  security: onlyFor("admin", "coordinator"),
  request: { params: EventIdParam },
  responses: { 200: jsonContent(EventResultsSchema, "The event's results"), ...errorResponses(401, 403, 404, 422) },
});

export const publicResults = createRoute({
  method: "get",
  path: "/public/marketplaces/{eventId}/results",
  operationId: "getPublicMarketplaceResults",
  tags,
  summary: "The event's results as counts; small numbers withheld for anonymous callers (docs/privacy.md)",
  request: { params: EventIdParam },
  responses: { 200: jsonContent(PublicEventResultsSchema, "The event's public results"), ...errorResponses(404, 422) },
});
