/**
 * @module
 * The organiser's view of a marketplace's registrations: each with its needs or offers and the
 * existing organisation it was matched to; approve (as that organisation, another one, or a new
 * one) or reject. Only approved registrations count (event participants, the board's ranking).
 */
import { createRoute, z } from "@hono/zod-openapi";
import { onlyFor } from "../../lib/create-app";
import { errorResponses, IdText, jsonBody, jsonContent } from "../../lib/schemas";
import { RegistrationItem } from "../public-registration/public-registration.routes";
import { EventIdParam } from "./workspace.routes";

const tags = ["Marketplace"];

const OrganisationRef = z.object({ id: z.number().int(), name: z.string(), postcode: z.string().nullable() }).openapi("OrganisationRef");

export const RegistrationSchema = z
  .object({
    id: z.number().int(),
    eventId: z.number().int(),
    side: z.enum(["nonprofit", "company"]),
    orgName: z.string(),
    postcode: z.string().nullable(),
    field: z.string().nullable(),
    industry: z.string().nullable(),
    status: z.enum(["pending", "approved", "rejected", "withdrawn"]),
    candidate: OrganisationRef.nullable().openapi({ description: "The existing organisation the name and postcode match (docs/marketplace.md)" }),
    organisation: OrganisationRef.nullable().openapi({ description: "Approved: the organisation the registration counts for" }),
    contactName: z.string().nullable().openapi({ description: "Personal data, stored with consent" }),
    contactEmail: z.string().nullable(),
    consentText: z.string().nullable(),
    consentAt: z.string().nullable(),
    locale: z.string(),
    items: z.array(RegistrationItem),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Registration");

const RegistrationParams = EventIdParam.extend({ registrationId: IdText.openapi({ param: { name: "registrationId", in: "path" } }) });

export const list = createRoute({
  method: "get",
  path: "/marketplaces/{eventId}/registrations",
  operationId: "listMarketplaceRegistrations",
  tags,
  summary: "A marketplace's registrations with their items and matched organisations (oldest first)",
  security: onlyFor("admin", "coordinator"),
  request: { params: EventIdParam, query: z.object({ status: z.enum(["pending", "approved", "rejected", "withdrawn"]).optional() }) },
  responses: { 200: jsonContent(z.object({ data: z.array(RegistrationSchema) }).openapi("RegistrationList"), "Registrations"), ...errorResponses(401, 403, 404, 422) },
});

export const RegistrationApproval = z
  .strictObject({
    organisationId: z.number().int().positive().nullable().optional().openapi({ description: "The existing organisation (usually the candidate); null or absent: create one" }),
    regionCode: z.string().min(1).max(32).optional().openapi({ description: "A new organisation's region (default: the event's region)" }),
  })
  .openapi("RegistrationApproval");

export const approve = createRoute({
  method: "post",
  path: "/marketplaces/{eventId}/registrations/{registrationId}/approve",
  operationId: "createRegistrationApproval",
  tags,
  summary: "Approve a registration: as an existing organisation (organisationId) or as a new one; it becomes an event participant",
  request: {
    params: RegistrationParams,
    body: jsonBody(RegistrationApproval),
  },
  responses: { 200: jsonContent(RegistrationSchema, "Approved"), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
});

export const reject = createRoute({
  method: "post",
  path: "/marketplaces/{eventId}/registrations/{registrationId}/reject",
  operationId: "createRegistrationRejection",
  tags,
  summary: "Decline a pending registration",
  request: { params: RegistrationParams, body: jsonBody(z.strictObject({}).openapi("RegistrationRejection")) },
  responses: { 200: jsonContent(RegistrationSchema, "Rejected"), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
});
