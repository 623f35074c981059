/**
 * @module
 * Regional impact reports as JSON (the data behind `/reports/<code>`, docs/reports.md): public
 * figures of a region and calendar year, frozen when first asked for and reachable later under
 * their report id.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, jsonContent } from "../../lib/schemas";
import { RegionMetricsSchema } from "../metrics/metrics.routes";

const CodeParam = z.object({ code: z.string().min(1).max(32).openapi({ param: { name: "code", in: "path" }, example: "05113" }) });

export const ReportQuery = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, { message: "Expected a year as YYYY" })
    .transform(Number)
    .openapi({ description: "Calendar year (the running year or one of the 10 before it)", example: "2025", type: "string" }),
  revision: z
    .string()
    .regex(/^r?\d{1,15}$/, { message: "Expected a report id like r12" })
    .transform((s) => Number(s.replace(/^r/, "")))
    .optional()
    .openapi({ description: "A stored report's id (`r12` or `12`): exactly the figures stored then. Without it: the latest report, frozen now if the data changed since the last one", example: "r12", type: "string" }),
});

const Count = z.union([z.number(), z.literal("<3")]);

export const ReportFiguresSchema = z
  .object({
    region: z.object({ code: z.string(), name: z.string(), kind: z.string(), population: z.number().nullable() }),
    year: z.number().int(),
    window: z.object({ from: z.string(), to: z.string() }),
    metrics: RegionMetricsSchema.omit({ revision: true, currentRevision: true, stale: true, computedAt: true, window: true, region: true }),
    trend: z.array(z.object({ period: z.string(), value: Count.nullable(), partial: z.boolean() })).openapi({ description: "New cooperations per quarter" }),
    sources: z.array(z.string()).openapi({ description: "Public API requests (under /api/v1) the figures were read from, as an anonymous caller" }),
  })
  .openapi("ReportFigures");

export const ReportSchema = z
  .object({
    id: z.number().int().openapi({ description: "Report id (`r<id>` in the permanent URL)" }),
    permanentUrl: z.string().openapi({ example: "/reports/05113/2025/r12" }),
    latestUrl: z.string().openapi({ example: "/reports/05113?year=2025" }),
    latestId: z.number().int().openapi({ description: "Id of the latest stored report of this region and year" }),
    newerData: z.boolean().openapi({ description: "The region's data changed after these figures were made" }),
    dataRevision: z.number().int().openapi({ description: "The region's data revision the figures were made from" }),
    asOf: z.string().openapi({ description: "Last day the figures cover" }),
    createdAt: z.string(),
    contentHash: z.string().openapi({ description: "SHA-256 of the figures (canonical JSON)" }),
    figures: ReportFiguresSchema,
  })
  .openapi("Report");

export const report = createRoute({
  method: "get",
  path: "/reports/{code}",
  operationId: "getRegionReport",
  tags: ["Reports"],
  summary: "Regional impact report of a calendar year (public figures, pinned to a data revision)",
  description:
    "Public (no token): the figures are those anonymous callers get from the metrics and trend routes (small numbers withheld, docs/privacy.md). Without `revision` the latest report; a request whose data is unchanged reads the stored report and computes nothing. At most one stored report per region, year and content; storage limits in docs/reports.md (an evicted report answers 410).",
  request: { params: CodeParam, query: ReportQuery },
  responses: {
    200: jsonContent(ReportSchema, "The report"),
    ...errorResponses(404, 422),
    410: { description: "The report was removed by the storage limits", content: { "application/json": { schema: z.object({ error: z.object({ code: z.string(), message: z.string() }) }) } } },
    503: { description: "The region's figures are being computed (large regions); see Retry-After", content: { "application/json": { schema: z.object({ error: z.object({ code: z.string(), message: z.string() }) }) } } },
  },
});
