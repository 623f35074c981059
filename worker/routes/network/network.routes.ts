/**
 * @module
 * The network of a region (nodes, edges, metrics; JSON, GEXF, GraphML, CSV) and the list of
 * isolated, peripheral and fading organisations with match suggestions.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { onlyFor } from "../../lib/create-app";
import { errorResponses } from "../../lib/schemas";
import { NetworkFiguresSchema, OrganisationMetricsSchema, OrganisationStatus, SuggestionSchema, WindowQuery } from "../metrics/metrics.routes";

const withCsv = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema }, "text/csv": { schema: z.string() } },
});

const Position = {
  x: z.number().nullable().openapi({ description: "Layout position (null for networks too large for a layout)" }),
  y: z.number().nullable(),
};

const ScopeNode = OrganisationMetricsSchema.extend({ id: z.number().int(), inScope: z.literal(true), ...Position }).openapi("NetworkNode", {
  description: "An organisation registered in the scope, with its metrics",
});
const OutsideNode = z
  .object({
    id: z.number().int(),
    organisationId: z.number().int(),
    name: z.string(),
    kind: z.enum(["company", "nonprofit", "public", "intermediary"]),
    regionCode: z.string(),
    isPublic: z.boolean(),
    inScope: z.literal(false),
    ...Position,
  })
  .openapi("OutsidePartnerNode", { description: "A partner registered outside the scope (no metrics of its own in this network)" });

const Window = z.object({ from: z.string(), to: z.string() }).openapi({ example: { from: "2024-12-01", to: "2026-11-30" } });

const CodeParam = z.object({ code: z.string().min(1).max(32).openapi({ param: { name: "code", in: "path" }, example: "05113" }) });

export const network = createRoute({
  method: "get",
  path: "/regions/{code}/network",
  operationId: "getRegionNetwork",
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
          schema: z
            .object({
              region: z.string(),
              revision: z.number().int(),
              currentRevision: z.number().int(),
              computedAt: z.string(),
              stale: z.boolean(),
              window: Window,
              metrics: NetworkFiguresSchema,
              nodes: z.array(z.union([ScopeNode, OutsideNode])).openapi({ description: "The scope's organisations (inScope true), then their partners outside it" }),
              edges: z.array(
                z.object({
                  source: z.number().int(),
                  target: z.number().int(),
                  weight: z.number().openapi({ description: "Cooperations of the pair in the window" }),
                  hours: z.number(),
                  valueEur: z.number(),
                  firstDate: z.string(),
                  lastDate: z.string(),
                }),
              ),
              eventTies: z
                .array(z.object({ source: z.number().int(), target: z.number().int(), events: z.number().int(), layer: z.literal("event") }))
                .optional()
                .openapi({ description: "With eventTies=true: pairs that attended the same events" }),
            })
            .openapi("Network"),
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
  operationId: "listIsolatedOrganisations",
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
        window: Window,
        organisations: z.array(
          z.object({
            organisationId: z.number().int(),
            name: z.string(),
            kind: z.string(),
            regionCode: z.string(),
            status: OrganisationStatus,
            degree: z.number().int(),
            lastCooperation: z.string().nullable(),
            suggestions: z.array(SuggestionSchema),
          }),
        ),
        nextCursor: z.string().nullable(),
      }),
      "Organisations needing partners (CSV: one row per suggestion, German Excel dialect)",
    ),
    ...errorResponses(401, 403, 404, 422),
  },
});
