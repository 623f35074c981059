/**
 * @module
 * The audit log of every write: admins see all, coordinators the entries of their regions.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { onlyFor } from "../../lib/create-app";
import { DateString, errorResponses, jsonContent, listEnvelope } from "../../lib/schemas";
import { ExportQuery, withExportContent } from "../../export/list-export";

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    role: z.string(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    regionCode: z.string().nullable(),
    detail: z.unknown().nullable(),
  })
  .openapi("AuditEntry");

export const list = createRoute({
  method: "get",
  path: "/audit",
  operationId: "listAuditEntries",
  security: onlyFor("admin", "coordinator"),
  tags: ["Access"],
  summary: "Audit log, newest first",
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(500).default(100),
      cursor: z.string().max(200).optional(),
      entity: z.enum(["regions", "organisations", "events", "cooperations", "tokens", "import"]).optional(),
      entityId: z.string().max(50).optional(),
      actor: z.string().max(50).optional(),
      from: DateString.optional(),
      to: DateString.optional(),
      ...ExportQuery,
    }),
  },
  responses: { 200: withExportContent(jsonContent(listEnvelope(AuditEntrySchema, "AuditList"), "Audit entries")), ...errorResponses(401, 403, 422) },
});
