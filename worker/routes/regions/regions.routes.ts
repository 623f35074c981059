/**
 * @module
 * Regions: German states and districts (reference data, AGS codes) and custom regions.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, jsonBody, jsonContent, Line, ListQueryBase, listEnvelope, RegionKind } from "../../lib/schemas";
import { ExportQuery, withExportContent } from "../../export/list-export";

export const RegionCode = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9_-]+$/, "Letters, digits, '-' and '_' only")
  .openapi({ example: "09162" });

export const RegionSchema = z
  .object({
    code: RegionCode,
    name: z.string(),
    kind: RegionKind,
    parentCode: z.string().nullable(),
    population: z.number().int().nullable(),
    nuts3: z.string().nullable(),
    boundaryVintage: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Region");

export const RegionCreate = z
  .strictObject({
    code: RegionCode,
    name: Line(200).min(1),
    kind: z.literal("custom").default("custom").openapi({ description: "Only custom regions can be added; states and districts are reference data" }),
    parentCode: RegionCode.nullable().optional(),
    population: z.number().int().min(0).nullable().optional(),
    boundaryVintage: Line(32).nullable().optional(),
  })
  .openapi("RegionCreate");

export const RegionUpdate = z
  .strictObject({
    name: Line(200).min(1).optional(),
    parentCode: RegionCode.nullable().optional(),
    population: z.number().int().min(0).nullable().optional(),
    boundaryVintage: Line(32).nullable().optional(),
  })
  .openapi("RegionUpdate");

const CodeParam = z.object({ code: RegionCode.openapi({ param: { name: "code", in: "path" } }) });
const tags = ["Regions"];

export const list = createRoute({
  method: "get",
  path: "/regions",
  operationId: "listRegions",
  tags,
  summary: "List regions",
  request: {
    query: z.object({
      ...ListQueryBase,
      limit: ListQueryBase.limit.default(500),
      kind: RegionKind.optional(),
      parent: z.string().max(32).optional().openapi({ description: "Direct children of this region" }),
      sort: z.string().optional().openapi({ description: "code, name, population; prefix - for descending" }),
      ...ExportQuery,
    }),
  },
  responses: { 200: withExportContent(jsonContent(listEnvelope(RegionSchema, "RegionList"), "Regions")), ...errorResponses(422) },
});

export const get = createRoute({
  method: "get",
  path: "/regions/{code}",
  operationId: "getRegion",
  tags,
  summary: "One region",
  request: { params: CodeParam },
  responses: { 200: jsonContent(RegionSchema, "The region"), ...errorResponses(404) },
});

export const create = createRoute({
  method: "post",
  path: "/regions",
  operationId: "createRegion",
  tags,
  summary: "Add a custom region (admin)",
  request: { body: jsonBody(RegionCreate) },
  responses: { 201: jsonContent(RegionSchema, "Created"), ...errorResponses(400, 401, 403, 409, 415, 422) },
});

export const update = createRoute({
  method: "patch",
  path: "/regions/{code}",
  operationId: "updateRegion",
  tags,
  summary: "Change a region (admin)",
  request: { params: CodeParam, body: jsonBody(RegionUpdate) },
  responses: { 200: jsonContent(RegionSchema, "Updated"), ...errorResponses(400, 401, 403, 404, 415, 422) },
});

export const remove = createRoute({
  method: "delete",
  path: "/regions/{code}",
  operationId: "deleteRegion",
  tags,
  summary: "Remove a custom region that nothing refers to (admin)",
  request: { params: CodeParam },
  responses: { 204: { description: "Removed" }, ...errorResponses(401, 403, 404, 409) },
});
