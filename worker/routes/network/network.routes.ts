/**
 * @module
 * The network of a region (nodes, edges, metrics; JSON, GEXF, GraphML, CSV) and the list of
 * isolated, peripheral and fading organisations with match suggestions.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { onlyFor } from "../../lib/create-app";
import { errorResponses } from "../../lib/schemas";
import { WindowQuery } from "../metrics/metrics.routes";

const withCsv = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema }, "text/csv": { schema: z.string() } },
});

const CodeParam = z.object({ code: z.string().min(1).max(32).openapi({ param: { name: "code", in: "path" }, example: "05113" }) });

export const network = createRoute({
  method: "get",
  path: "/regions/{code}/network",
  security: onlyFor("admin", "coordinator", "funder"),
  tags: ["Network"],
  summary: "Nodes (organisations with metrics and layout), edges (ties) and network figures",
  request: {
    params: CodeParam,
    query: z.object({
      ...WindowQuery,
      format: z.enum(["json", "gexf", "graphml", "csv", "zip"]).default("json").openapi({
        description:
          "json; gexf (GEXF 1.3 for Gephi: viz:position = the layout, viz:size by partners, viz:color by kind, typed attributes); graphml (the same attributes with typed keys, x/y as attributes); csv (edge list); zip (nodes.csv + edges.csv, dialect by `locale`). Every file has the same nodes, ties and attribute values as json (docs/network-files.md)",
      }),
      locale: z.enum(["de", "en"]).default("de").openapi({ description: "format=zip only: de = German Excel dialect (';', decimal comma, dd.mm.yyyy, ja/nein); en = ',' and ISO dates" }),
      eventTies: z.enum(["true", "false"]).default("false").openapi({
        description: "Also return the weaker tie layer: organisations that attended the same events (layer 'event'; metrics use cooperation ties only)",
      }),
    }),
  },
  responses: {
    200: {
      description: "The network",
      content: {
        "application/json": {
          schema: z.object({
            region: z.string(),
            revision: z.number().int(),
            computedAt: z.string(),
            stale: z.boolean(),
            window: z.object({ from: z.string(), to: z.string() }),
            metrics: z.record(z.string(), z.unknown()),
            nodes: z.array(z.record(z.string(), z.unknown())),
            edges: z.array(z.object({ source: z.number(), target: z.number(), weight: z.number(), hours: z.number(), valueEur: z.number(), firstDate: z.string(), lastDate: z.string() })),
          }),
        },
        "application/gexf+xml": { schema: z.string() },
        "application/graphml+xml": { schema: z.string() },
        "text/csv": { schema: z.string() },
        "application/zip": { schema: z.string().openapi({ format: "binary", description: "nodes.csv + edges.csv (format=zip)" }) },
      },
    },
    ...errorResponses(401, 403, 404, 422),
  },
});

export const isolated = createRoute({
  method: "get",
  path: "/regions/{code}/isolated",
  security: onlyFor("admin", "coordinator", "funder"),
  tags: ["Network"],
  summary: "Isolated, peripheral and fading organisations, each with ranked match suggestions and reasons",
  request: {
    params: CodeParam,
    query: z.object({
      ...WindowQuery,
      status: z.enum(["isolated", "peripheral", "fading"]).optional(),
      kind: z.enum(["company", "nonprofit", "public", "intermediary"]).optional(),
      format: z.enum(["json", "csv"]).default("json"),
      limit: z.coerce.number().int().min(1).max(1000).optional().openapi({ description: "Page size (default and maximum 1 000)" }),
      cursor: z.string().regex(/^\d+$/).optional().openapi({ description: "nextCursor of the previous page" }),
    }),
  },
  responses: {
    200: withCsv(
      z.object({
        region: z.string(),
        revision: z.number().int(),
        computedAt: z.string(),
        stale: z.boolean(),
        window: z.object({ from: z.string(), to: z.string() }),
        organisations: z.array(
          z.object({
            organisationId: z.number().int(),
            name: z.string(),
            kind: z.string(),
            regionCode: z.string(),
            status: z.string(),
            degree: z.number(),
            lastCooperation: z.string().nullable(),
            suggestions: z.array(
              z.object({
                organisationId: z.number().int(),
                name: z.string(),
                kind: z.string(),
                regionCode: z.string(),
                score: z.number().openapi({ description: "Σ weight × component (see components)" }),
                components: z.record(z.string(), z.number()).openapi({ description: "region, affinity, openness, recency, adamicAdar, each in [0, 1]" }),
                reasons: z.array(z.string()).openapi({ description: "The reasons in English words" }),
                reasonCodes: z
                  .array(z.object({ code: z.enum(["same_region", "same_state", "field_affinity", "open_to_cooperation", "recently_active", "shared_partners"]), params: z.record(z.string(), z.union([z.string(), z.number()])) }))
                  .openapi({ description: "The same reasons as codes with parameters, for wording in any language" }),
              }),
            ),
          }),
        ),
        nextCursor: z.string().nullable(),
      }),
      "Organisations needing partners (CSV: one row per suggestion, German Excel dialect)",
    ),
    ...errorResponses(401, 403, 404, 422),
  },
});
