/**
 * @module
 * Organisations: companies, non-profits, public bodies and intermediaries (schema/migrations).
 */
import { createRoute, z } from "@hono/zod-openapi";
import { onlyFor } from "../../lib/create-app";
import {
  errorResponses,
  IdParam,
  jsonBody,
  jsonContent,
  Line,
  ListQueryBase,
  listEnvelope,
  OrganisationKind,
  RegionFilter,
  SizeClass,
} from "../../lib/schemas";
import { ExportQuery, withExportContent } from "../../export/list-export";

export const BULK_MAX = 5000;

const Key = z.string().trim().min(1).max(100).regex(/^[a-z0-9_]+$/, "Lowercase key like youth_work");

export const OrganisationFields = {
  name: Line(300).min(1).openapi({ example: "Arbeiterwohlfahrt Kreisverband Jülich e.V." }),
  kind: OrganisationKind,
  regionCode: z.string().min(1).max(32).openapi({ example: "05358" }),
  postcode: z.string().trim().regex(/^[0-9A-Za-z -]{3,10}$/, "Not a postcode").nullable().optional(),
  field: Key.nullable().optional().openapi({ description: "Field of work (non-profits), e.g. youth_work" }),
  industry: Key.nullable().optional().openapi({ description: "Industry (companies), e.g. it_services" }),
  sizeClass: SizeClass.nullable().optional(),
  isPublic: z.boolean().optional().openapi({ description: "May be named in public charts" }),
  contactName: Line(200).nullable().optional().openapi({ description: "Personal data" }),
  contactEmail: z.email().max(254).nullable().optional().openapi({ description: "Personal data" }),
  source: Line(50).min(1).optional().openapi({ description: "Source system of externalRef (default 'manual')" }),
  externalRef: Line(200).min(1).nullable().optional().openapi({ description: "Unique per source; makes imports idempotent" }),
};

export const OrganisationCreate = z.strictObject(OrganisationFields).openapi("OrganisationCreate");
export const OrganisationUpdate = z
  .strictObject(Object.fromEntries(Object.entries(OrganisationFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof OrganisationFields]: z.ZodOptional<(typeof OrganisationFields)[K]>;
  })
  .openapi("OrganisationUpdate");

export const OrganisationSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: OrganisationKind,
    regionCode: z.string(),
    postcode: z.string().nullable(),
    field: z.string().nullable(),
    industry: z.string().nullable(),
    sizeClass: SizeClass.nullable(),
    isPublic: z.boolean(),
    contactName: z.string().nullable().openapi({ description: "Only for admins and coordinators of the region" }),
    contactEmail: z.string().nullable().openapi({ description: "Only for admins and coordinators of the region" }),
    source: z.string(),
    externalRef: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Organisation");

export const BulkReport = z
  .object({ created: z.number().int(), updated: z.number().int(), ids: z.array(z.number().int()) })
  .openapi("BulkReport");

const tags = ["Organisations"];

export const list = createRoute({
  method: "get",
  path: "/organisations",
  operationId: "listOrganisations",
  tags,
  summary: "List organisations",
  request: {
    query: z.object({
      ...ListQueryBase,
      region: RegionFilter,
      kind: OrganisationKind.optional(),
      field: z.string().max(100).optional(),
      industry: z.string().max(100).optional(),
      source: z.string().max(50).optional(),
      externalRef: z.string().max(200).optional(),
      ids: z
        .string()
        .regex(/^\d+(,\d+){0,499}$/, "Comma-separated ids (at most 500)")
        .optional()
        .openapi({ description: "Only these organisations, e.g. ids=12,40,41 (names of partners in one request)" }),
      sort: z.string().optional().openapi({ description: "name, createdAt, updatedAt, id; prefix - for descending" }),
      ...ExportQuery,
    }),
  },
  responses: { 200: withExportContent(jsonContent(listEnvelope(OrganisationSchema, "OrganisationList"), "Organisations")), ...errorResponses(401, 422) },
});

export const get = createRoute({
  method: "get",
  path: "/organisations/{id}",
  operationId: "getOrganisation",
  tags,
  summary: "One organisation",
  request: { params: IdParam },
  responses: { 200: jsonContent(OrganisationSchema, "The organisation"), ...errorResponses(404, 422) },
});

export const create = createRoute({
  method: "post",
  path: "/organisations",
  operationId: "createOrganisation",
  tags,
  summary: "Create an organisation",
  request: { body: jsonBody(OrganisationCreate) },
  responses: { 201: jsonContent(OrganisationSchema, "Created"), ...errorResponses(400, 401, 403, 409, 413, 415, 422) },
});

export const update = createRoute({
  method: "patch",
  path: "/organisations/{id}",
  operationId: "updateOrganisation",
  tags,
  summary: "Change an organisation",
  request: { params: IdParam, body: jsonBody(OrganisationUpdate) },
  responses: { 200: jsonContent(OrganisationSchema, "Updated"), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
});

export const remove = createRoute({
  method: "delete",
  path: "/organisations/{id}",
  operationId: "deleteOrganisation",
  tags,
  summary: "Delete an organisation (soft; its cooperations stay in the figures)",
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...errorResponses(401, 403, 404) },
});

export const bulk = createRoute({
  method: "post",
  path: "/organisations/bulk",
  operationId: "bulkUpsertOrganisations",
  tags,
  summary: `Create or update up to ${BULK_MAX} organisations at once (all or nothing; same externalRef updates)`,
  request: {
    body: jsonBody(z.strictObject({ records: z.array(OrganisationCreate).min(1).max(BULK_MAX) }).openapi("OrganisationBulk")),
  },
  responses: { 200: jsonContent(BulkReport, "Stored"), ...errorResponses(400, 401, 403, 413, 415, 422) },
});

export const personalData = createRoute({
  method: "get",
  path: "/organisations/{id}/personal-data",
  operationId: "getOrganisationPersonalData",
  security: onlyFor("admin", "coordinator"),
  tags,
  summary: "Export the personal data stored about an organisation (contact person), with its audit trail",
  request: { params: IdParam },
  responses: {
    200: jsonContent(
      z.object({
        organisationId: z.number().int(),
        contactName: z.string().nullable(),
        contactEmail: z.string().nullable(),
        registrations: z
          .array(z.object({ registrationId: z.number().int(), eventId: z.number().int(), contactName: z.string().nullable(), contactEmail: z.string().nullable(), consentText: z.string().nullable(), consentAt: z.string().nullable() }))
          .openapi({ description: "Contact persons given with the organisation's marketplace registrations, with the consent text they agreed to" }),
        directoryEntry: z
          .object({ published: z.boolean(), contactName: z.string().nullable(), contactEmail: z.string().nullable(), contactPhone: z.string().nullable(), website: z.string().nullable(), consentText: z.string().nullable(), consentAt: z.string().nullable(), consentBy: z.string().nullable() })
          .nullable()
          .openapi({ description: "The contact published in the directory of local contacts, with the consent given for publication (docs/directory.md); null without an entry" }),
        auditTrail: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string() })),
      }),
      "Personal data",
    ),
    ...errorResponses(401, 403, 404),
  },
});

export const erase = createRoute({
  method: "delete",
  path: "/organisations/{id}/personal-data",
  operationId: "deleteOrganisationPersonalData",
  tags,
  summary: "Erase personal data (contact person, and the record itself with ?purge=true): data-protection erasure",
  request: {
    params: IdParam,
    query: z.object({ purge: z.enum(["true", "false"]).optional().openapi({ description: "Also anonymise and delete the organisation" }) }),
  },
  responses: { 204: { description: "Erased" }, ...errorResponses(401, 403, 404) },
});
