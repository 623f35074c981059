/**
 * @module
 * Cooperations: one agreement/deal between a company side and a non-profit side; n ≥ 2 partners,
 * every pair of partners forms a tie in the network.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { onlyFor } from "../../lib/create-app";
import {
  ContributionType,
  CooperationStatus,
  DateString,
  errorResponses,
  EventKind,
  IdParam,
  IdText,
  jsonBody,
  jsonContent,
  Line,
  ListQueryBase,
  listEnvelope,
  RegionFilter,
  Text,
} from "../../lib/schemas";
import { ExportQuery, withExportContent } from "../../export/list-export";

export const BULK_MAX = 5000;

const PartnerRef = z.strictObject({
  source: Line(50).min(1).default("manual"),
  externalRef: Line(200).min(1),
});

const CooperationFields = {
  regionCode: z.string().min(1).max(32).optional().openapi({ description: "Where it happens; default: the non-profit partner's region" }),
  eventId: z.number().int().positive().nullable().optional().openapi({ description: "The event (format instance) it came from" }),
  partnerIds: z.array(z.number().int().positive()).max(50).optional().openapi({ description: "Organisation ids of the partners" }),
  partnerRefs: z.array(PartnerRef).max(50).optional().openapi({ description: "Partners by source + externalRef (imports)" }),
  dateAgreed: DateString,
  dateDone: DateString.nullable().optional(),
  status: CooperationStatus,
  contributionTypes: z.array(ContributionType).max(6).default([]),
  volunteers: z.number().int().min(0).max(1_000_000).default(0),
  hours: z.number().min(0).max(10_000_000).default(0),
  valueEur: z.number().min(0).max(1_000_000_000).default(0),
  peopleReached: z.number().int().min(0).max(100_000_000).default(0),
  targetGroups: Text(500).nullable().optional(),
  givesBack: Text(2000).nullable().optional().openapi({ description: "What the non-profit gives back" }),
  followUpOf: z.number().int().positive().nullable().optional().openapi({ description: "Previous cooperation of the same pair" }),
  source: Line(50).min(1).optional(),
  externalRef: Line(200).min(1).nullable().optional(),
  notes: Text(5000).nullable().optional(),
};

const datesInOrder = (v: { dateAgreed?: string; dateDone?: string | null }) => !v.dateDone || !v.dateAgreed || v.dateDone >= v.dateAgreed;
const dateOrder = { message: "dateDone must not be before dateAgreed", path: ["dateDone"] };

export const CooperationCreate = z.strictObject(CooperationFields).refine(datesInOrder, dateOrder).openapi("CooperationCreate");

const optionalFields = Object.fromEntries(
  Object.entries(CooperationFields).map(([k, v]) => [k, v instanceof z.ZodDefault ? v.removeDefault().optional() : v.optional()]),
) as unknown as { [K in keyof typeof CooperationFields]: z.ZodOptional<z.ZodType<z.output<(typeof CooperationFields)[K]>>> };
export const CooperationUpdate = z.strictObject(optionalFields).refine(datesInOrder, dateOrder).openapi("CooperationUpdate");

export const CooperationSchema = z
  .object({
    id: z.number().int(),
    regionCode: z.string(),
    eventId: z.number().int().nullable(),
    format: EventKind.nullable().openapi({ description: "Kind of the event it came from" }),
    partnerIds: z.array(z.number().int()),
    dateAgreed: z.string(),
    dateDone: z.string().nullable(),
    status: CooperationStatus,
    contributionTypes: z.array(ContributionType),
    volunteers: z.number().int(),
    hours: z.number(),
    valueEur: z.number(),
    peopleReached: z.number().int(),
    targetGroups: z.string().nullable(),
    givesBack: z.string().nullable(),
    followUpOf: z.number().int().nullable(),
    source: z.string(),
    externalRef: z.string().nullable(),
    notes: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Cooperation");

const tags = ["Cooperations"];

export const list = createRoute({
  method: "get",
  path: "/cooperations",
  operationId: "listCooperations",
  security: onlyFor("admin", "coordinator", "funder"),
  tags,
  summary: "List cooperations (admins and funders: all; coordinators: their regions)",
  request: {
    query: z.object({
      ...ListQueryBase,
      region: RegionFilter,
      status: CooperationStatus.optional(),
      format: z
        .union([z.enum(["json", "csv", "xlsx"]), EventKind, z.literal("none")])
        .optional()
        .openapi({ description: "Output: json (default), csv or xlsx (all pages as a file). An event format here (action_day … or 'none') filters like eventFormat, as before" }),
      eventFormat: z.union([EventKind, z.literal("none")]).optional().openapi({ description: "Event format; 'none' = without event" }),
      locale: ExportQuery.locale,
      from: DateString.optional().openapi({ description: "dateAgreed on or after" }),
      to: DateString.optional().openapi({ description: "dateAgreed on or before" }),
      organisation: IdText.optional(),
      event: IdText.optional(),
      source: z.string().max(50).optional(),
      externalRef: z.string().max(200).optional(),
      sort: z.string().optional().openapi({ description: "dateAgreed, createdAt, updatedAt, hours, valueEur, id; prefix - for descending (default -dateAgreed)" }),
    }),
  },
  responses: { 200: withExportContent(jsonContent(listEnvelope(CooperationSchema, "CooperationList"), "Cooperations")), ...errorResponses(401, 422) },
});

export const get = createRoute({
  method: "get",
  path: "/cooperations/{id}",
  operationId: "getCooperation",
  security: onlyFor("admin", "coordinator", "funder"),
  tags,
  summary: "One cooperation",
  request: { params: IdParam },
  responses: { 200: jsonContent(CooperationSchema, "The cooperation"), ...errorResponses(401, 404, 422) },
});

export const create = createRoute({
  method: "post",
  path: "/cooperations",
  operationId: "createCooperation",
  tags,
  summary: "Record a cooperation (deal sheet)",
  request: { body: jsonBody(CooperationCreate) },
  responses: { 201: jsonContent(CooperationSchema, "Created"), ...errorResponses(400, 401, 403, 409, 413, 415, 422) },
});

export const update = createRoute({
  method: "patch",
  path: "/cooperations/{id}",
  operationId: "updateCooperation",
  tags,
  summary: "Change a cooperation (partnerIds replaces the partners)",
  request: { params: IdParam, body: jsonBody(CooperationUpdate) },
  responses: { 200: jsonContent(CooperationSchema, "Updated"), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
});

export const remove = createRoute({
  method: "delete",
  path: "/cooperations/{id}",
  operationId: "deleteCooperation",
  tags,
  summary: "Delete a cooperation (soft)",
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...errorResponses(401, 403, 404) },
});

export const BulkReport = z
  .object({ created: z.number().int(), updated: z.number().int(), ids: z.array(z.number().int()) })
  .openapi("CooperationBulkReport");

export const bulk = createRoute({
  method: "post",
  path: "/cooperations/bulk",
  operationId: "bulkUpsertCooperations",
  tags,
  summary: `Create or update up to ${BULK_MAX} cooperations at once (all or nothing; same source + externalRef updates)`,
  request: { body: jsonBody(z.strictObject({ records: z.array(CooperationCreate).min(1).max(BULK_MAX) }).openapi("CooperationBulk")) },
  responses: { 200: jsonContent(BulkReport, "Stored"), ...errorResponses(400, 401, 403, 413, 415, 422) },
});
